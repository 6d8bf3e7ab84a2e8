// A/B of the offline cold start (the coldstart bench's setting) between built apps, their runs interleaved so a
// machine load that comes and goes weighs on each alike. Usage: npx tsx scripts/coldstart-ab.ts runs dirA dirB ...
import { mkdtemp, rm } from 'node:fs/promises';
import type { AddressInfo } from 'node:net';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { preview } from 'vite';
import { coldPage, firstVisit, waitInPage } from '../tests/bench/coldstart.bench';

const [runsArg, ...dirs] = process.argv.slice(2);
const runs = Number(runsArg);
const MARKS = ['home-started', 'caseload-read', 'home-shown', 'home-painted'];
const apps = [];
for (const dir of dirs) {
  const server = await preview({
    build: { outDir: resolve(dir) },
    preview: { port: 0, host: '127.0.0.1' },
    logLevel: 'silent',
  });
  const url = `http://127.0.0.1:${(server.httpServer.address() as AddressInfo).port}`;
  const profile = await mkdtemp(join(tmpdir(), 'fieldfolio-ab-'));
  await firstVisit(profile, url);
  // A first cold open works out and stores the caseload's summaries: not the everyday start.
  apps.push({ dir, server, url, profile, rows: [] as Record<string, number>[] });
}
for (const app of apps) (app.server.httpServer as import('node:http').Server).closeAllConnections?.();
await Promise.all(apps.map((a) => a.server.close()));
for (let i = -1; i < runs; i++) {
  for (const app of i % 2 ? apps : [...apps].reverse()) {
    const cold = await coldPage(app.profile);
    try {
      await cold.page.goto(app.url + '/');
      await waitInPage(cold.cdp, `performance.getEntriesByName('fieldfolio:home-painted').length > 0`);
      const row = (await cold.page.evaluate(`(() => {
        const out = {};
        for (const m of performance.getEntriesByType('mark')) out[m.name.replace('fieldfolio:', '')] = m.startTime;
        for (const p of performance.getEntriesByType('paint')) out[p.name] = p.startTime;
        return out;
      })()`)) as Record<string, number>;
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
  console.log(`   shown runs: ${app.rows.map((r) => r['home-shown']!.toFixed(0)).join(', ')}`);
  await rm(app.profile, { recursive: true, force: true });
}
