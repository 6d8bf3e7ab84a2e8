// Portfolio records: one zod schema per record type, and one named, append-only migration list each.
// Every record carries what merging devices needs: UUID, timestamps, a per-record version, the device that
// last changed it, and a tombstone flag (deletions are never removals). Records are read tolerantly:
// migrations bring old shapes forward, defaults fill gaps, unknown fields are kept (`.loose()`).
import { z } from 'zod';

export const RECORD_SCHEMA_VERSION = 3;

const isoDateTime = z.string().min(1);
/** A calendar date as the forms print it: YYYY-MM-DD. */
export const IsoDate = z.string().regex(/^\d{4}-\d{2}-\d{2}$/, 'date must be YYYY-MM-DD');

const meta = {
  id: z.string().min(1),
  createdAt: isoDateTime,
  updatedAt: isoDateTime,
  /** Incremented on every change; with deviceId it orders concurrent edits when devices merge. */
  rev: z.number().int().nonnegative().default(1),
  /** Version vector: per device, its changes to this record. Tells an ancestor from a concurrent edit (reconcile.ts). */
  clock: z.record(z.string(), z.number().int().nonnegative()).default({}),
  deviceId: z.string().min(1),
  deleted: z.boolean().default(false),
  schemaVersion: z.number().int().positive().default(RECORD_SCHEMA_VERSION),
};

export const ROLES = ['candidate', 'assessor', 'iqa', 'ev', 'witness', 'expert-witness'] as const;
export const Role = z.enum(ROLES);
export type Role = z.infer<typeof Role>;
export const ROLE_LABELS: Record<Role, string> = {
  candidate: 'Candidate',
  assessor: 'Assessor',
  iqa: 'Internal quality assurer (IQA)',
  ev: 'External verifier',
  witness: 'Witness',
  'expert-witness': 'Expert witness',
};

export const Person = z
  .object({
    ...meta,
    name: z.string().min(1, 'a name is required'),
    roles: z.array(Role).min(1, 'at least one role'),
    centre: z.string().default(''),
    registrationNumber: z.string().default(''),
    jobTitle: z.string().default(''),
    /** Assessors: qualified, or working towards (their sign-offs need countersigning). */
    assessorStatus: z.enum(['qualified', 'working-towards', 'not-applicable']).default('not-applicable'),
    email: z.string().default(''),
  })
  .loose();
export type Person = z.infer<typeof Person>;

export const Enrolment = z
  .object({
    ...meta,
    candidateId: z.string().min(1),
    specId: z.string().min(1),
    specVersion: z.string().min(1),
    /** The candidate's route: every unit they plan to achieve (mandatory and chosen optional units). */
    route: z.array(z.string()).default([]),
    startDate: IsoDate,
    assessorId: z.string().nullable().default(null),
    iqaId: z.string().nullable().default(null),
    centre: z.string().default(''),
    registrationNumber: z.string().default(''),
  })
  .loose();
export type Enrolment = z.infer<typeof Enrolment>;

// The evidence-type vocabulary lives in one module; re-exported here for the record schemas' users.
import { EvidenceTypeCode } from '../evidenceTypes';
export { EVIDENCE_TYPES, EvidenceTypeCode, EVIDENCE_TYPE_LABELS } from '../evidenceTypes';

export const CriterionLink = z
  .object({
    unitCode: z.string().min(1),
    /** criterionKey from domain/spec/criteria (unit|pc|outcome|id or unit|k|id) */
    criterionKey: z.string().min(1),
  })
  .strict();
export type CriterionLink = z.infer<typeof CriterionLink>;

