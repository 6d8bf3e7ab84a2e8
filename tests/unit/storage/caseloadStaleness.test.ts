// When a stored caseload summary stops holding: a change that arrived in an imported bundle or a sync pull (both
// append to the change sequence the stamp reads), a spec that arrives after the summary said it was missing, and a
// stored row that is damaged or of another format.
import 'fake-indexeddb/auto';
import { beforeEach, describe, expect, it } from 'vitest';
import { db, FieldfolioDB, setDatabase } from '../../../src/storage/db';
import {
  confirmCaseloadFresh,
  loadCaseload,
  loadPortfolio,
  refreshCaseloadSummaries,
  saveEvidence,
  storeSpecs,
} from '../../../src/storage';
import { exportPortfolio } from '../../../src/bundle/export';
import { SUMMARY_FORMAT, type Person } from '../../../src/domain';
import { device, FIXED, installFileClock, specs } from '../bundle/helpers';
import { importBundle } from '../bundle/trusting';
import { portfolio } from '../trust/world';
import { MemoryStore } from '../sync/memoryStore';
import { acceptEachOther, on, person, sync, syncDevice, usedBy, type SyncDevice } from '../sync/world';
import { svq2Portfolio } from '../factories';

installFileClock();
const TODAY = '2026-11-26';

/** Works out every stale summary and confirms them, as the home screen does: the next read finds all fresh. */
async function settle(): Promise<void> {
  await refreshCaseloadSummaries((await loadCaseload(TODAY, null)).stale);
  const checked = await loadCaseload(TODAY, null);
  expect(checked.stale).toEqual([]);
  if (checked.confirm) await confirmCaseloadFresh(checked.confirm);
  expect(await loadCaseload(TODAY, null)).toMatchObject({ stale: [], confirm: null });
}

const summaryOf = async (portfolioId: string) =>
  (await loadCaseload(TODAY, null)).sections[0]!.entries.find((e) => e.portfolioId === portfolioId)!.summary;

describe('caseload summaries go stale with changes from elsewhere', () => {
  it('a record changed by an imported bundle makes the summary stale, though no row count changes', async () => {
    const phone = await device('phone');
    const { enrolment } = await svq2Portfolio();
    await saveEvidence({ evidence: { portfolioId: enrolment.id, type: 'O', title: 'Till', date: '2026-10-01' } });
    const first = (await exportPortfolio(enrolment.id, { now: FIXED })).blob;

    const tablet = await device('tablet');
    await importBundle(first, 'restore');
    await settle();
    expect((await summaryOf(enrolment.id))?.lastEvidenceDate).toBe('2026-10-01');

    // On the phone the same item is redated: a new version of an existing record, so every count stays the same.
    setDatabase(phone);
    const item = (await loadPortfolio(enrolment.id))!.evidence[0]!;
    await saveEvidence({ evidence: { ...item, date: '2026-11-20' } });
    const second = (await exportPortfolio(enrolment.id, { now: FIXED })).blob;

    setDatabase(tablet);
    await importBundle(second, 'merge');
    const after = await loadCaseload(TODAY, null);
    expect(after.stale).toEqual([enrolment.id]);
    await refreshCaseloadSummaries(after.stale);
    expect((await summaryOf(enrolment.id))?.lastEvidenceDate).toBe('2026-11-20');
  });

  it('evidence pulled by sync makes the summary stale', async () => {
    const store = new MemoryStore();
    const phone: SyncDevice = await syncDevice('sam-phone', store);
    const sam: Person = await person('Sam', 'assessor');
    const cara: Person = await person('Cara', 'candidate');
    const portfolioId = (await portfolio(cara, sam)).id;
    const tablet: SyncDevice = await syncDevice('cara-tablet', store);
    await usedBy(tablet, cara);
    await acceptEachOther([phone, tablet], [sam, cara]);
    await sync(phone);
    await sync(tablet);
    await on(tablet, async () => {
      await storeSpecs(specs, 'bundled');
      await settle();
      expect((await summaryOf(portfolioId))?.evidenceCount).toBe(1);
    });

    await on(phone, () => saveEvidence({ evidence: { portfolioId, type: 'O', title: 'Phone', date: '2026-11-02' } }));
    await sync(phone);
    await sync(tablet);
    await on(tablet, async () => {
      const after = await loadCaseload(TODAY, null);
      expect(after.stale).toEqual([portfolioId]);
      await refreshCaseloadSummaries(after.stale);
      expect((await summaryOf(portfolioId))?.evidenceCount).toBe(2);
    });
  });
});

