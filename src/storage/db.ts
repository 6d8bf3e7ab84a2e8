// The one Dexie database. Only src/storage imports Dexie; the UI uses the functions of this layer.
import Dexie, { type Table, type Transaction } from 'dexie';
import type { ChangeRow, OutboxRow, PortfolioSyncRow, SyncLogRow } from './syncRows';
import {
  RECORD_TABLES,
  RECORD_TYPES,
  TRAVELLING_TABLES,
  readRecord,
  recordTypeOf,
  type AuditEntry,
  type DeviceCertificate,
  type KeyAcceptance,
  type Revocation,
  type Conflict,
  type RecordOf,
  type TravellingTable,
  type Versioned,
} from '../domain';

export interface MediaRow extends RecordOf<'media'> {
  /** Never indexed; lives only in this table so lists and counts never read it. */
  blob: Blob;
}

export interface DraftRow {
  /** Built by draftKeys (draftKeys.ts). */
  key: string;
  data: unknown;
  updatedAt: string;
}

export interface SettingRow {
  key: string;
  value: unknown;
}

export interface SpecRow {
  id: string;
  version: string;
  /** The validated spec JSON (re-validated with parseSpec when read). */
  json: unknown;
  source: 'bundled' | 'imported';
  storedAt: string;
}

/** A concurrent version kept when merging bundles, for the person to resolve. */
export interface ConflictRow {
  id: string;
  table: TravellingTable;
  recordId: string;
  portfolioId: string;
  conflict: Conflict<Versioned>;
  detectedAt: string;
}

/** Stores of the first released schema; kept verbatim so the migration test can write a v1 database. */
export const STORES_V1 = {
  people: 'id, updatedAt',
  enrolments: 'id, candidateId, updatedAt',
  evidence: 'id, portfolioId, updatedAt',
  media: 'id, portfolioId, evidenceId',
  mappings: 'id, portfolioId, evidenceId, criterionKey',
  decisions: 'id, portfolioId',
  signatures: 'id, portfolioId, subjectId',
  forms: 'id, portfolioId',
  audit: 'id, portfolioId, at',
  drafts: 'key',
  settings: 'key',
  specs: '[id+version], id',
};

/**
 * v2: records brought to record schema v2 (see domain MIGRATIONS); indexes no query uses are dropped,
 * because every index entry costs a write (IndexedDB write time here grows with index entries, see the
 * storage benchmark), and per-unit views are computed from the loaded portfolio.
 */
export const STORES_V2 = {
  ...STORES_V1,
  evidence: 'id, portfolioId',
  // Criteria links now live on the evidence record (moved there by the upgrade below).
  mappings: null,
  // Concurrent versions kept when merging bundles, for the person to resolve.
  conflicts: 'id, portfolioId, table, recordId',
  decisions: 'id, portfolioId',
  forms: 'id, portfolioId',
};

/** The tables that hold no record type: the audit log, drafts, settings, specs and merge conflicts. */
const OTHER_STORES = {
  audit: 'id, portfolioId, at',
  drafts: 'key',
  settings: 'key',
  specs: '[id+version], id',
  conflicts: 'id, portfolioId, table, recordId',
};

/**
 * The record tables v3 declared. Frozen: a record type registered later gets its table in the Dexie version that
 * adds it (v6 below), so an older database sees that table arrive in an upgrade rather than claimed by v3.
 */
const V3_RECORD_TABLES: readonly string[] = [
  'people',
  'enrolments',
  'evidence',
  'media',
  'decisions',
  'signatures',
  'forms',
];

/** The stores of v3: one per record type of the registry at the time, and the other tables. */
export const STORES_V3: Record<string, string> = {
  ...Object.fromEntries(
    RECORD_TYPES.filter((t) => V3_RECORD_TABLES.includes(t.table)).map((t) => [t.table, t.indexes]),
  ),
  ...OTHER_STORES,
};

/**
 * v4 (docs/trust.md): which key each device id signs with, centre certificates and revocations, keys accepted
 * by hand, and changes held because their author may not make them.
 */
export const STORES_V4 = {
  ...STORES_V3,
  devices: 'deviceId',
  trustDocuments: 'id, deviceKey',
  acceptances: 'deviceKey',
  held: 'id, portfolioId, deviceKey',
};

/**
 * v5 (docs/sync.md): the local change sequence (every committed change to a travelling record, numbered), each
 * portfolio's sync state, the outbox of built bundles waiting to go up, and the sync log.
 */
export const STORES_V5 = {
  ...STORES_V4,
  changes: '++seq, [portfolioId+seq]',
  syncPortfolios: 'portfolioId',
  outbox: 'portfolioId',
  syncLog: '++id',
};