export const Evidence = z
  .object({
    ...meta,
    portfolioId: z.string().min(1),
    type: EvidenceTypeCode,
    simulation: z.boolean().default(false),
    title: z.string().min(1, 'a title is required'),
    description: z.string().default(''),
    date: IsoDate,
    location: z.string().default(''),
    recordedBy: z.string().nullable().default(null),
    /** Media attached, by media id (the blobs live in their own table). */
    mediaIds: z.array(z.string()).default([]),
    /** The recording form this evidence was captured on, if any. */
    formId: z.string().nullable().default(null),
    /**
     * The criteria this evidence covers, across any units (cross-referencing). Kept on the evidence record,
     * not as rows of their own: one row per item keeps bulk writes within IndexedDB's means.
     */
    criteria: z.array(CriterionLink).default([]),
  })
  .loose();
export type Evidence = z.infer<typeof Evidence>;

/** Media metadata; the Blob itself is stored alongside (never indexed). */
export const MediaMeta = z
  .object({
    ...meta,
    portfolioId: z.string().min(1),
    evidenceId: z.string().min(1),
    name: z.string().default(''),
    mimeType: z.string().min(1),
    size: z.number().int().nonnegative(),
    sha256: z.string().regex(/^[0-9a-f]{64}$/),
  })
  .loose();
export type MediaMeta = z.infer<typeof MediaMeta>;

/** One evidence ↔ criterion link, as views use it (derived from Evidence.criteria, not stored on its own). */
export interface Mapping {
  id: string;
  portfolioId: string;
  evidenceId: string;
  unitCode: string;
  criterionKey: string;
  deleted: boolean;
}

export function mappingsOf(evidence: ReadonlyArray<Pick<Evidence, 'id' | 'portfolioId' | 'criteria' | 'deleted'>>): Mapping[] {
  return evidence.flatMap((e) =>
    e.criteria.map((c) => ({ id: `${e.id}|${c.criterionKey}`, portfolioId: e.portfolioId, evidenceId: e.id, unitCode: c.unitCode, criterionKey: c.criterionKey, deleted: e.deleted })),
  );
}

export const Decision = z
  .object({
    ...meta,
    portfolioId: z.string().min(1),
    /** criterion: met / not yet; unit-signoff: the assessor signs a unit off; sample: an IQA's or external verifier's sampling decision on a unit. */
    kind: z.enum(['criterion', 'unit-signoff', 'sample']),
    unitCode: z.string().min(1),
    criterionKey: z.string().nullable().default(null),
    outcome: z.enum(['met', 'not-yet']),
    assessorId: z.string().min(1),
    date: IsoDate,
    comments: z.string().default(''),
    signatureId: z.string().nullable().default(null),
    /** Unit sign-off by an assessor working towards their award: countersigned by a qualified one. */
    countersignedBy: z.string().nullable().default(null),
    countersignatureId: z.string().nullable().default(null),
    candidateSignatureId: z.string().nullable().default(null),
  })
  .loose();
export type Decision = z.infer<typeof Decision>;

export const SIGNATURE_PURPOSES = [
  'declaration',
  'evidence',
  'witness',
  'unit-signoff',
  'countersign',
  'candidate-signoff',
  'form',
] as const;

export const Signature = z
  .object({
    ...meta,
    portfolioId: z.string().min(1),
    personId: z.string().nullable().default(null),
    typedName: z.string().min(1, 'type the signer’s name'),
    role: z.string().min(1),
    signedAt: isoDateTime,
    purpose: z.enum(SIGNATURE_PURPOSES),
    /** What was signed: an evidence id, decision id, form id, or the portfolio id (declaration). */
    subjectId: z.string().min(1),
    /** The drawn signature as an SVG path data URL or PNG data URL (small; kept inline). */
    image: z.string().default(''),
    statement: z.string().default(''),
  })
  .loose();
export type Signature = z.infer<typeof Signature>;

export const FORM_TYPES = [
  'title-page',
  'personal-profile',
  'contents-checklist',
  'index-of-evidence',
  'unit-assessment-plan',
  'unit-progress-signoff',
  'element-achievement',
  'knowledge-evidence',
  'personal-statement',
  'observation',
  'witness-testimony',
  'expert-witness',
  'questions-answers',
] as const;
export const FormType = z.enum(FORM_TYPES);
export type FormType = z.infer<typeof FormType>;

