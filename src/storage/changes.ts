// The local change sequence (docs/sync.md): every committed change to a travelling record — a save through
// write.ts, a merge of a received bundle, a held change applied, a conflict resolved — appends one entry, in the
// same transaction as the change, with an auto-increment `seq`. Sync pushes what a portfolio's log holds after the
// seq it last pushed, so records that arrived from a third device are sent on too (relay), whatever their
// `updatedAt` says.
import Dexie from 'dexie';
import { recordTypeOf, type TravellingTable } from '../domain';
import { db } from './db';
import type { ChangeRow } from './syncRows';

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
  via?: 'store',
): Promise<void> {
  if (records.length === 0) return;
  const entries: ChangeRow[] = records.map((r) => ({
    table,
    recordId: r.id,
    portfolioId: portfolioOfRecord(table, r),
    ...(via ? { via } : {}),
  }));
  await db().changes.bulkAdd(entries);
}

/** The highest seq handed out so far (0 when nothing changed). */
export async function lastChangeSeq(): Promise<number> {
  return ((await db().changes.orderBy('seq').lastKey()) as number | undefined) ?? 0;
}

/** A portfolio's entries after `afterSeq` that a push sends (not those pulled from the store), oldest first ('' for people). */
export async function changesAfter(portfolioId: string, afterSeq: number): Promise<ChangeRow[]> {
  const entries = await db()
    .changes.where('[portfolioId+seq]')
    .between([portfolioId, afterSeq + 1], [portfolioId, Infinity], true, true)
    .toArray();
  return entries.filter((e) => e.via !== 'store');
}

/** How many distinct records of a portfolio changed after `afterSeq` (people not counted: they are shared). */
export async function changesWaiting(portfolioId: string, afterSeq: number): Promise<number> {
  const entries = await changesAfter(portfolioId, afterSeq);
  return new Set(entries.map((e) => `${e.table}|${e.recordId}`)).size;
}

/**
 * changesWaiting of many portfolios in one read transaction: the Sync screen asks for every portfolio after each
 * change, and a device that joins a centre commits one change per object it applies — one transaction per
 * portfolio per change made that O(portfolios²) transactions (profiled: most of the page's own work in the join).
 */
export async function changesWaitingEach(portfolios: Array<[string, number]>): Promise<Map<string, number>> {
  return db().transaction('r', db().changes, async () => {
    const counts = await Promise.all(portfolios.map(([id, afterSeq]) => changesWaiting(id, afterSeq)));
    return new Map(portfolios.map(([id], i) => [id, counts[i]!]));
  });
}

/**
 * Calls `run` after each committed transaction that appended to this database's change sequence (in this tab or
 * another: Dexie announces commits by database name). Returns a function that stops it.
 */
export function onChangesCommitted(run: () => void): () => void {
  const name = db().name;
  const handler = (parts: Record<string, unknown>) => {
    if (Object.keys(parts).some((part) => part.startsWith(`idb://${name}/changes/`))) run();
  };
  Dexie.on('storagemutated', handler);
  return () => Dexie.on('storagemutated').unsubscribe(handler);
}
