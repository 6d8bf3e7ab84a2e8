// The local change sequence (docs/sync.md): every committed change to a travelling record — a save through
// write.ts, a merge of a received bundle, a held change applied, a conflict resolved — appends one entry, in the
// same transaction as the change, with an auto-increment `seq`. Sync pushes what a portfolio's log holds after the
// seq it last pushed, so records that arrived from a third device are sent on too (relay), whatever their
// `updatedAt` says.
import { recordTypeOf, type TravellingTable } from '../domain';
import { db, type ChangeRow } from './db';

/** The portfolio a record belongs to; '' for a person, who belongs to every portfolio that names them. */
export function portfolioOfRecord(table: TravellingTable, record: { id: string; portfolioId?: unknown }): string {
  if (table === 'enrolments') return record.id;
  return recordTypeOf(table).portfolioScoped ? String(record.portfolioId ?? '') : '';
}

/**
 * Inside a write transaction (its scope must include `changes`): notes that these records changed. Dexie fails the
 * whole transaction if `changes` is not in its scope, so a path that forgets it cannot commit a change unlogged.
 */
export async function noteChanges(
  table: TravellingTable,
  records: ReadonlyArray<{ id: string; portfolioId?: unknown }>,
): Promise<void> {
  if (records.length === 0) return;
  const entries: ChangeRow[] = records.map((r) => ({
    table,
    recordId: r.id,
    portfolioId: portfolioOfRecord(table, r),
  }));
  await db().changes.bulkAdd(entries);
}

/** The highest seq handed out so far (0 when nothing changed). */
export async function lastChangeSeq(): Promise<number> {
  return ((await db().changes.orderBy('seq').lastKey()) as number | undefined) ?? 0;
}

/** A portfolio's entries after `afterSeq`, oldest first ('' for people changes). */
export function changesAfter(portfolioId: string, afterSeq: number): Promise<ChangeRow[]> {
  return db()
    .changes.where('[portfolioId+seq]')
    .between([portfolioId, afterSeq + 1], [portfolioId, Infinity], true, true)
    .toArray();
}

/** How many distinct records of a portfolio changed after `afterSeq` (people not counted: they are shared). */
export async function changesWaiting(portfolioId: string, afterSeq: number): Promise<number> {
  const entries = await changesAfter(portfolioId, afterSeq);
  return new Set(entries.map((e) => `${e.table}|${e.recordId}`)).size;
}
