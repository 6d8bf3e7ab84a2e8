import { describe, expect, it } from 'vitest';
import fc from 'fast-check';
import {
  canonicalJson,
  descends,
  nextClock,
  reconcile,
  type Clock,
  type Reconciled,
  type Versioned,
} from '../../../src/domain';

interface Rec extends Versioned {
  title: string;
}

// Small domains so that equal ids, shared ancestry and concurrent edits are common.
const clockArb: fc.Arbitrary<Clock> = fc
  .record({
    phone: fc.integer({ min: 0, max: 2 }),
    tablet: fc.integer({ min: 0, max: 2 }),
    laptop: fc.integer({ min: 0, max: 1 }),
  })
  .map((c) => Object.fromEntries(Object.entries(c).filter(([, n]) => n > 0)));
const recArb: fc.Arbitrary<Rec> = fc.record({
  id: fc.constantFrom('a', 'b', 'c', 'd'),
  rev: fc.integer({ min: 1, max: 3 }),
  clock: clockArb,
  updatedAt: fc.constantFrom('2026-01-01T00:00:00Z', '2026-01-02T00:00:00Z'),
  deviceId: fc.constantFrom('phone', 'tablet', 'laptop'),
  deleted: fc.boolean(),
  title: fc.constantFrom('x', 'y'),
});

const devices = fc.array(fc.array(recArb, { maxLength: 8 }), { minLength: 1, maxLength: 4 });
const canon = (r: Reconciled<Rec>) =>
  canonicalJson({
    records: r.records,
    conflicts: [...r.conflicts].sort((x, y) => (canonicalJson(x) < canonicalJson(y) ? -1 : 1)),
  });

/** Merge a device's records into an accumulated state, the way an import does. */
const mergeInto = (state: Reconciled<Rec>, incoming: Rec[]) =>
  reconcile([...state.records, ...incoming], state.conflicts);
const empty: Reconciled<Rec> = { records: [], conflicts: [] };

