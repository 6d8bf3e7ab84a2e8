// The report a bundle carries (data/report.html) numbers evidence by the one evidence-index rule, as the in-app
// Index of evidence and the printed forms do: "the busy gate" is the same number everywhere.
import 'fake-indexeddb/auto';
import { describe, expect, it } from 'vitest';
import { buildIndexOfEvidence } from '../../../src/domain';
import { loadPortfolio } from '../../../src/storage';
import { setDatabase } from '../../../src/storage/db';
import { bundleReport } from '../../../src/bundle/report';
import { verifyBundle } from '../../../src/bundle/verify';
import { installFileClock, setUpDemoPhone, specs } from './helpers';

installFileClock();
const demo = setUpDemoPhone();

/** The report's Index of evidence rows as [number, title]. */
function reportNumbers(html: string): Array<[number, string]> {
  const index = html.slice(html.indexOf('<h2>Index of evidence</h2>'));
  return [...index.matchAll(/<tr><td>(\d+)<\/td><td>([^<]*?)(?: \(simulation\))?<\/td>/g)].map((m) => [
    Number(m[1]),
    m[2]!.replace(/&#39;/g, "'").replace(/&amp;/g, '&'),
  ]);
}

describe('evidence numbers in data/report.html', () => {
  it('are the Index of evidence numbers, in the same order', async () => {
    setDatabase(demo.phone);
    const portfolio = (await loadPortfolio(demo.demoId))!;
    const spec = specs.find((s) => s.id === portfolio.enrolment.specId)!;
    const index = buildIndexOfEvidence(portfolio, spec).rows.map((r): [number, string] => [r.number, r.description]);
    expect(index.length).toBeGreaterThan(3);

    const report = await bundleReport(await verifyBundle(demo.bundle), spec);
    expect(report.received).toBe('same');
    expect(reportNumbers(report.html)).toEqual(index);
    const busyGate = index.find(([, title]) => title.startsWith('Busy gate'))!;
    expect(reportNumbers(report.html).find(([, title]) => title.startsWith('Busy gate'))![0]).toBe(busyGate[0]);
  });
});
