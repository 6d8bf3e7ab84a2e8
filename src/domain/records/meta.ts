// What every record carries, whatever its type: what merging devices needs (UUID, timestamps, a per-record
// version, the device that last changed it, a tombstone flag: deletions are never removals), and the
// version of the record schema it was written in. Records are read tolerantly: migrations bring old shapes
// forward, defaults fill gaps, unknown fields are kept (`.loose()` on every record schema).
import { z } from '../zod';
import { RecordSignature } from '../trust/documents';
import { textLengthProblem } from '../limits';

/** The record schema every record is written in; each record type's migrations bring older records to it. */
export const RECORD_SCHEMA_VERSION = 3;

export const IsoDateTime = z.string().min(1);
/** A calendar date as the forms print it: YYYY-MM-DD. */
export const IsoDate = z.string().regex(/^\d{4}-\d{2}-\d{2}$/, 'date must be YYYY-MM-DD');

/** A text field of at most `max` characters (TEXT_LIMITS); a longer one is refused saying its length and the limit. */
export const limitedText = (max: number) =>
  z.string().max(max, { error: (issue) => textLengthProblem(String(issue.input ?? '').length, max) ?? undefined });

/** The merge metadata fields, spread into every record schema (each built on first use: see recordType.ts). */
export const metaFields = () => (metaFieldsBuilt ??= buildMetaFields());
let metaFieldsBuilt: ReturnType<typeof buildMetaFields> | undefined;

const buildMetaFields = () => ({
  id: z.string().min(1),
  createdAt: IsoDateTime,
  updatedAt: IsoDateTime,
  /** Incremented on every change; with deviceId it orders concurrent edits when devices merge. */
  rev: z.number().int().nonnegative().default(1),
  /** Version vector: per device, its changes to this record. Tells an ancestor from a concurrent edit (reconcile.ts). */
  clock: z.record(z.string(), z.number().int().nonnegative()).default({}),
  deviceId: z.string().min(1),
  deleted: z.boolean().default(false),
  schemaVersion: z.number().int().positive().default(RECORD_SCHEMA_VERSION),
  /** The signature of the device that made this version (docs/trust.md); absent until it is signed. */
  sig: RecordSignature.optional(),
});

/** A record without its signature: what a local change starts from (the change is signed anew when it leaves). */
export function withoutSignature<T extends object>(record: T): Omit<T, 'sig'> {
  const { sig: _stale, ...rest } = record as T & { sig?: unknown };
  return rest;
}
export type MetaField = keyof ReturnType<typeof metaFields>;

/** Known fields only (records are `.loose()`, which adds an index signature that Omit would swallow). */
type Known<T> = { [K in keyof T as string extends K ? never : K]: T[K] };
/** A record's own fields as a writer gives them (fields with defaults optional), without the merge metadata. */
export type RecordFields<S extends z.ZodType> = Omit<Known<z.input<S>>, MetaField>;

/** Merge metadata of a record made now by `device` (storage stamps its own writes the same way). */
export function freshMeta(id: string, device: string, at: string) {
  return {
    id,
    createdAt: at,
    updatedAt: at,
    rev: 1,
    clock: { [device]: 1 },
    deviceId: device,
    deleted: false,
    schemaVersion: RECORD_SCHEMA_VERSION,
  };
}

/** What a fresh record is made with: the clock's time and id (storage/clock.ts in the app), and this device. */
export interface FreshRecord {
  id: string;
  now: string;
  device: string;
}

/** The factory of a record type: a valid fresh record from its own fields. Throws a ZodError if they are invalid. */
export function recordFactory<S extends z.ZodType>(schema: S) {
  return (fresh: FreshRecord, fields: RecordFields<S>): z.infer<S> =>
    schema.parse({ ...fields, ...freshMeta(fresh.id, fresh.device, fresh.now) });
}

export interface Migration {
  name: string;
  /** The schemaVersion a record has after this step. */
  to: number;
  up: (record: Record<string, unknown>) => Record<string, unknown>;
}

/** A step of a version in which this record type's shape did not change: its records only move up a version. */
export const unchangedIn = (to: number): Migration => ({ name: `v${to}: no change in shape`, to, up: (r) => r });

/**
 * Records from before version vectors: their whole history counts as `rev` changes by one pseudo-device, so
 * they order among themselves exactly as before (higher rev wins, equal rev with other content conflicts) and
 * any later change, which adds its own device, supersedes them.
 */
export const LEGACY_CLOCK_DEVICE = 'before-v3';

/** v3, in every record type's sequence. */
export const addClock: Migration = {
  name: 'v3: every record gains a version vector (clock), from its revision',
  to: 3,
  up: (r) => ({
    ...r,
    clock:
      r.clock && typeof r.clock === 'object'
        ? r.clock
        : { [LEGACY_CLOCK_DEVICE]: typeof r.rev === 'number' ? r.rev : 1 },
  }),
};
