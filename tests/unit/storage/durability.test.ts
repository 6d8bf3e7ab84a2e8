// What a person saves commits with strict durability, through a second connection to the same database; bulk
// loads stay relaxed; and live queries on the app's connection see what the strict one writes.
import 'fake-indexeddb/auto';
import { liveQuery, type DbCoreTransactionOptions, type Middleware, type DBCore } from 'dexie';
import { beforeEach, describe, expect, it } from 'vitest';
import { FieldfolioDB, db, setDatabase, strictDb } from '../../../src/storage/db';
import { bulkPutRecords } from '../../../src/storage/bulk';
import { loadDemoPortfolio, saveEvidence, signOffUnit, storeSpecs } from '../../../src/storage';
import { newEvidence } from '../../../src/domain';
import { installTestClock } from '../clock';
import { loadSpec } from '../domain/loadSpecs';
import { evidenceFields, fresh, svq2Portfolio } from '../factories';

installTestClock();

/** The durability of every read-write transaction, and which connection ran it. */
let commits: Array<{ connection: 'app' | 'strict'; durability: string | undefined; tables: string[] }>;

const recordingDurability = (connection: 'app' | 'strict'): Middleware<DBCore> => ({
  stack: 'dbcore',
  name: 'record-durability',
  create: (down) => ({
    ...down,
    transaction(stores: string[], mode: 'readonly' | 'readwrite', options?: DbCoreTransactionOptions) {
      if (mode === 'readwrite') commits.push({ connection, durability: options?.durability, tables: stores });
      return down.transaction(stores, mode, options);
    },
  }),
});

beforeEach(async () => {
  commits = [];
  setDatabase(new FieldfolioDB(`durability-${Math.random()}`));
  // Middleware is installed before either connection opens.
  db().use(recordingDurability('app'));
  strictDb().use(recordingDurability('strict'));
  await storeSpecs([loadSpec('svq2-customer-service-scqf5')], 'bundled');
});

describe('durability', () => {
  it('evidence and a sign-off commit strict, on the strict connection, in one transaction each', async () => {
    const { enrolment, assessor } = await svq2Portfolio();
    commits = [];
    await saveEvidence({ evidence: evidenceFields(enrolment.id) });
    await signOffUnit({
      portfolioId: enrolment.id,
      unitCode: 'F1',
      assessorId: assessor.id,
      date: '2026-10-02',
      signature: { typedName: 'Jo', role: 'Assessor', personId: assessor.id, image: '' },
    });
    // Each save is one transaction: the audit entry and the records it holds joined it through db().
    expect(commits).toEqual([
      expect.objectContaining({ connection: 'strict', durability: 'strict' }),
      expect.objectContaining({ connection: 'strict', durability: 'strict' }),
    ]);
    expect(await db().audit.where('portfolioId').equals(enrolment.id).count()).toBeGreaterThanOrEqual(3);
  });

  it('bulk loads (bulkPutRecords, the demo portfolio) stay relaxed', async () => {
    const { enrolment } = await svq2Portfolio();
    commits = [];
    const rows = Array.from({ length: 3 }, (_, i) =>
      newEvidence(fresh(), evidenceFields(enrolment.id, { title: `Bulk ${i}` })),
    );
    await bulkPutRecords('evidence', rows);
    await loadDemoPortfolio();
    expect(commits.length).toBeGreaterThan(10);
    expect(commits.filter((c) => c.durability !== 'relaxed')).toEqual([]);
    // And a save after the demo is strict again.
    commits = [];
    await saveEvidence({ evidence: evidenceFields(enrolment.id) });
    expect(commits.map((c) => c.durability)).toEqual(['strict']);
  });

  it("a live query on the app's connection sees a save made through the strict connection", async () => {
    const { enrolment } = await svq2Portfolio();
    const seen: string[][] = [];
    const subscription = liveQuery(() => db().evidence.where('portfolioId').equals(enrolment.id).toArray()).subscribe(
      (rows) => seen.push(rows.map((r) => r.title)),
    );
    await expect.poll(() => seen.length).toBe(1);
    await saveEvidence({ evidence: evidenceFields(enrolment.id, { title: 'Saved strict' }) });
    await expect.poll(() => seen.at(-1)).toEqual(['Saved strict']);
    subscription.unsubscribe();
  });
});
