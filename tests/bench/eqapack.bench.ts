// `npm run bench -- --only=eqapack`: an EQA visit pack of 10 portfolios (≈ 500 MB of media) exported in Chromium on
// an on-disk profile, beside one portfolio's bundle exported in the same run. Targets: the pack at the single
// bundle's throughput (≥ 100 MB/s here), peak JS heap < 200 MB. Peers: one of the pack's portfolios alone, and one
// portfolio holding as much media as the whole pack (like for like). `--pack-mb=…`, `--pack-portfolios=…`, `--rounds=…`.
import { mkdtemp, rm } from 'node:fs/promises';
import type { AddressInfo } from 'node:net';
import { loadavg, tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { build, preview } from 'vite';
import { launchProfile } from '../e2e/harness';

/** One export as the page measured it, per round (tests/bench/browser/eqapack-entry.ts). */
interface ExportFigure {
  ms: number;
  payloadBytes: number;
  zipBytes: number;
  peakHeap: number;
}
type EqaPackFigures = Record<'single' | 'singleSameSize' | 'pack', ExportFigure[]>;

type BenchWindow = {
  benchEqaPack: (p: number, m: number, b: number, rounds: number) => Promise<EqaPackFigures>;
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
    const rounds = arg('rounds', 3);
    const figures = await page.evaluate(
      ([p, m, b, r]) => (window as unknown as BenchWindow).benchEqaPack(p!, m!, b!, r!),
      [portfolios, mediaPerPortfolio, mediaBytes, rounds],
    );
    report(figures, { portfolios, mediaPerPortfolio, mediaBytes, rounds });
  } finally {
    await context.close();
    await rm(profileDir, { recursive: true, force: true });
    (server.httpServer as import('node:http').Server).closeAllConnections?.();
    await server.close();
  }
}

const mb = (n: number) => (n / 1024 ** 2).toFixed(0);
const rate = (f: ExportFigure) => f.payloadBytes / 1024 ** 2 / (f.ms / 1000);
const median = (xs: number[]) => [...xs].sort((a, b) => a - b)[Math.floor(xs.length / 2)]!;

/** Median throughput of the rounds, each round's beside it, and the highest heap seen. */
function summary(what: string, fs: ExportFigure[]) {
  const mbs = median(fs.map(rate));
  const peak = Math.max(...fs.map((f) => f.peakHeap));
  const each = fs.map((f) => `${(f.ms / 1000).toFixed(2)} s`).join(', ');
  console.log(
    `${what}: ${mb(fs[0]!.payloadBytes)} MB, median ${mbs.toFixed(0)} MB/s (${each}), peak JS heap ${mb(peak)} MB`,
  );
  return { mbs, peak };
}

function report(
  figures: EqaPackFigures,
  size: { portfolios: number; mediaPerPortfolio: number; mediaBytes: number; rounds: number },
): void {
  const { portfolios, mediaPerPortfolio, mediaBytes, rounds } = size;
  console.log(
    `\nEQA visit pack, on-disk profile (${portfolios} portfolios × ${mediaPerPortfolio} clips of ${(mediaBytes / 1024 ** 2).toFixed(1)} MB; ` +
      `${rounds} rounds, the three exports in turn each round; load average ${loadavg()
        .map((l) => l.toFixed(2))
        .join(' ')})`,
  );
  const single = summary('one portfolio bundle, one pack portfolio (peer)', figures.single);
  const same = summary(
    `one portfolio bundle, ${portfolios * mediaPerPortfolio} clips (peer, same size)`,
    figures.singleSameSize,
  );
  const pack = summary(`EQA pack of ${portfolios} portfolios`, figures.pack);
  console.log(
    `pack throughput ×${(pack.mbs / same.mbs).toFixed(2)} of the same-size single bundle's, ×${(pack.mbs / single.mbs).toFixed(2)} of one pack portfolio's ` +
      `(target ≥ 100 MB/s: ${pack.mbs >= 100 ? 'met' : 'NOT met'}); peak heap ${mb(pack.peak)} MB (target < 200 MB: ${pack.peak < 200 * 1024 ** 2 ? 'met' : 'NOT met'})`,
  );
}
