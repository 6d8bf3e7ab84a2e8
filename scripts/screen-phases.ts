// A screen opened cold by its address, offline at 4×: when each script was fetched, the page's marks, the paints
// and the LCP entries (element and time); with --cpu, also where the main thread spent its time (a CDP CPU profile:
// self time per function, and the busiest function in each 100 ms). A build with `vite build --minify false` gives
// readable names. Usage: npx tsx scripts/screen-phases.ts [portfolio|form] [runs] [--cpu]
import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { CDPSession } from 'playwright-core';
import { startServer } from '../tests/e2e/harness';
import { coldPage, firstVisit } from '../tests/bench/coldstart.bench';

const args = process.argv.slice(2).filter((a) => !a.startsWith('--'));
const withCpu = process.argv.includes('--cpu');
const which = args[0] ?? 'form';
const runs = Number(args[1] ?? 3);

interface ProfileNode {
  id: number;
  children?: number[];
  callFrame: { functionName: string; url: string; lineNumber: number };
}
interface CpuProfile {
  nodes: ProfileNode[];
  samples: number[];
  timeDeltas: number[];
}

/** Self time per function over the whole profile, and the busiest function of each 100 ms (from profile start). */
function summarise(profile: CpuProfile): void {
  const byId = new Map(profile.nodes.map((n) => [n.id, n]));
  const name = (n: ProfileNode) => {
    const file = n.callFrame.url.replace(/^.*\//, '').replace(/-[A-Za-z0-9_-]{8}\./, '.');
    return `${n.callFrame.functionName || '(anonymous)'} ${file}:${n.callFrame.lineNumber + 1}`;
  };
  const parent = new Map<number, number>();
  for (const n of profile.nodes) for (const c of n.children ?? []) parent.set(c, n.id);
  // A function with its three nearest callers: native calls (appendChild, layout) say little on their own.
  const withCallers = (id: number) => {
    const chain = [name(byId.get(id)!)];
    for (let p = parent.get(id), i = 0; p !== undefined && i < 3; p = parent.get(p), i++)
      chain.push(name(byId.get(p)!));
    return chain.join(' < ');
  };
  const self = new Map<string, number>();
  const buckets = new Map<number, Map<string, number>>();
  let t = 0;
  profile.samples.forEach((id, i) => {
    const dt = (profile.timeDeltas[i] ?? 0) / 1000;
    t += dt;
    const key = withCallers(id);
    self.set(key, (self.get(key) ?? 0) + dt);
    const b = Math.floor(t / 100);
    const bucket = buckets.get(b) ?? new Map<string, number>();
    bucket.set(key, (bucket.get(key) ?? 0) + dt);
    buckets.set(b, bucket);
  });
  const top = [...self].filter(([k]) => !k.startsWith('(idle)')).sort((a, b) => b[1] - a[1]);
  console.log('self time (ms), busiest first:');
  for (const [k, ms] of top.slice(0, 40)) console.log(`${ms.toFixed(1).padStart(8)}  ${k}`);
  console.log('per 100 ms: busy ms, busiest function');
  for (const [b, m] of [...buckets].sort((x, y) => x[0] - y[0])) {
    const busy = [...m].filter(([k]) => !k.startsWith('(idle)') && !k.startsWith('(program)'));
    const sum = busy.reduce((s, [, ms]) => s + ms, 0);
    const [first] = busy.sort((x, y) => y[1] - x[1]);
    console.log(`${String(b * 100).padStart(6)}  ${sum.toFixed(0).padStart(3)}  ${first ? first[0] : ''}`);
  }
}

async function startCpuProfile(cdp: CDPSession): Promise<() => Promise<CpuProfile>> {
  await cdp.send('Profiler.enable');
  await cdp.send('Profiler.setSamplingInterval', { interval: 200 });
  await cdp.send('Profiler.start');
  return async () => (await cdp.send('Profiler.stop')).profile as unknown as CpuProfile;
}

const server = await startServer();
const profile = await mkdtemp(join(tmpdir(), 'fieldfolio-screen-'));
try {
  const paths = await firstVisit(profile, server.url);
  await server.close();
  for (let i = 0; i < runs; i++) {
    const cold = await coldPage(profile);
    try {
      const stopCpu = withCpu ? await startCpuProfile(cold.cdp) : null;
      await cold.page.goto(server.url + (which === 'form' ? paths.form : paths.portfolio));
      await cold.page.waitForTimeout(4000);
      const cpu = stopCpu ? await stopCpu() : null;
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
      if (cpu) summarise(cpu);
    } finally {
      await cold.context.close();
    }
  }
} finally {
  await rm(profile, { recursive: true, force: true });
}
