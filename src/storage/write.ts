// The one write path: every change validates, stamps merge metadata, appends to the audit log and runs in one
// Dexie transaction with everything that belongs with it (all of a change lands, or none of it), committed with
// strict durability: a save is on disk when it says it is done.
import {
  nextClock,
  RECORD_SCHEMAS,
  RECORD_TABLES,
  needsAuthority,
  signingRefusal,
  type Person,
  type RecordFields,
  type RecordOf,
  type RecordTable,
  TRAVELLING_TABLES,
  type TravellingTable,
  withoutSignature,
} from '../domain';
import { appendAudit } from './audit';
import { noteChanges } from './changes';
import { newId, nowIso } from './clock';
import type Dexie from 'dexie';
import { db, strictDb, type MediaRow } from './db';
import { actingPersonId, deviceId } from './device';
import { explainWriteError, StorageError } from './errors';

/** What a caller supplies: the record's own fields (defaults optional); the layer stamps the metadata. */
export type Input<T extends RecordTable> = RecordFields<(typeof RECORD_SCHEMAS)[T]> & { id?: string };

/** Fills and bumps the merge metadata, then validates against the record's schema. */
function stamp<T extends RecordTable>(
  table: T,
  input: Record<string, unknown>,
  existing: RecordOf<T> | undefined,
  device: string,
): RecordOf<T> {
  const at = nowIso();
  return RECORD_SCHEMAS[table].parse({
    // A local change is a new version: any signature read along with the old one no longer holds.
    ...(existing && withoutSignature(existing)),
    ...withoutSignature(input),
    id: (input.id as string | undefined) ?? existing?.id ?? newId(),
    createdAt: existing?.createdAt ?? at,
    updatedAt: at,
    rev: (existing?.rev ?? 0) + 1,
    clock: nextClock(device, existing?.clock ?? {}),
    deviceId: device,
    deleted: input.deleted ?? false,
  }) as RecordOf<T>;
}

export interface WriteContext {
  device: string;
  actor: string | null;
  /** Creates or updates a record (by `input.id`), audited as `action` (default: create or update). */
  put<T extends RecordTable>(
    table: T,
    input: Record<string, unknown>,
    action?: string,
    summary?: string,
  ): Promise<RecordOf<T>>;
  /** Marks a record deleted (a tombstone that travels), audited. */
  remove(table: RecordTable, id: string, summary?: string): Promise<void>;
  /**
   * The same transaction, its audit rows filed under another portfolio and naming another actor: a bulk load
   * (the demo centre) writes many portfolios' records, each credited to the person who made them, in one go.
   */
  as(portfolioId: string, actor: string | null): WriteContext;
}

/**
 * The tables a write may touch: every record table, the audit log, drafts (a save clears its draft) and the change
 * sequence sync pushes from (changes.ts).
 */
const WRITE_TABLES = [...RECORD_TABLES, 'audit', 'drafts', 'changes'];

/** Travelling records join the change sequence; a record type that stays on the device does not. */
const noteTravelling = (table: RecordTable, record: { id: string; portfolioId?: unknown }) =>
  (TRAVELLING_TABLES as readonly string[]).includes(table)
    ? noteChanges(table as TravellingTable, [record])
    : Promise.resolve();

/** Bulk loads under way (asBulkLoad): while one runs, writes commit relaxed. */
let bulkLoads = 0;

/**
 * Runs a bulk load (the demo portfolio: dozens of saves made for the person in one click) with relaxed durability,
 * as bulkPutRecords writes: losing it to a power cut loses nothing typed. Saves made meanwhile are relaxed too.
 */
export async function asBulkLoad<R>(load: () => Promise<R>): Promise<R> {
  bulkLoads++;
  try {
    return await load();
  } finally {
    bulkLoads--;
  }
}

/**
 * A signature's role is checked against the person it names (or, for an assessor's, IQA's or verifier's, the person
 * acting): a candidate cannot sign as assessor from any screen. A signer not on this device is not judged here.
 */
async function checkSigner(database: Dexie, input: Record<string, unknown>, actor: string | null, what: string) {
  // Removing a signature (a tombstone) signs nothing: who may delete is the trust rules' question, not this one.
  if (input.deleted === true) return;
  const role = typeof input.role === 'string' ? input.role : '';
  const named = typeof input.personId === 'string' ? input.personId : null;
  const signerId = named ?? (needsAuthority(role) ? actor : null);
  if (!signerId) return;
  const signer = (await database.table('people').get(signerId)) as Person | undefined;
  const refusal = signingRefusal(role, signer && !signer.deleted ? signer : undefined);
  if (refusal) throw new StorageError('validation', `${what} was not saved: ${refusal}`);
}

/** The context of one write's transaction: puts and removals stamped by `device`, audited under `portfolioId`. */
function writeContext(database: Dexie, device: string, portfolioId: string, actor: string | null): WriteContext {
  const audit = (action: string, recordType: string, recordId: string, summary?: string) =>
    appendAudit({ portfolioId, actorId: actor, deviceId: device, action, recordType, recordId, summary });
  return {
    device,
    actor,
    async put(table, input, action, summary) {
      const t = database.table(table);
      if (table === 'signatures') await checkSigner(database, input, actor, 'The signature');
      const existing = input.id ? await t.get(input.id as string) : undefined;
      // A media row's Blob travels beside the validated metadata, never through the schema.
      const { blob, ...rest } = input as { blob?: Blob };
      const { blob: existingBlob, ...existingMeta } = (existing ?? {}) as Partial<MediaRow>;
      const record = stamp(table, rest, existing ? (existingMeta as never) : undefined, device);
      const keptBlob = blob ?? existingBlob;
      await t.put(keptBlob ? { ...record, blob: keptBlob } : record);
      await noteTravelling(table, record);
      await audit(action ?? (existing ? 'update' : 'create'), table, record.id, summary);
      return record;
    },
    async remove(table, id, summary) {
      const t = database.table(table);
      const existing = await t.get(id);
      if (!existing || existing.deleted) return;
      const clock = nextClock(device, existing.clock ?? {});
      await t.put({
        ...withoutSignature(existing),
        deleted: true,
        updatedAt: nowIso(),
        rev: (existing.rev ?? 0) + 1,
        clock,
        deviceId: device,
      });
      await noteTravelling(table, existing);
      await audit('delete', table, id, summary);
    },
    as: (otherPortfolio, otherActor) => writeContext(database, device, otherPortfolio, otherActor),
  };
}

/** Runs `change` in one transaction over every table a write may touch; its audit rows are filed under `portfolioId`. */
export async function write<R>(
  what: string,
  portfolioId: string,
  change: (ctx: WriteContext) => Promise<R>,
): Promise<R> {
  const device = await deviceId();
  const actor = await actingPersonId();
  const database = bulkLoads > 0 ? db() : strictDb();
  try {
    // An async scope (not a function returning change's promise): Dexie keeps the transaction open across its awaits.
    return await database.transaction('rw', WRITE_TABLES, async () => {
      return change(writeContext(database, device, portfolioId, actor));
    });
  } catch (e) {
    throw explainWriteError(e, what);
  }
}
