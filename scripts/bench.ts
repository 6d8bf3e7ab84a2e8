// npm run bench: builds src/domain as a production bundle, then runs the benchmarks and prints figures.
// `--only=<name>` runs one of them: the names are those of the only(...) checks below.
import { build } from 'vite';
import { pathToFileURL } from 'node:url';
import { resolve } from 'node:path';
import { benchRules } from '../tests/bench/rules.bench';
import { benchSize } from '../tests/bench/size.bench';
import { benchSampling } from '../tests/bench/sampling.bench';

const only = (what: string) =>
  !process.argv.some((a) => a.startsWith('--only=')) || process.argv.includes(`--only=${what}`);
const outDir = resolve('node_modules/.bench');
if (only('rules') || only('sampling')) {
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
  if (only('rules')) await benchRules(domain);
  if (only('sampling')) benchSampling(domain);
}

if (only('size')) {
  // The app exactly as `vite build` ships it (project config, service worker included), into dist/.
  await build({ logLevel: 'warn' });
  benchSize(resolve('dist'));
}

if (only('browser') || only('durability')) {
  const { benchBrowser } = await import('../tests/bench/browser.bench');
  await benchBrowser({ durabilityOnly: !only('browser') });
}

if (only('caseload')) {
  const { benchCaseload } = await import('../tests/bench/caseload.bench');
  await benchCaseload();
}

if (only('s3')) {
  const { benchS3 } = await import('../tests/bench/s3.bench');
  await benchS3();
}

if (only('sync')) {
  // Loaded only when asked: it installs an in-memory IndexedDB for the sync engine.
  const { benchSync } = await import('../tests/bench/sync.bench');
  await benchSync();
}

if (only('syncrgw')) {
  // Loaded only when asked: it starts a throwaway Ceph RGW and installs an in-memory IndexedDB for the engine.
  const { benchSyncRgw } = await import('../tests/bench/syncRgw.bench');
  await benchSyncRgw();
}

if (only('coldstart')) {
  // The built app offline in Chromium with the CPU slowed 4×: cold start, LCP and INP (tests/bench/coldstart.bench.ts).
  await build({ logLevel: 'warn' });
  const { benchColdStart } = await import('../tests/bench/coldstart.bench');
  await benchColdStart(resolve('dist'));
}

if (only('eqapack')) {
  // EQA visit pack of 10 portfolios (≈ 500 MB) beside one portfolio's bundle, in Chromium on an on-disk profile.
  const { benchEqaPack } = await import('../tests/bench/eqapack.bench');
  await benchEqaPack();
}

if (only('syncjoinbrowser')) {
  // A device joining a centre of 200 portfolios (≈ 1 GB) in the built app in Chromium, on a throwaway Ceph RGW:
  // time beside plain GETs from the same page, the page's peak JS heap beside 200 MB (tests/bench/syncJoinBrowser.bench.ts).
  await build({ logLevel: 'warn' });
  const { benchSyncJoinBrowser } = await import('../tests/bench/syncJoinBrowser.bench');
  await benchSyncJoinBrowser();
}
