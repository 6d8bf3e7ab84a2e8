// A/B of the offline cold start (the coldstart bench's setting) between built apps, their runs interleaved so a
// machine load that comes and goes weighs on each alike. Usage: npx tsx scripts/coldstart-ab.ts runs dirA dirB ...
// With --screen=portfolio or --screen=form: that screen opened cold by its address, its Largest Contentful Paint.
import { mkdtemp, rm } from 'node:fs/promises';
import type { AddressInfo } from 'node:net';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { preview } from 'vite';
import { coldPage, firstVisit, waitInPage } from '../tests/bench/coldstart.bench';

const screen = process.argv.find((a) => a.startsWith('--screen='))?.slice('--screen='.length);
const [runsArg, ...dirs] = process.argv.slice(2).filter((a) => !a.startsWith('--'));
const runs = Number(runsArg);
const MARKS = screen ? ['lcp'] : ['home-started', 'caseload-read', 'home-shown', 'home-painted'];
const apps = [];
for (const dir of dirs) {
  const server = await preview({
    build: { outDir: resolve(dir) },
    preview: { port: 0, host: '127.0.0.1' },
    logLevel: 'silent',
  });
  const url = `http://127.0.0.1:${(server.httpServer.address() as AddressInfo).port}`;
  const profile = await mkdtemp(join(tmpdir(), 'fieldfolio-ab-'));
  const paths = await firstVisit(profile, url);
  const path = screen === 'form' ? paths.form : screen === 'portfolio' ? paths.portfolio : '/';
  // A first cold open works out and stores the caseload's summaries: not the everyday start.
  apps.push({ dir, server, url, path, profile, rows: [] as Record<string, number>[] });
}
for (const app of apps) (app.server.httpServer as import('node:http').Server).closeAllConnections?.();
await Promise.all(apps.map((a) => a.server.close()));
for (let i = -1; i < runs; i++) {
  for (const app of i % 2 ? apps : [...apps].reverse()) {
    const cold = await coldPage(app.profile);
    try {
      await cold.page.goto(app.url + app.path);
      if (screen) await cold.page.waitForTimeout(3500);
      else await waitInPage(cold.cdp, `performance.getEntriesByName('fieldfolio:home-painted').length > 0`);
      const row = (await cold.page.evaluate(`new Promise((done) => {
        const out = { lcp: 0 };
        new PerformanceObserver((l) => { for (const e of l.getEntries()) out.lcp = Math.max(out.lcp, e.startTime); })
          .observe({ type: 'largest-contentful-paint', buffered: true });
        for (const m of performance.getEntriesByType('mark')) out[m.name.replace('fieldfolio:', '')] = m.startTime;
        for (const p of performance.getEntriesByType('paint')) out[p.name] = p.startTime;
        setTimeout(() => done(out), 50);
      })`)) as Record<string, number>;
      if (i >= 0) app.rows.push(row);
    } finally {
      await cold.context.close();
    }
  }
}
const median = (xs: number[]) => [...xs].sort((a, b) => a - b)[Math.floor(xs.length / 2)]!;
for (const app of apps) {
  console.log(
    `${app.dir}: ` +
      [...MARKS, 'first-contentful-paint']
        .map((m) => `${m} ${median(app.rows.map((r) => r[m] ?? NaN)).toFixed(0)}`)
        .join('  '),
  );
  const key = screen ? 'lcp' : 'home-shown';
  console.log(`   ${key} runs: ${app.rows.map((r) => r[key]!.toFixed(0)).join(', ')}`);
  await rm(app.profile, { recursive: true, force: true });
}
