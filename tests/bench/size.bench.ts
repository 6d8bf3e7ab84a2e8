// Download size of the first visit, measured from a built dist/: the JS the browser fetches before the initial
// route can render (the entry script plus the chunks index.html preloads, i.e. the entry's static imports),
// gzipped with node:zlib, beside the target and beside all the app's JS. Target: initial route JS < 150 KB gzipped.
import { readFileSync, readdirSync } from 'node:fs';
import { join } from 'node:path';
import { gzipSync } from 'node:zlib';

const TARGET_GZIP_BYTES = 150 * 1024;

/** The scripts index.html makes the browser fetch at once: module entry scripts and module preloads. */
export function initialScripts(indexHtml: string): string[] {
  const entries = [...indexHtml.matchAll(/<script\b[^>]*\btype="module"[^>]*\bsrc="([^"]+)"/g)].map((m) => m[1]!);
  const preloads = [...indexHtml.matchAll(/<link\b[^>]*\brel="modulepreload"[^>]*\bhref="([^"]+)"/g)].map((m) => m[1]!);
  return [...new Set([...entries, ...preloads])];
}

interface Sizes {
  bytes: number;
  gzipBytes: number;
  files: number;
}

function sizesOf(paths: string[]): Sizes {
  const contents = paths.map((path) => readFileSync(path));
  return {
    bytes: contents.reduce((sum, c) => sum + c.length, 0),
    gzipBytes: contents.reduce((sum, c) => sum + gzipSync(c).length, 0),
    files: paths.length,
  };
}

const kb = (bytes: number) => `${(bytes / 1024).toFixed(1)} KB`;

export function benchSize(distDir: string): void {
  const initial = initialScripts(readFileSync(join(distDir, 'index.html'), 'utf8'));
  if (initial.length === 0) throw new Error(`${distDir}/index.html loads no module script`);
  const initialSizes = sizesOf(initial.map((src) => join(distDir, src.replace(/^\//, ''))));
  const assets = join(distDir, 'assets');
  const allJs = readdirSync(assets)
    .filter((f) => f.endsWith('.js'))
    .map((f) => join(assets, f));
  const total = sizesOf(allJs);
  console.log(
    `\nInitial route JS (${initialSizes.files} file(s): entry + modulepreloads): ${kb(initialSizes.gzipBytes)} gzipped ` +
      `(${kb(initialSizes.bytes)} raw); target < ${kb(TARGET_GZIP_BYTES)}: ` +
      `×${(initialSizes.gzipBytes / TARGET_GZIP_BYTES).toFixed(2)} of target` +
      `\nAll app JS (${total.files} files in assets/): ${kb(total.gzipBytes)} gzipped (${kb(total.bytes)} raw); ` +
      `the initial route is ${((initialSizes.gzipBytes / total.gzipBytes) * 100).toFixed(0)}% of it`,
  );
}
