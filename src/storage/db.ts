// The one Dexie database. Only src/storage imports Dexie; the UI uses the functions of this layer.
import Dexie, { type Table } from 'dexie';
import {
  readRecord,
  type AuditEntry,
  type Decision,
  type Enrolment,
  type Evidence,
  type FormRecord,
  type Mapping,
  type MediaMeta,
  type Person,
  type RecordTable,
  type Signature,
} from '../domain';

export interface MediaRow extends MediaMeta {
  /** Never indexed; lives only in this table so lists and counts never read it. */
  blob: Blob;
}

export interface DraftRow {
  /** e.g. "form:<formId>" or "new-evidence:<portfolioId>" */
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

/** v2: compound indexes for per-unit queries; records brought to record schema v2 (see domain MIGRATIONS). */
export const STORES_V2 = {
  ...STORES_V1,
  evidence: 'id, portfolioId, [portfolioId+date], updatedAt',
  mappings: 'id, portfolioId, evidenceId, [portfolioId+unitCode], [portfolioId+criterionKey]',
  decisions: 'id, portfolioId, [portfolioId+unitCode]',
  forms: 'id, portfolioId, [portfolioId+formType]',
};

const RECORD_TABLES: RecordTable[] = ['people', 'enrolments', 'evidence', 'media', 'mappings', 'decisions', 'signatures', 'forms'];

export class FieldfolioDB extends Dexie {
  people!: Table<Person, string>;
  enrolments!: Table<Enrolment, string>;
  evidence!: Table<Evidence, string>;
  media!: Table<MediaRow, string>;
  mappings!: Table<Mapping, string>;
  decisions!: Table<Decision, string>;
  signatures!: Table<Signature, string>;
  forms!: Table<FormRecord, string>;
  audit!: Table<AuditEntry, string>;
  drafts!: Table<DraftRow, string>;
  settings!: Table<SettingRow, string>;
  specs!: Table<SpecRow, [string, string]>;

  constructor(name = 'fieldfolio') {
    super(name);
    this.version(1).stores(STORES_V1);
    this.version(2)
      .stores(STORES_V2)
      .upgrade(async (tx) => {
        for (const table of RECORD_TABLES) {
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
      });
    // Another tab opened a newer schema: close so it can upgrade; the UI asks for a reload.
    this.on('versionchange', () => {
      this.close();
      globalThis.dispatchEvent?.(new Event('fieldfolio:db-outdated'));
      return false;
    });
  }
}

let instance: FieldfolioDB | null = null;

export function db(): FieldfolioDB {
  instance ??= new FieldfolioDB();
  return instance;
}

/** Tests: point the layer at a fresh database. */
export function setDatabase(database: FieldfolioDB): void {
  instance = database;
}
