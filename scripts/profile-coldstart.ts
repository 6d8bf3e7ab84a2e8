// Trace of the offline cold start (the coldstart bench's setting: on-disk profile, service worker, 4× CPU slowdown):
// writes Chrome trace files to a folder, to open in DevTools' Performance panel or to sum up with --sum.
// Usage: npx tsx scripts/profile-coldstart.ts <out-dir> [runs]
import { writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import { waitInPage, withColdPage, withInstalledProfile } from '../tests/bench/coldstart.bench';

const CATEGORIES = [
  'devtools.timeline',
  'disabled-by-default-devtools.timeline',
  'v8.execute',
  'v8',
  'blink.user_timing',
  'loading',
  'disabled-by-default-v8.cpu_profiler',
  'ServiceWorker',
  'navigation',
];

const outDir = process.argv[2] ?? '/tmp/coldstart-traces';
const runs = Number(process.argv[3] ?? 3);
await withInstalledProfile('profile', async (profile, origin) => {
  for (let i = 0; i < runs; i++) {
    await withColdPage(profile, async (cold) => {
      const events: unknown[] = [];
      cold.cdp.on('Tracing.dataCollected', ({ value }) => events.push(...value));
      const done = new Promise<void>((r) => cold.cdp.once('Tracing.tracingComplete', () => r()));
      await cold.cdp.send('Tracing.start', {
        traceConfig: { includedCategories: CATEGORIES },
        transferMode: 'ReportEvents',
      });
      await cold.page.goto(origin + '/');
      await waitInPage(cold.cdp, `performance.getEntriesByName('fieldfolio:home-shown').length > 0`);
      const shown = await cold.page.evaluate(() => performance.getEntriesByName('fieldfolio:home-shown')[0]!.startTime);
      await new Promise((r) => setTimeout(r, 300));
      await cold.cdp.send('Tracing.end');
      await done;
      await writeFile(join(outDir, `trace-${i}.json`), JSON.stringify({ traceEvents: events }));
      console.log(`run ${i}: shown at ${shown.toFixed(0)} ms, ${events.length} events`);
    });
  }
});
