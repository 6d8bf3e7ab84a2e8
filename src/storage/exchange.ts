// What the bundle layer needs from storage: every record of a portfolio (tombstones included, so deletions
// travel), and applying a verified bundle's records in one transaction, merged record by record. The tables
// exchanged are the registry's travelling record types.
import {
  emptyRecordSet,
  readRecord,
  reconcile,
  recordTypeOf,
  TRAVELLING_TABLES,
  type AuditEntry,
  type Conflict,
  type QualificationSpec,
  type RecordSet,
  type RecordTable,
  type TravellingTable,
  type Versioned,
  type DeviceCertificate,
  type Revocation,
} from '../domain';
import { appendAudit, appendReceivedAudit } from './audit';
import { noteChanges } from './changes';
import { keepConflict } from './conflicts';
import { db, strictDb, type DeviceRow, type HeldRow, type MediaRow } from './db';
import { notePeer } from './peers';
import { trustDocumentRow } from './trust';
import { deviceId } from './device';
import { explainWriteError, StorageError } from './errors';
import { portfolioRows } from './read';
import { storeSpecs } from './specs';

export const EXCHANGED_TABLES = TRAVELLING_TABLES;
export type ExchangedTable = TravellingTable;
export type { RecordTable };

/** Travelling record types that carry no portfolioId, each picked by a rule of its own (portfolioForExport). */
const PICKED_BY_RULE: readonly ExchangedTable[] = ['enrolments', 'people'];
/** The travelling record types whose records a bundle takes by their portfolioId. */
export const BY_PORTFOLIO = EXCHANGED_TABLES.filter((t) => recordTypeOf(t).portfolioScoped);
const unpicked = EXCHANGED_TABLES.filter((t) => !BY_PORTFOLIO.includes(t) && !PICKED_BY_RULE.includes(t));
if (unpicked.length > 0) {
  throw new Error(
    `Record types ${unpicked.join(', ')} travel in bundles but belong to no portfolio: ` +
      'say in storage/exchange.ts which of their records a bundle carries.',
  );
}

export interface PortfolioExport {
  records: RecordSet;
  /** Media rows with their Blob (the Blob is read lazily when streamed). */
  mediaBlobs: Map<string, Blob>;
  audit: AuditEntry[];
}

/**
 * People travel with the portfolio they appear in (candidate, assessors, IQA, witnesses, signers, whoever
 * acted in its audit log), never the rest of the device's people: a bundle goes to outside verifiers.
 */
export function peopleNamedIn<P extends { id: string }>(values: unknown[], people: P[]): P[] {
  const personIds = new Set(people.map((p) => p.id));
  const named = new Set<string>();
  const collect = (value: unknown): void => {
    if (typeof value === 'string') {
      if (personIds.has(value)) named.add(value);
    } else if (Array.isArray(value)) value.forEach(collect);
    else if (value && typeof value === 'object' && !(value instanceof Blob)) Object.values(value).forEach(collect);
  };
  collect(values);
  return people.filter((p) => named.has(p.id));
}

export const withoutBlob = ({ blob: _blob, ...rest }: Record<string, unknown>) => rest;

/**
 * Every record of a portfolio, or with `since` only those changed after it (an incremental bundle; the
 * enrolment always travels, as the anchor the receiving device merges into).
 */
export async function portfolioForExport(portfolioId: string, since?: string): Promise<PortfolioExport | null> {
  const d = db();
  return d.transaction('r', [...EXCHANGED_TABLES, 'audit'], async () => {
    const enrolment = await d.enrolments.get(portfolioId);
    if (!enrolment) return null;
    const [people, audit, ...scoped] = await Promise.all([
      d.people.toArray(),
      d.audit.where('portfolioId').equals(portfolioId).toArray(),
      ...BY_PORTFOLIO.map((t) => portfolioRows(t, portfolioId) as Promise<Array<Record<string, unknown>>>),
    ]);
    const changed = <T extends { updatedAt?: unknown }>(rows: T[]) =>
      since ? rows.filter((r) => String(r.updatedAt) > since) : rows;
    const records = emptyRecordSet();
    records.enrolments = [readRecord('enrolments', enrolment)];
    const named = peopleNamedIn(
      [enrolment, scoped.map((rows) => rows.map(withoutBlob)), audit.map((a) => a.actorId)],
      people,
    );
    records.people = changed(named).map((p) => readRecord('people', p));
    const mediaBlobs = new Map<string, Blob>();
    BY_PORTFOLIO.forEach((table, i) => {
      const rows = changed(scoped[i]!);
      (records as Record<ExchangedTable, unknown[]>)[table] = rows.map((r) => readRecord(table, withoutBlob(r)));
      if (table === 'media') for (const m of rows as unknown as MediaRow[]) mediaBlobs.set(m.id, m.blob);
    });
    return {
      records,
      mediaBlobs,
      audit: audit.filter((a) => !since || a.at > since).sort((a, b) => (a.at < b.at ? -1 : 1)),
    };
  });
}

