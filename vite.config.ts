import { readFileSync } from 'node:fs';
import { defineConfig, type Plugin } from 'vite';
import react from '@vitejs/plugin-react';
import { VitePWA } from 'vite-plugin-pwa';
import { CONTENT_SECURITY_POLICY_META, SECURITY_HEADERS } from './scripts/securityHeaders';

const CHARSET = '<meta charset="UTF-8" />';
/** Source modules with no import-time effects (workers excepted: their top level is their whole job). */
// Except workers, and domain/zod.ts, whose one statement configures zod for the CSP before any schema exists.
const LAYERS_WITHOUT_SIDE_EFFECTS = /\/src\/(domain|storage|bundle|sync)\/(?!.*\.worker\.ts$)(?!zod\.ts$)/;

/**
 * The Content-Security-Policy as a meta tag in the built index.html, right after the charset. Not in the
 * index.html source: the dev server's React refresh needs an inline script the policy forbids.
 */
function contentSecurityPolicyMeta(): Plugin {
  return {
    name: 'fieldfolio-csp-meta',
    apply: 'build',
    transformIndexHtml(html) {
      if (!html.includes(CHARSET)) throw new Error(`index.html has no ${CHARSET} to put the CSP after`);
      const meta = `<meta http-equiv="Content-Security-Policy" content="${CONTENT_SECURITY_POLICY_META}" />`;
      return html.replace(CHARSET, `${CHARSET}\n    ${meta}`);
    },
  };
}

/** zod's JSON Schema generation: the app never asks for JSON Schema (scripts/gen-spec-docs.ts runs outside Vite). */
const ZOD_JSON_SCHEMA_MODULES = /[\\/]zod[\\/]v4[\\/]core[\\/](json-schema-processors|to-json-schema)\.js$/;

/**
 * zod builds JSON Schema generators into every schema (a closure per schema), so tree-shaking cannot drop them:
 * ~5 KB gzipped of the first visit. In the app build, each export of those two modules becomes a stand-in that
 * fails loudly if ever called; the factories zod calls while building a schema return such a stand-in.
 */
function withoutZodJsonSchema(): Plugin {
  return {
    name: 'fieldfolio-without-zod-json-schema',
    apply: 'build',
    enforce: 'pre',
    load(id) {
      if (!ZOD_JSON_SCHEMA_MODULES.test(id)) return null;
      const names = [...readFileSync(id, 'utf8').matchAll(/^export (?:const|function) (\w+)/gm)].map((m) => m[1]!);
      const aliases = [...readFileSync(id, 'utf8').matchAll(/^export \{ (\w+) as (\w+) \};/gm)];
      const factories = new Set(['createToJSONSchemaMethod', 'createStandardJSONSchemaMethod']);
      return [
        `const unavailable = () => { throw new Error('JSON Schema generation is not part of the app build'); };`,
        ...names.map((n) => `export const ${n} = ${factories.has(n) ? '() => unavailable' : 'unavailable'};`),
        ...aliases.map(([, from, as]) => `export { ${from} as ${as} };`),
      ].join('\n');
    },
  };
}

/** V8's explicit compile hint (v8.dev/blog/explicit-compile-hints): compile every function of the file eagerly. */
const COMPILE_ALL_ON_LOAD = '//# allFunctionsCalledOnLoad\n';

/**
 * The entry chunk is the code a start runs, nearly all of it: with V8's compile hint its functions are compiled on
 * the background thread that parses the streamed script, instead of one by one on the main thread as each is first
 * called (the start's largest single cost on a slow phone, docs/performance.md). Added after minification, as the
 * file's first line, where V8 looks for it.
 */
function compileEntryEagerly(): Plugin {
  return {
    name: 'fieldfolio-compile-entry-eagerly',
    apply: 'build',
    generateBundle: {
      // After Vite's own generateBundle, which puts its preload helper's line first.
      order: 'post',
      handler(_options, bundle) {
        for (const chunk of Object.values(bundle)) {
          if (chunk.type !== 'chunk' || !chunk.isEntry) continue;
          chunk.code = COMPILE_ALL_ON_LOAD + chunk.code;
          // A source map (profiling builds) shifts by the line added.
          const map = bundle[`${chunk.fileName}.map`];
          if (map?.type === 'asset' && typeof map.source === 'string') {
            const json = JSON.parse(map.source) as { mappings: string };
            map.source = JSON.stringify({ ...json, mappings: `;${json.mappings}` });
          }
        }
      },
    },
  };
}

export default defineConfig({
  plugins: [
    compileEntryEagerly(),
    react(),
    contentSecurityPolicyMeta(),
    withoutZodJsonSchema(),
    VitePWA({
      // Ask before reloading: an update must never throw away what someone is typing.
      registerType: 'prompt',
      injectRegister: false,
      includeAssets: ['icons/*.png', 'icons/*.svg'],
      manifest: {
        name: 'Fieldfolio — vocational e-portfolio',
        short_name: 'Fieldfolio',
        description: 'Offline-first e-portfolio for SVQ, NVQ/RQF and BTEC competence-based qualifications',
        theme_color: '#14532d',
        background_color: '#ffffff',
        display: 'standalone',
        start_url: '/',
        scope: '/',
        icons: [
          { src: '/icons/icon-192.png', sizes: '192x192', type: 'image/png' },
          { src: '/icons/icon-512.png', sizes: '512x512', type: 'image/png' },
          { src: '/icons/icon-512.png', sizes: '512x512', type: 'image/png', purpose: 'maskable' },
        ],
      },
      workbox: {
        // The bundled qualification specs are emitted as .json assets: precache them with the shell.
        globPatterns: ['**/*.{js,css,html,json,png,svg,webmanifest,wasm}'],
        navigateFallback: '/index.html',
        maximumFileSizeToCacheInBytes: 5 * 1024 * 1024,
      },
    }),
  ],
  // Dexie's modern ES module rather than its ES5 UMD file behind an import wrapper: ~2 KB gzipped less. Every import
  // of 'dexie' (dexie-react-hooks' too) resolves here, so there is still one Dexie.
  resolve: { alias: [{ find: /^dexie$/, replacement: 'dexie/dist/modern/dexie.mjs' }] },
  build: {
    target: 'es2022',
    // Every browser the app supports preloads modules itself: no polyfill in the first visit's download.
    modulePreload: { polyfill: false },
    sourcemap: false,
    rolldownOptions: {
      // The domain is pure, and storage and bundle modules only compute constants at the top level: a module
      // none of whose exports is used can go. Without this, the barrels keep admission, exchange, trust and
      // their domain rules in the home screen's download for the sake of a top-level `filter` or spread.
      treeshake: { moduleSideEffects: (id) => !LAYERS_WITHOUT_SIDE_EFFECTS.test(id) },
    },
  },
  // `npm start` (scripts/serve.mjs) and the browser tests serve dist/ with vite preview: with these headers.
  preview: { headers: SECURITY_HEADERS },
});
