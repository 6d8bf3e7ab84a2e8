// Phases of the offline cold start without a trace's overhead: the page's own timeline (navigation and resource
// timing, the home screen's marks), median of runs. Usage: npx tsx scripts/coldstart-phases.ts [runs]
import { waitInPage, withColdPage, withInstalledProfile } from '../tests/bench/coldstart.bench';

const runs = Number(process.argv[2] ?? 5);
const rows: Record<string, number>[] = [];
await withInstalledProfile('phases', async (profile, origin) => {
  for (let i = 0; i < runs; i++) {
    await withColdPage(profile, async (cold) => {
      await cold.page.goto(origin + '/');
      await waitInPage(cold.cdp, `performance.getEntriesByName('fieldfolio:home-shown').length > 0`);
      const row = (await cold.page.evaluate(`(() => {
        const out = {};
        const nav = performance.getEntriesByType('navigation')[0];
        out.workerStart = nav.workerStart; out.docResponseStart = nav.responseStart; out.docResponseEnd = nav.responseEnd;
        for (const r of performance.getEntriesByType('resource')) {
          const name = r.name.replace(/^.*\\//, '').replace(/-[A-Za-z0-9_-]{8}\\./, '.');
          if (/\\.(js|css)$/.test(name)) { out[name + ' start'] = r.startTime; out[name + ' end'] = r.responseEnd; }
        }
        for (const m of performance.getEntriesByType('mark')) out[m.name.replace('fieldfolio:', '')] = m.startTime;
        for (const p of performance.getEntriesByType('paint')) out[p.name] = p.startTime;
        return out;
      })()`)) as Record<string, number>;
      rows.push(row);
    });
  }
});
const keys = [...new Set(rows.flatMap((r) => Object.keys(r)))];
const median = (xs: number[]) => [...xs].sort((a, b) => a - b)[Math.floor(xs.length / 2)]!;
const ordered = keys
  .map((k) => [k, median(rows.map((r) => r[k] ?? NaN).filter((x) => !Number.isNaN(x)))] as const)
  .sort((a, b) => a[1] - b[1]);
for (const [k, v] of ordered)
  console.log(`${v.toFixed(0).padStart(6)}  ${k}   (${rows.map((r) => r[k]?.toFixed(0)).join(', ')})`);