export interface ImportPlan {
  portfolioId: string;
  records: RecordSet;
  /** Media bytes by media record id (already verified against their SHA-256). */
  media: Map<string, Blob>;
  audit: AuditEntry[];
  specs: QualificationSpec[];
  mode: 'restore' | 'merge';
  /** "changes": only some records of the portfolio, which can be merged but never restored as a whole. */
  scope: 'full' | 'changes';
  summary: string;
  /** 'store': pulled by sync from the centre's store (its changes are not pushed again: changes.ts). */
  via?: 'store';
  /** What admission decided beside the records (admission.ts): all of it is written in the same transaction. */
  trust: {
    held: HeldRow[];
    newDevices: DeviceRow[];
    trustDocuments: Array<DeviceCertificate | Revocation>;
    /** The full fingerprint of the key that signed the bundle, for the audit log. */
    signerKey: string;
    /** The sending device, remembered as a peer with the time of its bundle. */
    peer: { deviceId: string; sentAt: string };
  };
}

export interface ImportResult {
  /** Changes kept aside because their author may not make them (docs/trust.md). */
  held: number;
  written: number;
  unchanged: number;
  conflicts: number;
}

/** Refuses an import that does not fit what this device holds, before anything is written. */
function checkMode(plan: ImportPlan, portfolioIsHere: boolean): void {
  if (plan.mode === 'restore' && portfolioIsHere) {
    throw new StorageError(
      'conflict',
      'This portfolio is already on this device: choose "merge" instead of "restore".',
    );
  }
  if (plan.mode === 'restore' && plan.scope === 'changes') {
    throw new StorageError(
      'conflict',
      'This bundle holds only changes to a portfolio, not the whole of it: it can be merged into a device that has the portfolio. Ask the sender for a full bundle ("Everything").',
    );
  }
  if (plan.mode === 'merge' && !portfolioIsHere) {
    throw new StorageError('conflict', 'This portfolio is not on this device yet: choose "restore" to add it.');
  }
}

type Row = Versioned & Record<string, unknown>;

/**
 * Inside a transaction (an import, or held changes applied later): merges one table's incoming records with the
 * local ones; the newer version of each wins.
 */
export async function mergeTable(
  table: ExchangedTable,
  plan: Pick<ImportPlan, 'portfolioId' | 'records' | 'media' | 'via'>,
  counts: ImportResult,
): Promise<void> {
  const incoming = plan.records[table] as unknown as Row[];
  if (incoming.length === 0) return;
  const t = db().table(table);
  const local = (await t.bulkGet(incoming.map((r) => r.id))) as Array<Row | undefined>;
  const incomingIds = new Set(incoming.map((r) => r.id));
  const known = (await db().conflicts.where('table').equals(table).toArray()).filter((c) =>
    incomingIds.has(c.recordId),
  );
  const changed: Array<Record<string, unknown>> = [];
  for (const [i, theirs] of incoming.entries()) {
    const mineRaw = local[i];
    const mine = mineRaw ? (readRecord(table, withoutBlob(mineRaw)) as unknown as Row) : undefined;
    const knownConflicts = known.filter((c) => c.recordId === theirs.id).map((c) => c.conflict) as Conflict<Row>[];
    const result = reconcile(mine ? [mine, theirs] : [theirs], knownConflicts);
    const winner = result.records[0]!;
    if (mine && winner === mine) counts.unchanged++;
    else {
      const blob =
        table === 'media' ? (plan.media.get(theirs.id) ?? (mineRaw as MediaRow | undefined)?.blob) : undefined;
      // A deleted media file travels as its tombstone alone: its bytes are gone on purpose.
      if (table === 'media' && !blob && !winner.deleted) {
        throw new StorageError('validation', `media ${theirs.id} has no bytes in the bundle`);
      }
      changed.push(blob ? { ...winner, blob } : winner);
      counts.written++;
    }
    for (const c of result.conflicts) if (await keepConflict(table, plan.portfolioId, c)) counts.conflicts++;
  }
  // One request for the table, not one round trip per record.
  await t.bulkPut(changed);
  // What reached this device from another is sent on by its next push (relay).
  await noteChanges(table, changed as Array<{ id: string; portfolioId?: unknown }>, plan.via);
}

