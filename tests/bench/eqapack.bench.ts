// `npm run bench -- --only=eqapack`: an EQA visit pack of 10 portfolios (≈ 500 MB of media) exported in Chromium on
// an on-disk profile, beside one portfolio's bundle exported in the same run. Targets: the pack at the single
// bundle's throughput (≥ 100 MB/s here), peak JS heap < 200 MB. `--pack-mb=…` and `--pack-portfolios=…` change the size.
import { mkdtemp, rm } from 'node:fs/promises';
import type { AddressInfo } from 'node:net';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { build, preview } from 'vite';
import { launchProfile } from '../e2e/harness';

/** One export as the page measured it (tests/bench/browser/eqapack-entry.ts). */
interface ExportFigure {
  ms: number;
  payloadBytes: number;
  zipBytes: number;
  peakHeap: number;
}
type BenchWindow = {
  benchEqaPack: (p: number, m: number, b: number) => Promise<{ single: ExportFigure; pack: ExportFigure }>;
};

const arg = (name: string, fallback: number) =>
  Number(process.argv.find((a) => a.startsWith(`--${name}=`))?.split('=')[1] ?? fallback);

export async function benchEqaPack(): Promise<void> {
  const outDir = resolve('node_modules/.bench/eqapack');
  await build({
    logLevel: 'warn',
    build: {
      outDir,
      emptyOutDir: true,
      rollupOptions: { input: { bench: resolve('tests/bench/browser/eqapack.html') } },
    },
  });
  const server = await preview({ build: { outDir }, preview: { port: 0, host: '127.0.0.1' }, logLevel: 'silent' });
  const url = `http://127.0.0.1:${(server.httpServer.address() as AddressInfo).port}`;
  const profileDir = await mkdtemp(join(tmpdir(), 'fieldfolio-bench-eqapack-'));
  const context = await launchProfile(profileDir, ['--enable-precise-memory-info']);
  try {
    const page = await context.newPage();
    await page.goto(`${url}/tests/bench/browser/eqapack.html`);
    await page.getByText('ready').waitFor();
    const portfolios = arg('pack-portfolios', 10);
    const mediaPerPortfolio = 20;
    const mediaBytes = Math.round((arg('pack-mb', 500) * 1024 * 1024) / portfolios / mediaPerPortfolio);
    const { single, pack } = await page.evaluate(
      ([p, m, b]) => (window as unknown as BenchWindow).benchEqaPack(p!, m!, b!),
      [portfolios, mediaPerPortfolio, mediaBytes],
    );
    const mb = (n: number) => (n / 1024 ** 2).toFixed(0);
    const rate = (f: ExportFigure) => f.payloadBytes / 1024 ** 2 / (f.ms / 1000);
    const line = (what: string, f: ExportFigure) =>
      `${what}: ${mb(f.payloadBytes)} MB in ${(f.ms / 1000).toFixed(1)} s = ${rate(f).toFixed(0)} MB/s, peak JS heap ${mb(f.peakHeap)} MB`;
    console.log(
      `\nEQA visit pack, on-disk profile (${portfolios} portfolios × ${mediaPerPortfolio} clips of ${mb(mediaBytes)} MB)`,
    );
    console.log(line('one portfolio bundle (peer)', single));
    console.log(line(`EQA pack of ${portfolios} portfolios`, pack));
    console.log(
      `pack throughput ×${(rate(pack) / rate(single)).toFixed(2)} of the single bundle's (target ≥ 100 MB/s: ${rate(pack) >= 100 ? 'met' : 'NOT met'}); ` +
        `peak heap ${mb(pack.peakHeap)} MB (target < 200 MB: ${pack.peakHeap < 200 * 1024 ** 2 ? 'met' : 'NOT met'})`,
    );
  } finally {
    await context.close();
    await rm(profileDir, { recursive: true, force: true });
    (server.httpServer as import('node:http').Server).closeAllConnections?.();
    await server.close();
  }
}
