// Merging a bundle into a device that has the portfolio: newer versions win, concurrent edits are kept as
// conflicts, and resolving one settles every device the resolution reaches.
import 'fake-indexeddb/auto';
import { describe, expect, it } from 'vitest';
import { setDatabase, db } from '../../../src/storage/db';
import { loadPortfolio, resolveConflict, saveEvidence } from '../../../src/storage';
import { exportPortfolio } from '../../../src/bundle/export';
import { importBundle } from './trusting';
import { device, FIXED, setUpDemoPhone, installFileClock } from './helpers';

installFileClock();

describe('portfolio bundle: merge and conflicts', () => {
  const demo = setUpDemoPhone();

  it('merge: the newer version wins, and concurrent edits are both kept as a conflict', async () => {
    const tablet = await device('tablet3');
    await importBundle(demo.bundle, 'restore');
    // Both devices edit the same evidence from the same revision.
    const edit = async (title: string) => {
      const e = (await loadPortfolio(demo.demoId))!.evidence.find((x) => x.type === 'RA')!;
      await saveEvidence({ evidence: { ...e, title } });
    };
    await edit('Edited on the tablet');
    setDatabase(demo.phone);
    await edit('Edited on the phone');
    const phoneBundle = (await exportPortfolio(demo.demoId, { now: FIXED })).blob;
    setDatabase(tablet);
    const { result } = await importBundle(phoneBundle, 'merge');
    expect(result.conflicts).toBe(1);
    const rows = await db().conflicts.toArray();
    expect(
      rows.map((r) => [r.conflict.kept, r.conflict.other].map((v) => (v as unknown as { title: string }).title).sort()),
    ).toEqual([['Edited on the phone', 'Edited on the tablet']]);
    // The person settles it: the chosen version becomes a new revision and the conflict is cleared.
    const otherTitle = (rows[0]!.conflict.other as unknown as { title: string }).title;
    await resolveConflict(rows[0]!, 'other');
    expect(await db().conflicts.count()).toBe(0);
    const resolved = (await loadPortfolio(demo.demoId))!.evidence.find((x) => x.type === 'RA')!;
    expect(resolved.title).toBe(otherTitle);
    expect(resolved.rev).toBe(3);
  });

  it('merge: an edit saved twice on one device and once on the other is still a conflict; the resolution settles both devices', async () => {
    const tablet = await device('tablet6');
    await importBundle(demo.bundle, 'restore');
    const edit = async (title: string) => {
      const e = (await loadPortfolio(demo.demoId))!.evidence.find((x) => x.type === 'Q&A')!;
      await saveEvidence({ evidence: { ...e, title } });
    };
    await edit('Tablet, once');
    setDatabase(demo.phone);
    await edit('Phone, first save');
    await edit('Phone, second save');
    const phoneBundle = (await exportPortfolio(demo.demoId, { now: FIXED })).blob;
    setDatabase(tablet);
    const { result } = await importBundle(phoneBundle, 'merge');
    expect(result.conflicts).toBe(1);
    const [row] = await db().conflicts.toArray();
    const title = (v: unknown) => (v as { title: string }).title;
    expect([title(row!.conflict.kept), title(row!.conflict.other)]).toEqual(['Phone, second save', 'Tablet, once']);

    await resolveConflict(row!, 'other');
    const tabletBundle = (await exportPortfolio(demo.demoId, { now: FIXED })).blob;
    setDatabase(demo.phone);
    const back = await importBundle(tabletBundle, 'merge');
    expect(back.result.conflicts).toBe(0);
    expect((await loadPortfolio(demo.demoId))!.evidence.find((x) => x.type === 'Q&A')!.title).toBe('Tablet, once');
    expect(await db().conflicts.count()).toBe(0);
  });
});
