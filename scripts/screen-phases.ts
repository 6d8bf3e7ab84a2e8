// A screen opened cold by its address, offline at 4×: when each script was fetched, the page's marks, the paints
// and the LCP entries (element and time). Usage: npx tsx scripts/screen-phases.ts [portfolio|form] [runs]
import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { startServer } from '../tests/e2e/harness';
import { coldPage, firstVisit } from '../tests/bench/coldstart.bench';

const which = process.argv[2] ?? 'form';
const runs = Number(process.argv[3] ?? 3);
const server = await startServer();
const profile = await mkdtemp(join(tmpdir(), 'fieldfolio-screen-'));
try {
  const paths = await firstVisit(profile, server.url);
  await server.close();
  for (let i = 0; i < runs; i++) {
    const cold = await coldPage(profile);
    try {
      await cold.page.goto(server.url + (which === 'form' ? paths.form : paths.portfolio));
      await cold.page.waitForTimeout(4000);
      const rows = (await cold.page.evaluate(`new Promise((done) => {
        const out = [];
        new PerformanceObserver((l) => { for (const e of l.getEntries()) out.push([e.startTime, 'LCP ' + (e.element ? e.element.tagName + ' ' + (e.element.textContent || '').slice(0, 30) : '?')]); })
          .observe({ type: 'largest-contentful-paint', buffered: true });
        for (const r of performance.getEntriesByType('resource')) {
          const name = r.name.replace(/^.*\\//, '').replace(/-[A-Za-z0-9_-]{8}\\./, '.');
          if (/\\.(js|css)$/.test(name)) out.push([r.startTime, name + ' start'], [r.responseEnd, name + ' end']);
        }
        for (const m of performance.getEntriesByType('mark')) out.push([m.startTime, m.name]);
        for (const p of performance.getEntriesByType('paint')) out.push([p.startTime, p.name]);
        setTimeout(() => done(out.sort((a, b) => a[0] - b[0])), 100);
      })`)) as [number, string][];
      console.log(`--- run ${i + 1}`);
      for (const [t, what] of rows) console.log(`${t.toFixed(0).padStart(6)}  ${what}`);
    } finally {
      await cold.context.close();
    }
  }
} finally {
  await rm(profile, { recursive: true, force: true });
}