/** Tables an import writes beside the records: all in its one transaction, so a crash leaves none half-done. */
const IMPORT_TABLES = ['audit', 'specs', 'conflicts', 'held', 'devices', 'trustDocuments', 'settings', 'changes'];

/** The key bindings, certificates, held changes and peer an import brings, written inside its transaction. */
async function keepTrustDecisions(trust: ImportPlan['trust'], held: HeldRow[]): Promise<void> {
  await db().held.bulkPut(held);
  await db().devices.bulkPut(trust.newDevices);
  await db().trustDocuments.bulkPut(trust.trustDocuments.map(trustDocumentRow));
  await notePeer(trust.peer.deviceId, { lastReceivedAt: trust.peer.sentAt });
}

/**
 * The held changes not held here already: the same bundle applied twice (a sync retry after a crash) holds each
 * version once.
 */
async function notHeldYet(rows: HeldRow[]): Promise<HeldRow[]> {
  const sameVersion = (row: HeldRow) =>
    `${row.table}|${row.recordId}|${row.deviceKey}|${JSON.stringify((row.record as Partial<Versioned>).clock ?? {})}|${String(row.record.updatedAt)}`;
  const portfolios = [...new Set(rows.map((r) => r.portfolioId))];
  const stored = await db().held.where('portfolioId').anyOf(portfolios).toArray();
  const have = new Set(stored.map(sameVersion));
  return rows.filter((r) => !have.has(sameVersion(r)));
}

/** Writes a verified bundle: one transaction; the newer version of each record wins; concurrent edits are kept. */
export async function applyImport(plan: ImportPlan): Promise<ImportResult> {
  // Committed with strict durability: the import is on disk when the person is told it is done.
  const d = strictDb();
  const device = await deviceId();
  try {
    return await d.transaction('rw', [...EXCHANGED_TABLES, ...IMPORT_TABLES], async () => {
      checkMode(plan, !!(await d.enrolments.get(plan.portfolioId)));
      const held = await notHeldYet(plan.trust.held);
      const counts: ImportResult = { held: held.length, written: 0, unchanged: 0, conflicts: 0 };
      for (const table of EXCHANGED_TABLES) await mergeTable(table, plan, counts);
      await appendReceivedAudit(plan.audit);
      // Runs inside this transaction (the specs table is in its scope).
      await storeSpecs(plan.specs, 'imported');
      await keepTrustDecisions(plan.trust, held);
      if (counts.written > 0 || counts.conflicts > 0 || counts.held > 0) {
        const summary = `${plan.summary}, signed by key ${plan.trust.signerKey}: ${counts.written} records written, ${counts.conflicts} conflicts kept, ${counts.held} changes held`;
        await appendAudit({
          portfolioId: plan.portfolioId,
          actorId: null,
          deviceId: device,
          action: 'import',
          recordType: 'bundle',
          recordId: plan.portfolioId,
          summary,
        });
      }
      return counts;
    });
  } catch (e) {
    throw explainWriteError(e, 'the imported bundle');
  }
}

/**
 * Several verified bundles written together (an EQA's decisions on the portfolios of a visit pack): one
 * transaction, so either every portfolio takes its part or none does.
 */
export async function applyImports(plans: readonly ImportPlan[]): Promise<ImportResult[]> {
  const d = strictDb();
  try {
    return await d.transaction('rw', [...EXCHANGED_TABLES, ...IMPORT_TABLES], async () => {
      const results: ImportResult[] = [];
      for (const plan of plans) results.push(await applyImport(plan));
      return results;
    });
  } catch (e) {
    throw explainWriteError(e, 'the imported bundle');
  }
}