describe('reconcile', () => {
  it('is idempotent: merging the same records again changes nothing', () => {
    fc.assert(
      fc.property(devices, (ds) => {
        const once = ds.reduce(mergeInto, empty);
        const twice = ds.reduce(mergeInto, once);
        expect(canon(twice)).toBe(canon(once));
      }),
      { numRuns: 500 },
    );
  });

  it('is order-independent: any order of bundles gives the same result', () => {
    fc.assert(
      fc.property(
        devices.chain((ds) =>
          fc.tuple(fc.constant(ds), fc.shuffledSubarray(ds, { minLength: ds.length, maxLength: ds.length })),
        ),
        ([ds, shuffled]) => {
          expect(canon(shuffled.reduce(mergeInto, empty))).toBe(canon(ds.reduce(mergeInto, empty)));
        },
      ),
      { numRuns: 500 },
    );
  });

  it('is independent of grouping: merging merged states equals merging everything at once', () => {
    fc.assert(
      fc.property(devices, devices, (left, right) => {
        const l = left.reduce(mergeInto, empty);
        const r = right.reduce(mergeInto, empty);
        const together = [...left, ...right].reduce(mergeInto, empty);
        expect(canon(reconcile([...l.records, ...r.records], [...l.conflicts, ...r.conflicts]))).toBe(canon(together));
      }),
      { numRuns: 500 },
    );
  });

  it('loses nothing: every version is in force, kept as a conflict, or an ancestor of one of those', () => {
    fc.assert(
      fc.property(devices, (ds) => {
        const all = ds.flat();
        const result = ds.reduce(mergeInto, empty);
        expect(new Set(result.records.map((r) => r.id))).toEqual(new Set(all.map((r) => r.id)));
        for (const rec of result.records) {
          const visible = [rec, ...result.conflicts.filter((c) => c.id === rec.id).map((c) => c.other)];
          for (const v of all.filter((x) => x.id === rec.id)) {
            const kept = visible.some((k) => canonicalJson(k) === canonicalJson(v));
            const seenBy = visible.some((k) => descends(k.clock, v.clock) && !descends(v.clock, k.clock));
            expect(kept || seenBy).toBe(true);
          }
          // Nothing visible is an ancestor of something else visible: conflicts are only real ones.
          for (const a of visible)
            for (const b of visible)
              if (a !== b) expect(descends(a.clock, b.clock) && !descends(b.clock, a.clock)).toBe(false);
        }
      }),
      { numRuns: 500 },
    );
  });

  /** A record as first saved on the phone. */
  const firstSave = (): Rec => ({
    id: 'a',
    rev: 1,
    clock: { phone: 1 },
    updatedAt: '2026-01-01T00:00:00Z',
    deviceId: 'phone',
    deleted: false,
    title: 'x',
  });
  /** The next version of `prev` saved on `device` (which has also seen the `seen` clocks), with `changes`. */
  const savedOn = (device: string, prev: Rec, changes: Partial<Rec>, ...seen: Clock[]): Rec => ({
    ...prev,
    rev: prev.rev + 1,
    clock: nextClock(device, prev.clock, ...seen),
    deviceId: device,
    ...changes,
  });

  it('an edit made twice on one side and once on the other is a conflict, not a silent loss', () => {
    // The case revision numbers alone get wrong: the phone's second save gives it the higher rev.
    const base = firstSave();
    const tablet = savedOn('tablet', base, { title: 'tablet edit' });
    const phone1 = savedOn('phone', base, { title: 'phone edit 1' });
    const phone2 = savedOn('phone', phone1, { title: 'phone edit 2' });
    expect([tablet.rev, phone1.rev, phone2.rev]).toEqual([2, 2, 3]);
    const merged = reconcile([base, phone1, phone2, tablet]);
    expect(merged.records[0]!.title).toBe('phone edit 2');
    expect(merged.conflicts.map((c) => c.other.title)).toEqual(['tablet edit']);
    // Resolving makes a version that has seen both: merging it in clears the conflict everywhere.
    const resolved = savedOn('tablet', phone2, { title: 'resolved' }, tablet.clock);
    expect(reconcile([...merged.records, resolved], merged.conflicts)).toEqual({ records: [resolved], conflicts: [] });
  });

  it('a later deletion supersedes; a deletion concurrent with an edit is a conflict; an edit after a deletion revives', () => {
    const base = firstSave();
    const deleted = savedOn('phone', base, { deleted: true });
    expect(reconcile([base, deleted])).toEqual({ records: [deleted], conflicts: [] });
    const editedElsewhere = savedOn('tablet', base, { title: 'y' });
    const both = reconcile([deleted, editedElsewhere]);
    expect(both.conflicts).toHaveLength(1);
    const revived = savedOn('phone', deleted, { deleted: false, title: 'back' });
    expect(reconcile([deleted, revived]).records[0]!.deleted).toBe(false);
  });
});

describe('reconcile with record signatures', () => {
  it('a signed and an unsigned copy of one version are one version, and the signed copy is kept, in any order', () => {
    const sigArb = fc.option(fc.constantFrom('s1', 's2'), { nil: undefined });
    fc.assert(
      fc.property(recArb, fc.array(sigArb, { minLength: 1, maxLength: 4 }), (rec, sigs) => {
        const copies = sigs.map((value) => (value ? { ...rec, sig: { deviceKey: 'k', value } } : { ...rec }));
        const forward = reconcile(copies);
        const backward = reconcile([...copies].reverse());
        expect(forward.conflicts).toEqual([]);
        expect(canonicalJson(forward.records)).toBe(canonicalJson(backward.records));
        const signed = sigs.filter((s) => s !== undefined).sort();
        expect((forward.records[0] as { sig?: { value: string } }).sig?.value).toBe(signed[0]);
      }),
      { numRuns: 300 },
    );
  });
});
