// Merging two devices' copies of the same records. Pure and deterministic: the result depends only on the
// set of versions seen, never on which side is "local" or the order bundles arrive (property-tested).
//
// Records are matched by id. Each version carries a version vector (`clock`: per device, how many changes
// it has made to the record), so a merge knows what each version has seen. A version that another version
// has seen (an ancestor) is superseded. Of the versions that remain, none has seen the others: they were
// made concurrently, and however often each side saved. One is put in force by a fixed order (higher
// revision, then later update, then device id) and every other one is kept as a conflict for the person to
// resolve: nothing is ever silently lost. Tombstones are versions like any other: a deletion made after an
// edit supersedes it, and a deletion concurrent with an edit is a conflict.

/** Per device id, the number of changes that device has made to the record (absent = 0). */
export type Clock = Readonly<Record<string, number>>;

export interface Versioned {
  id: string;
  rev: number;
  updatedAt: string;
  deviceId: string;
  deleted: boolean;
  clock: Clock;
}

/** True when a version with clock `a` has seen every change of one with clock `b` (a ≥ b entrywise). */
export function descends(a: Clock, b: Clock): boolean {
  for (const [device, n] of Object.entries(b)) if ((a[device] ?? 0) < n) return false;
  return true;
}

/** The clock of a new change by `device` on top of everything in `clocks`. */
export function nextClock(device: string, ...clocks: Clock[]): Clock {
  const merged: Record<string, number> = {};
  for (const c of clocks) for (const [d, n] of Object.entries(c)) merged[d] = Math.max(merged[d] ?? 0, n);
  merged[device] = (merged[device] ?? 0) + 1;
  return merged;
}

const supersedes = (a: Versioned, b: Versioned) => descends(a.clock, b.clock) && !descends(b.clock, a.clock);

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
  // A version's signature is not part of its content: a signed and an unsigned copy are the same version.
  const ca = canonicalJson({ ...a, sig: undefined });
  const cb = canonicalJson({ ...b, sig: undefined });
  return ca === cb ? 0 : ca < cb ? -1 : 1;
}

/** Of two copies of one version, the signed one (docs/trust.md); of two signed ones, a fixed choice. */
function preferredCopy(a: Versioned, b: Versioned): boolean {
  const sa = signatureValue(a);
  const sb = signatureValue(b);
  return sa !== null && (sb === null || sa < sb);
}

const signatureValue = (v: Versioned): string | null => {
  const sig = (v as { sig?: { value?: unknown } }).sig;
  return typeof sig?.value === 'string' ? sig.value : null;
};

/**
 * Merges any number of versions of any records. Conflicts already recorded (from earlier merges) are passed
 * in and kept, so merging again, or in another order, gives the same result.
 */
export function reconcile<T extends Versioned>(
  versions: Iterable<T>,
  knownConflicts: Iterable<Conflict<T>> = [],
): Reconciled<T> {
  const byId = new Map<string, T[]>();
  const add = (v: T) => {
    const list = byId.get(v.id) ?? [];
    const same = list.findIndex((x) => compareVersions(x, v) === 0);
    if (same === -1) list.push(v);
    else if (preferredCopy(v, list[same]!)) list[same] = v;
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
    const all = byId.get(id)!;
    // The versions no other version has seen; equal clocks with different content are concurrent too.
    const heads = all.filter((v) => !all.some((u) => supersedes(u, v))).sort((a, b) => compareVersions(b, a));
    const winner = heads[0]!;
    records.push(winner);
    for (const other of heads.slice(1)) conflicts.push({ id, kept: winner, other });
  }
  return { records, conflicts };
}
