// What the app knows of a record type: its schema, its migrations, how storage indexes it and whether it
// travels in bundles. registry.ts lists the app's record types; everything that lists tables derives from it.
import type { z } from '../zod';
import { RECORD_SCHEMA_VERSION, type Migration } from './meta';

export interface RecordType<Table extends string = string, Schema extends z.ZodType = z.ZodType> {
  /** The Dexie table, and the key of its list in a bundle's portfolio.json. */
  table: Table;
  /**
   * Built on its first use (`z.lazy`), as are the schemas only records use: zod builds a schema's every part when
   * it is declared, and the app's start loads every record type but reads only people and enrolments (a slow
   * phone spent some 100 ms of its start building the rest, docs/performance.md).
   */
  schema: Schema;
  /** The record schema version this type first appeared in: its migrations start right after it. */
  introducedIn: number;
  /** Append-only: one step per record schema version after `introducedIn`, never edited once released. */
  migrations: readonly Migration[];
  /** Dexie's store spec: the primary key, then the indexed fields. */
  indexes: string;
  /** Its records go into a portfolio's bundle. */
  travels: boolean;
  /** Its records belong to one portfolio: they carry its id as `portfolioId`. */
  portfolioScoped: boolean;
  /** Whose key may change its records when they arrive in a bundle (domain/trust/rules.ts, docs/trust.md). */
  changedBy: ChangeAuthority;
}

/**
 * The trust rule a record type follows: the portfolio itself (its assessor; the candidate their route),
 * people (themselves; staff for others), content (the candidate or an assessor), signatures (in the signer's
 * own name for sign-offs and countersignatures), decisions (the assessor, countersigner, IQA or verifier who
 * made them), and the centre QA rules (IQA decisions, actions, plans, staff and CPD records).
 */
export type ChangeAuthority =
  | 'portfolio'
  | 'person'
  | 'content'
  | 'signature'
  | 'decision'
  /** Centre QA (docs/centre-qa.md): the IQA who decided, or their countersigner. */
  | 'iqa-decision'
  /** The IQA who set it; its assessor answers it. */
  | 'qa-action'
  /** The plan's IQA, or a qualified IQA. */
  | 'sampling-plan'
  /** Centre staff: an assessor or IQA (standardisation, appeals). */
  | 'staff'
  /** The person it is about, or an IQA. */
  | 'cpd';

/** Keeps the literal types (table name, flags) that the registry's types are derived from. */
export const defineRecordType = <const T extends RecordType>(type: T): T => type;

/**
 * Refuses a migration sequence that does not rise by one version per step from the version after the type's
 * first, up to at most the current record schema version: a gap would skip a step for records of the missing
 * version, and a step beyond the current version would run on every read. Throws, naming the type and step.
 */
export function checkMigrations(type: Pick<RecordType, 'table' | 'introducedIn' | 'migrations'>): void {
  type.migrations.forEach((step, i) => {
    const expected = type.introducedIn + 1 + i;
    if (step.to !== expected) {
      throw new Error(
        `Record type "${type.table}": migration ${i + 1} ("${step.name}") goes to version ${step.to}, but the sequence ` +
          `must rise by one with no gaps from version ${type.introducedIn}, so it should go to ${expected}.`,
      );
    }
    if (step.to > RECORD_SCHEMA_VERSION) {
      throw new Error(
        `Record type "${type.table}": migration "${step.name}" goes to version ${step.to}, beyond the record ` +
          `schema version ${RECORD_SCHEMA_VERSION} (raise RECORD_SCHEMA_VERSION in domain/records/meta.ts).`,
      );
    }
  });
}

/** Brings a stored record of any earlier shape forward and validates it. Throws a ZodError if invalid. */
export function readRecordOf<T extends RecordType>(type: T, raw: unknown): z.infer<T['schema']> {
  let record = { ...(raw as Record<string, unknown>) };
  const from = typeof record.schemaVersion === 'number' ? record.schemaVersion : 1;
  for (const step of type.migrations) if (step.to > from) record = step.up(record);
  record.schemaVersion = RECORD_SCHEMA_VERSION;
  return type.schema.parse(record) as z.infer<T['schema']>;
}
