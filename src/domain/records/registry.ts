// The one list of record types. Every list of tables in the app derives from it: the schemas and migrations
// here, Dexie's stores and the write transaction in storage, the tables a bundle carries and the schema of its
// portfolio.json. Adding a record type is one module (see person.ts) and one line below.
import type { z } from '../zod';
import type { Migration } from './meta';
import { checkMigrations, readRecordOf, type RecordType } from './recordType';
import { enrolmentRecordType } from './enrolment';
import { personRecordType } from './person';
import { evidenceRecordType } from './evidence';
import { mediaRecordType } from './media';
import { decisionRecordType } from './decision';
import { signatureRecordType } from './signature';
import { formRecordType } from './form';
import { iqaDecisionRecordType } from './iqaDecision';
import { qaActionRecordType } from './qaAction';
import { samplingPlanRecordType } from './samplingPlan';
import { standardisationRecordType } from './standardisation';
import { cpdRecordType } from './cpd';
import { appealRecordType } from './appeal';

/** In the order a bundle lists them (the enrolment first: the portfolio the others belong to). */
export const RECORD_TYPES = [
  enrolmentRecordType,
  personRecordType,
  evidenceRecordType,
  mediaRecordType,
  decisionRecordType,
  signatureRecordType,
  formRecordType,
  iqaDecisionRecordType,
  qaActionRecordType,
  samplingPlanRecordType,
  standardisationRecordType,
  cpdRecordType,
  appealRecordType,
] as const;

type AppRecordType = (typeof RECORD_TYPES)[number];
export type RecordTable = AppRecordType['table'];
export type RecordTypeOf<T extends RecordTable> = Extract<AppRecordType, { table: T }>;
export type RecordOf<T extends RecordTable> = z.infer<RecordTypeOf<T>['schema']>;
/** The tables whose records go into a portfolio's bundle. */
export type TravellingTable = Extract<AppRecordType, { travels: true }>['table'];
/** A portfolio's records as a bundle holds them: one list per travelling table. */
export type RecordSet = { [T in TravellingTable]: Array<RecordOf<T>> };

/**
 * Everything derived from a list of record types, checked as it is made (migration sequences without gaps,
 * one type per table). The app's is below; a test can derive one from a longer list.
 */
export function recordRegistry(types: readonly RecordType[]) {
  types.forEach(checkMigrations);
  const byTable = new Map(types.map((t) => [t.table, t]));
  if (byTable.size !== types.length) throw new Error('Two record types share a table name.');
  const recordTypeOf = (table: string): RecordType => {
    const type = byTable.get(table);
    if (!type) throw new Error(`No record type is registered for the table "${table}".`);
    return type;
  };
  const travelling = types.filter((t) => t.travels).map((t) => t.table);
  return {
    RECORD_TABLES: types.map((t) => t.table),
    TRAVELLING_TABLES: travelling,
    RECORD_SCHEMAS: Object.fromEntries(types.map((t) => [t.table, t.schema])),
    MIGRATIONS: Object.fromEntries(types.map((t) => [t.table, t.migrations])),
    recordTypeOf,
    /** Brings a stored record of any earlier shape forward and validates it. Throws a ZodError if invalid. */
    readRecord: (table: string, raw: unknown): unknown => readRecordOf(recordTypeOf(table), raw),
    /** An empty list per travelling table, to fill when building a bundle's records. */
    emptyRecordSet: () => Object.fromEntries(travelling.map((t) => [t, []])),
  };
}

/** The app's registry, typed by its list (recordRegistry, written for any list, types its tables as strings). */
interface AppRegistry {
  RECORD_TABLES: readonly RecordTable[];
  TRAVELLING_TABLES: readonly TravellingTable[];
  RECORD_SCHEMAS: { readonly [T in RecordTable]: RecordTypeOf<T>['schema'] };
  /** Per record type, append-only: never edit or reorder a step once released. */
  MIGRATIONS: { readonly [T in RecordTable]: readonly Migration[] };
  recordTypeOf<T extends RecordTable>(table: T): RecordTypeOf<T>;
  readRecord<T extends RecordTable>(table: T, raw: unknown): RecordOf<T>;
  emptyRecordSet(): RecordSet;
}

export const {
  RECORD_TABLES,
  TRAVELLING_TABLES,
  RECORD_SCHEMAS,
  MIGRATIONS,
  recordTypeOf,
  readRecord,
  emptyRecordSet,
} = recordRegistry(RECORD_TYPES) as unknown as AppRegistry;
