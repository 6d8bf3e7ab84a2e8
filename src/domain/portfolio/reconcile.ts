// Merging two devices' copies of the same records. Pure and deterministic: the result depends only on the
// set of versions seen, never on which side is "local" or the order bundles arrive (property-tested).
//
// Records are matched by id. Of two versions, the higher revision wins, then the later update, then the
// device id (an arbitrary but fixed tie-break). Tombstones are versions like any other, so a deletion made
// after an edit wins. When both sides changed the record from the same revision (equal `rev`, different
// content), the winner is still chosen the same way, and the other version is kept as a conflict for the
// person to resolve: nothing is ever silently lost.

export interface Versioned {
  id: string;
  rev: number;
  updatedAt: string;
  deviceId: string;
  deleted: boolean;
}

export interface Conflict<T extends Versioned> {
  id: string;
  /** The version in force after the merge. */
  kept: T;
  /** The concurrent version that lost the tie-break, kept for the person to compare and resolve. */
  other: T;
}

export interface Reconciled<T extends Versioned> {
  records: T[];
  conflicts: Conflict<T>[];
}

/** Stable JSON (sorted keys) so equal content compares equal whatever the key order. */
export function canonicalJson(value: unknown): string {
  if (Array.isArray(value)) return `[${value.map(canonicalJson).join(',')}]`;
  if (value && typeof value === 'object' && !(value instanceof Blob)) {
    const entries = Object.entries(value as Record<string, unknown>)
      .filter(([, v]) => v !== undefined)
      .sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0));
    return `{${entries.map(([k, v]) => `${JSON.stringify(k)}:${canonicalJson(v)}`).join(',')}}`;
  }
  return JSON.stringify(value) ?? 'null';
}

/** Total order on versions of one record: positive when a should win over b. */
export function compareVersions(a: Versioned, b: Versioned): number {
  if (a.rev !== b.rev) return a.rev - b.rev;
  if (a.updatedAt !== b.updatedAt) return a.updatedAt < b.updatedAt ? -1 : 1;
  if (a.deviceId !== b.deviceId) return a.deviceId < b.deviceId ? -1 : 1;
  const ca = canonicalJson(a);
  const cb = canonicalJson(b);
  return ca === cb ? 0 : ca < cb ? -1 : 1;
}

const concurrent = (a: Versioned, b: Versioned) => a.rev === b.rev && canonicalJson(a) !== canonicalJson(b);

/**
 * Merges any number of versions of any records. Conflicts already recorded (from earlier merges) are passed
 * in and kept, so merging again, or in another order, gives the same result.
 */
export function reconcile<T extends Versioned>(versions: Iterable<T>, knownConflicts: Iterable<Conflict<T>> = []): Reconciled<T> {
  const byId = new Map<string, T[]>();
  const add = (v: T) => {
    const list = byId.get(v.id) ?? [];
    if (!list.some((x) => compareVersions(x, v) === 0)) list.push(v);
    byId.set(v.id, list);
  };
  for (const v of versions) add(v);
  for (const c of knownConflicts) {
    add(c.kept);
    add(c.other);
  }
  const records: T[] = [];
  const conflicts: Conflict<T>[] = [];
  for (const id of [...byId.keys()].sort()) {
    const all = byId.get(id)!.sort((a, b) => compareVersions(b, a));
    const winner = all[0]!;
    records.push(winner);
    // Every version concurrent with the winner stays visible as a conflict.
    for (const other of all.slice(1)) if (concurrent(winner, other)) conflicts.push({ id, kept: winner, other });
  }
  return { records, conflicts };
}