/** A filled-in recording form of seed 001: its fields as a JSON object, per form type. */
export const FormRecord = z
  .object({
    ...meta,
    portfolioId: z.string().min(1),
    formType: FormType,
    title: z.string().default(''),
    data: z.record(z.string(), z.unknown()).default({}),
    status: z.enum(['draft', 'complete']).default('draft'),
  })
  .loose();
export type FormRecord = z.infer<typeof FormRecord>;

/** Append-only: who did what, when. Never updated, never deleted. */
export const AuditEntry = z
  .object({
    id: z.string().min(1),
    portfolioId: z.string().min(1),
    at: isoDateTime,
    actorId: z.string().nullable(),
    deviceId: z.string().min(1),
    action: z.string().min(1),
    recordType: z.string().min(1),
    recordId: z.string().min(1),
    summary: z.string().default(''),
  })
  .loose();
export type AuditEntry = z.infer<typeof AuditEntry>;

export const RECORD_SCHEMAS = {
  people: Person,
  enrolments: Enrolment,
  evidence: Evidence,
  media: MediaMeta,
  decisions: Decision,
  signatures: Signature,
  forms: FormRecord,
} as const;
export type RecordTable = keyof typeof RECORD_SCHEMAS;
export type RecordOf<T extends RecordTable> = z.infer<(typeof RECORD_SCHEMAS)[T]>;

export interface Migration {
  name: string;
  /** The schemaVersion a record has after this step. */
  to: number;
  up: (record: Record<string, unknown>) => Record<string, unknown>;
}

/**
 * Records from before version vectors: their whole history counts as `rev` changes by one pseudo-device, so
 * they order among themselves exactly as before (higher rev wins, equal rev with other content conflicts) and
 * any later change, which adds its own device, supersedes them.
 */
export const LEGACY_CLOCK_DEVICE = 'before-v3';
const addClock: Migration = {
  name: 'v3: every record gains a version vector (clock), from its revision',
  to: 3,
  up: (r) => ({ ...r, clock: r.clock && typeof r.clock === 'object' ? r.clock : { [LEGACY_CLOCK_DEVICE]: typeof r.rev === 'number' ? r.rev : 1 } }),
};

/** Per record type, append-only: never edit or reorder a step once released. */
export const MIGRATIONS: Record<RecordTable, Migration[]> = {
  people: [
    {
      name: 'v2: single role field becomes a list of roles',
      to: 2,
      up: (r) => ({ ...r, roles: Array.isArray(r.roles) ? r.roles : r.role ? [r.role] : [] }),
    },
    addClock,
  ],
  enrolments: [addClock],
  evidence: [
    {
      name: 'v2: evidence gains a simulation flag (false unless recorded) and carries its criteria links',
      to: 2,
      up: (r) => ({ ...r, simulation: typeof r.simulation === 'boolean' ? r.simulation : false, criteria: Array.isArray(r.criteria) ? r.criteria : [] }),
    },
    addClock,
  ],
  media: [addClock],
  decisions: [addClock],
  signatures: [addClock],
  forms: [addClock],
};

/** Merge metadata of a record made now by `device` (storage stamps its own writes the same way). */
export function freshMeta(id: string, device: string, at: string) {
  return { id, createdAt: at, updatedAt: at, rev: 1, clock: { [device]: 1 }, deviceId: device, deleted: false, schemaVersion: RECORD_SCHEMA_VERSION };
}

/** Brings a stored record of any earlier shape forward and validates it. Throws a ZodError if invalid. */
export function readRecord<T extends RecordTable>(table: T, raw: unknown): RecordOf<T> {
  let record = { ...(raw as Record<string, unknown>) };
  const from = typeof record.schemaVersion === 'number' ? record.schemaVersion : 1;
  for (const step of MIGRATIONS[table]) if (step.to > from) record = step.up(record);
  record.schemaVersion = RECORD_SCHEMA_VERSION;
  return RECORD_SCHEMAS[table].parse(record) as RecordOf<T>;
}
