// Concurrent versions kept when bundles are merged, until a person settles each one.
import {
  nextClock,
  readRecord,
  reconcile,
  withoutSignature,
  type Conflict,
  type TravellingTable,
  type Versioned,
} from '../domain';
import { appendAudit } from './audit';
import { noteChanges } from './changes';
import { nowIso } from './clock';
import { db, strictDb, type ConflictRow } from './db';
import { deviceId } from './device';
import { explainWriteError } from './errors';

export type { ConflictRow };

const conflictRowId = (table: TravellingTable, c: Conflict<Versioned>) =>
  `${table}:${c.id}:${c.other.deviceId}:${c.other.rev}:${c.other.updatedAt}`;

const conflictRow = (table: TravellingTable, portfolioId: string, conflict: Conflict<Versioned>): ConflictRow => ({
  id: conflictRowId(table, conflict),
  table,
  recordId: conflict.id,
  portfolioId,
  conflict,
  detectedAt: nowIso(),
});

/** Inside an import: keeps a conflict found in merging, once. True when it was not known yet. */
export async function keepConflict(table: TravellingTable, portfolioId: string, conflict: Conflict<Versioned>) {
  if (await db().conflicts.get(conflictRowId(table, conflict))) return false;
  await db().conflicts.put(conflictRow(table, portfolioId, conflict));
  return true;
}

export async function listConflicts(portfolioId: string): Promise<ConflictRow[]> {
  return db().conflicts.where('portfolioId').equals(portfolioId).toArray();
}

/**
 * Settles a conflict: the chosen version is saved as a new revision that has seen every version involved (so
 * it supersedes them everywhere it travels), in one transaction. Any other concurrent version of the record
 * that this choice did not cover stays a conflict.
 */
export async function resolveConflict(row: ConflictRow, choice: 'kept' | 'other'): Promise<void> {
  // A person's choice: committed with strict durability, as every save is.
  const d = strictDb();
  const device = await deviceId();
  try {
    await d.transaction('rw', [d.table(row.table), d.conflicts, d.audit, d.changes], async () => {
      const chosen = row.conflict[choice] as unknown as Record<string, unknown> & Versioned;
      const current = (await d.table(row.table).get(row.recordId)) as (Versioned & { blob?: Blob }) | undefined;
      const { kept, other } = row.conflict;
      const record = readRecord(row.table, {
        ...withoutSignature(chosen),
        rev: Math.max(current?.rev ?? 0, kept.rev, other.rev) + 1,
        clock: nextClock(device, current?.clock ?? {}, kept.clock, other.clock),
        updatedAt: nowIso(),
        deviceId: device,
      }) as unknown as Versioned;
      const rows = await d.conflicts.where('recordId').equals(row.recordId).toArray();
      // The same merge as an import, so what is in force and what stays in conflict agree with every device.
      const {
        records: [inForce],
        conflicts: remaining,
      } = reconcile(
        [record],
        rows.map((r) => r.conflict),
      );
      await d.table(row.table).put(current?.blob ? { ...inForce, blob: current.blob } : inForce);
      await noteChanges(row.table, [inForce as unknown as { id: string; portfolioId?: unknown }]);
      await d.conflicts.bulkDelete(rows.map((r) => r.id));
      await d.conflicts.bulkPut(remaining.map((c) => conflictRow(row.table, row.portfolioId, c)));
      const summary = choice === 'kept' ? 'kept the version in force' : 'chose the other version';
      await appendAudit({
        portfolioId: row.portfolioId,
        actorId: null,
        deviceId: device,
        action: 'resolve-conflict',
        recordType: row.table,
        recordId: row.recordId,
        summary,
      });
    });
  } catch (e) {
    throw explainWriteError(e, 'the resolution');
  }
}