/**
 * v6 (docs/centre-qa.md): the record types registered after v3 — IQA decisions, QA actions, sampling plans,
 * standardisation, CPD and appeals — each a table from the registry. Dexie keeps the tables of earlier versions,
 * so this declares only the new ones (v5, the sync engine's, is declared beside it without clashing).
 */
export const STORES_V6: Record<string, string> = Object.fromEntries(
  RECORD_TYPES.filter((t) => !V3_RECORD_TABLES.includes(t.table)).map((t) => [t.table, t.indexes]),
);

/** The newest schema version: what a database opened by this build is upgraded to. */
export const DB_VERSION = 6;

/** A device as this device knows it: the key its id signs with, bound on first sight. */
export interface DeviceRow {
  deviceId: string;
  deviceKey: string;
  publicKey: string;
  firstSeen: string;
}

/** A centre certificate or revocation, kept after its signature was checked. */
export interface TrustDocumentRow {
  id: string;
  kind: 'certificate' | 'revocation';
  deviceKey: string;
  doc: DeviceCertificate | Revocation;
  storedAt: string;
}

/** A change a bundle carried that its author may not make (or whose author is not accepted): kept aside, visible. */
export interface HeldRow {
  id: string;
  portfolioId: string;
  table: TravellingTable;
  recordId: string;
  record: Record<string, unknown>;
  /** The bytes of a held media record. */
  blob?: Blob;
  reason: string;
  deviceId: string;
  deviceKey: string;
  receivedAt: string;
}

/** Rewrites every stored record in the current record schema (readRecord runs the record migrations). */
function bringRecordsForward(stores: Record<string, string | null>) {
  return async (tx: Transaction): Promise<void> => {
    // Only the record tables this version has (a record type added later has no table yet).
    for (const table of RECORD_TABLES.filter((t) => stores[t])) {
      await tx
        .table(table)
        .toCollection()
        .modify((row: Record<string, unknown>) => {
          // Keep the blob (media) as is: readRecord validates the metadata only.
          const { blob, ...rest } = row;
          const upgraded = readRecord(table, rest) as Record<string, unknown>;
          for (const key of Object.keys(row)) if (key !== 'blob') delete row[key];
          Object.assign(row, upgraded, blob === undefined ? {} : { blob });
        });
    }
  };
}

/** v1 kept one row per evidence ↔ criterion link: fold the live ones into their evidence. */
async function foldMappingsIntoEvidence(tx: Transaction): Promise<void> {
  const links = new Map<string, Array<{ unitCode: string; criterionKey: string }>>();
  for (const m of (await tx.table('mappings').toArray()) as Array<Record<string, string | boolean>>) {
    if (m.deleted) continue;
    const list = links.get(m.evidenceId as string) ?? [];
    if (!list.some((l) => l.criterionKey === m.criterionKey)) {
      list.push({ unitCode: m.unitCode as string, criterionKey: m.criterionKey as string });
    }
    links.set(m.evidenceId as string, list);
  }
  await tx
    .table('evidence')
    .toCollection()
    .modify((row: Record<string, unknown>) => {
      const moved = links.get(row.id as string) ?? [];
      const own = Array.isArray(row.criteria) ? (row.criteria as Array<{ criterionKey: string }>) : [];
      row.criteria = [...own, ...moved.filter((l) => !own.some((o) => o.criterionKey === l.criterionKey))];
    });
}

/**
 * The records stored before sync existed are in no change sequence yet: each gets one entry, so the first push of
 * each portfolio carries all of it (a full bundle, by the rule in docs/sync.md) and "changes waiting" counts it.
 */
async function seedChangeLog(tx: Transaction): Promise<void> {
  // Only the tables v5 has: a record type added later (v6) has no rows to seed yet.
  for (const table of TRAVELLING_TABLES.filter((t) => V3_RECORD_TABLES.includes(t))) {
    const scoped = recordTypeOf(table).portfolioScoped;
    const entries: ChangeRow[] = [];
    await tx
      .table(table)
      .toCollection()
      .each((row: { id: string; portfolioId?: string }) => {
        const portfolioId = table === 'enrolments' ? row.id : scoped ? (row.portfolioId ?? '') : '';
        entries.push({ table, recordId: row.id, portfolioId });
      });
    await tx.table('changes').bulkAdd(entries);
  }
}

