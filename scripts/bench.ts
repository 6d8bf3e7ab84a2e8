// npm run bench: builds src/domain as a production bundle, then runs the benchmarks and prints figures.
import { build } from 'vite';
import { pathToFileURL } from 'node:url';
import { resolve } from 'node:path';
import { benchRules } from '../tests/bench/rules.bench';

const outDir = resolve('node_modules/.bench');
await build({
  configFile: false,
  logLevel: 'warn',
  build: {
    outDir,
    emptyOutDir: true,
    minify: true,
    lib: { entry: resolve('src/domain/index.ts'), formats: ['es'], fileName: 'domain' },
  },
});
const domain = await import(pathToFileURL(resolve(outDir, 'domain.js')).href);
await benchRules(domain);

if (!process.argv.includes('--domain-only')) {
  const { benchBrowser } = await import('../tests/bench/browser.bench');
  await benchBrowser();
}
