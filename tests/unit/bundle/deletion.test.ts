// A portfolio deleted on one device reaches the other in a bundle: its tombstones merge by reconcile, the
// trust rules let its assessor's deletion through (nothing held), and the portfolio is hidden there too. An undo
// travels the same way.
import 'fake-indexeddb/auto';
import { describe, expect, it } from 'vitest';
import { setDatabase, db } from '../../../src/storage/db';
import { deletePortfolio, listEnrolments, loadPortfolio, undoDeletion } from '../../../src/storage';
import { exportPortfolio } from '../../../src/bundle/export';
import { importBundle } from './trusting';
import { device, FIXED, installFileClock, setUpDemoPhone } from './helpers';

installFileClock();

describe('portfolio bundle: a deletion travels', () => {
  const demo = setUpDemoPhone();

  it('the portfolio deleted on the phone (by its assessor) is deleted on the tablet; the undo follows', async () => {
    const tablet = await device('tablet-deletion');
    await importBundle(demo.bundle, 'restore');
    expect(await loadPortfolio(demo.demoId)).not.toBeNull();

    setDatabase(demo.phone);
    const deletion = await deletePortfolio(demo.demoId);
    const deleted = (await exportPortfolio(demo.demoId, { now: FIXED })).blob;
    setDatabase(tablet);
    const { result } = await importBundle(deleted, 'merge');
    expect(result).toMatchObject({ held: 0, conflicts: 0 });
    expect(result.written).toBe(deletion.records.length);
    expect(await loadPortfolio(demo.demoId)).toBeNull();
    expect((await listEnrolments()).map((e) => e.id)).not.toContain(demo.demoId);
    const evidence = await db().evidence.where('portfolioId').equals(demo.demoId).toArray();
    expect(evidence.length).toBeGreaterThan(0);
    expect(evidence.every((e) => e.deleted)).toBe(true);

    setDatabase(demo.phone);
    await undoDeletion(deletion);
    const undone = (await exportPortfolio(demo.demoId, { now: FIXED })).blob;
    setDatabase(tablet);
    const again = await importBundle(undone, 'merge');
    expect(again.result).toMatchObject({ held: 0, conflicts: 0 });
    const restored = (await loadPortfolio(demo.demoId))!;
    setDatabase(demo.phone);
    const onPhone = (await loadPortfolio(demo.demoId))!;
    expect(restored.evidence.map((e) => [e.id, e.title, e.rev])).toEqual(
      onPhone.evidence.map((e) => [e.id, e.title, e.rev]),
    );
  });
});