export class FieldfolioDB extends Dexie {
  people!: Table<RecordOf<'people'>, string>;
  enrolments!: Table<RecordOf<'enrolments'>, string>;
  evidence!: Table<RecordOf<'evidence'>, string>;
  media!: Table<MediaRow, string>;
  decisions!: Table<RecordOf<'decisions'>, string>;
  signatures!: Table<RecordOf<'signatures'>, string>;
  forms!: Table<RecordOf<'forms'>, string>;
  audit!: Table<AuditEntry, string>;
  drafts!: Table<DraftRow, string>;
  settings!: Table<SettingRow, string>;
  specs!: Table<SpecRow, [string, string]>;
  conflicts!: Table<ConflictRow, string>;
  devices!: Table<DeviceRow, string>;
  trustDocuments!: Table<TrustDocumentRow, string>;
  acceptances!: Table<KeyAcceptance, string>;
  held!: Table<HeldRow, string>;
  iqaDecisions!: Table<RecordOf<'iqaDecisions'>, string>;
  qaActions!: Table<RecordOf<'qaActions'>, string>;
  samplingPlans!: Table<RecordOf<'samplingPlans'>, string>;
  standardisations!: Table<RecordOf<'standardisations'>, string>;
  cpdRecords!: Table<RecordOf<'cpdRecords'>, string>;
  appeals!: Table<RecordOf<'appeals'>, string>;
  changes!: Table<ChangeRow, number>;
  syncPortfolios!: Table<PortfolioSyncRow, string>;
  outbox!: Table<OutboxRow, string>;
  syncLog!: Table<SyncLogRow, number>;

  /**
   * `durability` applies to every transaction of this connection (Dexie reads it as each one is created):
   * 'relaxed' (Chrome's default since 121) returns once the OS has the data; 'strict' once it is on disk.
   */
  constructor(name = 'fieldfolio', durability: Durability = 'relaxed') {
    super(name, { chromeTransactionDurability: durability });
    // Only the versions with an upgrade, and the newest, are declared (Dexie 3+ reads an installed database's
    // schema from the database itself, so a version without an upgrade need not be kept): Dexie parses every
    // declared version's stores again at each one, work each start pays (docs/performance.md). v1 and v4 changed no
    // stored record; the migration tests open databases written at v1…v5 with this class.
    this.version(2)
      .stores(STORES_V2)
      .upgrade(async (tx) => {
        await foldMappingsIntoEvidence(tx);
        await bringRecordsForward(STORES_V2)(tx);
      });
    // v3: records gain a version vector (record schema v3), so merges tell ancestors from concurrent edits.
    // Its stores derive from the record registry: a record type registered later gets its table when the
    // database opens (Dexie adds a missing table to an installed database; a release that adds one may
    // declare a version 4 with the same stores to do so without Dexie's warning).
    this.version(3).stores(STORES_V3).upgrade(bringRecordsForward(STORES_V3));
    // v4 only added tables (trust), which STORES_V5 holds: nothing stored changed shape.
    // v5 adds the sync tables; every record already stored is a change not yet pushed (seedChangeLog).
    this.version(5).stores(STORES_V5).upgrade(seedChangeLog);
    // v6 only adds tables (centre quality assurance): nothing stored changes shape.
    this.version(6).stores(STORES_V6);
    // Another tab opened a newer schema: close so it can upgrade; the UI asks for a reload.
    this.on('versionchange', () => {
      this.close();
      globalThis.dispatchEvent?.(new Event('fieldfolio:db-outdated'));
      return false;
    });
  }
}

export type Durability = 'strict' | 'relaxed';

let instance: FieldfolioDB | null = null;

/** The strict connection of each database connection that has needed one. */
const strictConnections = new WeakMap<FieldfolioDB, FieldfolioDB>();

/**
 * The database, through the connection of the transaction this runs in: a save's transaction runs on the strict
 * connection, and the tables its helpers reach through db() must join it (a table of the other connection would
 * start a transaction of its own, outside the save).
 */
export function db(): FieldfolioDB {
  const main = (instance ??= new FieldfolioDB());
  const current = Dexie.currentTransaction?.db;
  return current !== undefined && current === strictConnections.get(main) ? (current as FieldfolioDB) : main;
}

/**
 * The same database through a second connection whose transactions commit with strict durability: what a person
 * saves (evidence, a sign-off, a declaration, an import) survives a power cut once the save says it is done. Bulk
 * loads stay on the relaxed one. Dexie announces every change by database name, so live queries on either
 * connection see the other's writes (tests/unit/storage/durability.test.ts).
 */
export function strictDb(): FieldfolioDB {
  const main = (instance ??= new FieldfolioDB());
  const strict = strictConnections.get(main) ?? new FieldfolioDB(main.name, 'strict');
  strictConnections.set(main, strict);
  return strict;
}

/** Tests: point the layer at a fresh database. */
export function setDatabase(database: FieldfolioDB): void {
  instance = database;
}
