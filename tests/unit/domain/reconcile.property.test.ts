import { describe, expect, it } from 'vitest';
import fc from 'fast-check';
import { canonicalJson, reconcile, type Reconciled, type Versioned } from '../../../src/domain';

interface Rec extends Versioned {
  title: string;
}

// Small domains so that equal ids, equal revisions and concurrent edits are common.
const recArb: fc.Arbitrary<Rec> = fc.record({
  id: fc.constantFrom('a', 'b', 'c', 'd'),
  rev: fc.integer({ min: 1, max: 3 }),
  updatedAt: fc.constantFrom('2026-01-01T00:00:00Z', '2026-01-02T00:00:00Z'),
  deviceId: fc.constantFrom('phone', 'tablet', 'laptop'),
  deleted: fc.boolean(),
  title: fc.constantFrom('x', 'y'),
});

const devices = fc.array(fc.array(recArb, { maxLength: 8 }), { minLength: 1, maxLength: 4 });
const canon = (r: Reconciled<Rec>) => canonicalJson({ records: r.records, conflicts: [...r.conflicts].sort((x, y) => (canonicalJson(x) < canonicalJson(y) ? -1 : 1)) });

/** Merge a device's records into an accumulated state, the way an import does. */
const mergeInto = (state: Reconciled<Rec>, incoming: Rec[]) => reconcile([...state.records, ...incoming], state.conflicts);
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
      fc.property(devices.chain((ds) => fc.tuple(fc.constant(ds), fc.shuffledSubarray(ds, { minLength: ds.length, maxLength: ds.length }))), ([ds, shuffled]) => {
        expect(canon(shuffled.reduce(mergeInto, empty))).toBe(canon(ds.reduce(mergeInto, empty)));
      }),
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

  it('loses no record: every id survives, as its winning version, and every concurrent version stays visible', () => {
    fc.assert(
      fc.property(devices, (ds) => {
        const all = ds.flat();
        const result = ds.reduce(mergeInto, empty);
        expect(new Set(result.records.map((r) => r.id))).toEqual(new Set(all.map((r) => r.id)));
        for (const rec of result.records) {
          const versions = all.filter((v) => v.id === rec.id);
          const maxRev = Math.max(...versions.map((v) => v.rev));
          expect(rec.rev).toBe(maxRev);
          // Every other version at the winning revision with different content is a visible conflict.
          for (const v of versions) {
            if (v.rev === maxRev && canonicalJson(v) !== canonicalJson(rec)) {
              expect(result.conflicts.some((c) => c.id === rec.id && canonicalJson(c.other) === canonicalJson(v))).toBe(true);
            }
          }
        }
      }),
      { numRuns: 500 },
    );
  });

  it('a tombstone with a higher revision deletes; an edit after a deletion revives', () => {
    const base = { id: 'a', updatedAt: '2026-01-01T00:00:00Z', deviceId: 'phone', title: 'x' };
    expect(reconcile<Rec>([{ ...base, rev: 1, deleted: false }, { ...base, rev: 2, deleted: true }]).records[0]!.deleted).toBe(true);
    expect(reconcile<Rec>([{ ...base, rev: 3, deleted: false }, { ...base, rev: 2, deleted: true }]).records[0]!.deleted).toBe(false);
  });
});