describe('stored summaries read back with care', () => {
  beforeEach(async () => {
    await device('home');
  });

  it('a spec that arrives after the summary said it was missing makes the summary stale', async () => {
    setDatabase(new FieldfolioDB(`nospec-${Math.random()}`));
    const { enrolment } = await svq2Portfolio();
    await settle();
    const missing = (await loadCaseload(TODAY, null)).sections[0]!.entries[0]!;
    expect(missing.summary).toBeNull();
    expect(missing.problem).toMatch(/is not on this device/);

    await storeSpecs(specs, 'bundled');
    const after = await loadCaseload(TODAY, null);
    expect(after.stale).toEqual([enrolment.id]);
    await refreshCaseloadSummaries(after.stale);
    expect((await summaryOf(enrolment.id))?.format).toBe(SUMMARY_FORMAT);
    // Worked out once: it holds now (no loop of refreshes).
    expect((await loadCaseload(TODAY, null)).stale).toEqual([]);
  });

  it('a damaged stored summary is worked out again, never shown; one of another format is shown until then', async () => {
    const { enrolment } = await svq2Portfolio();
    await settle();
    const cache = (await db().settings.get('caseloadSummaries'))!.value as {
      summaries: Record<string, { stamp: string; summary: Record<string, unknown> }>;
    };
    const stored = cache.summaries[enrolment.id]!;
    const put = (summary: unknown) =>
      db().settings.put({
        key: 'caseloadSummaries',
        value: { check: null, summaries: { [enrolment.id]: { ...stored, summary } } },
      });

    await put({ ...stored.summary, coverage: 'most of it' });
    const damaged = await loadCaseload(TODAY, null);
    expect(damaged.stale).toEqual([enrolment.id]);
    expect(damaged.sections[0]!.entries[0]!.summary).toBeNull();

    // Another format (an older build): valid by the schema, so shown while it is worked out again (its stamp,
    // which names the format, no longer matches once the format moves on).
    await put({ ...stored.summary, format: SUMMARY_FORMAT + 1 });
    const other = await loadCaseload(TODAY, null);
    expect(other.sections[0]!.entries[0]!.summary?.format).toBe(SUMMARY_FORMAT + 1);

    await refreshCaseloadSummaries([enrolment.id]);
    expect((await summaryOf(enrolment.id))?.format).toBe(SUMMARY_FORMAT);
  });
});

/** Counts reads of single portfolios' last change (the per-portfolio stamp) on a new database. */
function countingPortfolioStampReads(): { database: FieldfolioDB; reads: () => number } {
  let reads = 0;
  const database = new FieldfolioDB(`counting-${Math.random()}`);
  database.use({
    stack: 'dbcore',
    name: 'count-portfolio-stamps',
    create: (down) => ({
      ...down,
      table: (name) => {
        const table = down.table(name);
        if (name !== 'changes') return table;
        return {
          ...table,
          openCursor: (req) => {
            if (req.query.index.name === '[portfolioId+seq]') reads += 1;
            return table.openCursor(req);
          },
        };
      },
    }),
  });
  setDatabase(database);
  return { database, reads: () => reads };
}

describe('after a change, only the portfolios it touched are checked again', () => {
  it('one edit: one portfolio stale, no stamp read for the others; then all confirmed again', async () => {
    const { reads } = countingPortfolioStampReads();
    await storeSpecs(specs, 'bundled');
    const ids: string[] = [];
    for (const name of ['Ann', 'Ben', 'Cal']) ids.push((await svq2Portfolio({ candidate: name })).enrolment.id);
    await settle();

    const before = reads();
    await saveEvidence({ evidence: { portfolioId: ids[1]!, type: 'O', title: 'Till', date: '2026-11-20' } });
    const after = await loadCaseload(TODAY, null);
    expect(after.stale).toEqual([ids[1]]);
    expect(reads() - before).toBe(1);
    // The other two still show their stored summaries, not marked as being updated.
    expect(after.sections[0]!.entries.filter((e) => e.summary !== null)).toHaveLength(3);

    await refreshCaseloadSummaries(after.stale);
    expect((await summaryOf(ids[1]!))?.lastEvidenceDate).toBe('2026-11-20');
    await settle();
    const settled = reads();
    expect((await loadCaseload(TODAY, null)).stale).toEqual([]);
    expect(reads()).toBe(settled);
  });

  it('a check from before the specs changed is not trusted: every portfolio is checked again', async () => {
    const { reads } = countingPortfolioStampReads();
    await storeSpecs(specs.slice(0, 1), 'bundled');
    for (const name of ['Ann', 'Ben']) await svq2Portfolio({ candidate: name });
    await settle();
    await storeSpecs(specs, 'bundled');
    const before = reads();
    await loadCaseload(TODAY, null);
    expect(reads() - before).toBe(2);
  });
});
