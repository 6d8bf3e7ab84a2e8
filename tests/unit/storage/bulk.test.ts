import 'fake-indexeddb/auto';
import { beforeEach, describe, expect, it } from 'vitest';
import { FieldfolioDB, db, setDatabase } from '../../../src/storage/db';
import { bulkPutRecords } from '../../../src/storage/bulk';
import { loadPortfolio } from '../../../src/storage';
// Not a React hook, whatever its name says: it installs the test clock around each test.
import { installTestClock } from '../clock';
import { aPerson, anEnrolment, anEvidenceItem } from '../factories';

installTestClock();

beforeEach(() => {
  setDatabase(new FieldfolioDB(`bulk-test-${Math.random()}`));
});

describe('bulk writes', () => {
  it('write validated records in chunks, each read back as written', async () => {
    const candidate = aPerson();
    const enrolment = anEnrolment(candidate.id);
    await bulkPutRecords('people', [candidate]);
    await bulkPutRecords('enrolments', [enrolment]);
    const items = [1, 2, 3, 4, 5].map((n) => anEvidenceItem(enrolment.id, { title: `Item ${n}` }));
    await bulkPutRecords('evidence', items, 2);
    const data = (await loadPortfolio(enrolment.id))!;
    expect(data.enrolment).toEqual(enrolment);
    expect(data.people).toEqual([candidate]);
    expect(data.evidence.map((e) => e.title).sort()).toEqual(['Item 1', 'Item 2', 'Item 3', 'Item 4', 'Item 5']);
  });

  it('refuse a chunk holding an invalid record; the chunks before it stay written', async () => {
    const enrolment = anEnrolment(aPerson().id);
    const items = [anEvidenceItem(enrolment.id), { ...anEvidenceItem(enrolment.id), date: '1 Oct 2026' }];
    await expect(bulkPutRecords('evidence', items, 1)).rejects.toThrow(/date must be YYYY-MM-DD/);
    expect((await db().evidence.toArray()).map((e) => e.id)).toEqual([items[0]!.id]);
  });
});
