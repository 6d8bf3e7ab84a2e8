// Evidence items: what was observed, asked, produced or testified, with the criteria it covers.
import { z } from '../zod';
import { addClock, IsoDate, limitedText, metaFields, recordFactory, type Migration } from './meta';
import { TEXT_LIMITS } from '../limits';
import { defineRecordType } from './recordType';

// The evidence-type vocabulary lives in one module (domain/evidenceTypes.ts); re-exported for the record's users.
import { EvidenceTypeCode } from '../evidenceTypes';
export { EVIDENCE_TYPES, EvidenceTypeCode, EVIDENCE_TYPE_LABELS } from '../evidenceTypes';

export const CriterionLink = z.lazy(() =>
  z
    .object({
      unitCode: z.string().min(1),
      /** criterionKey from domain/spec/criteria (unit|pc|outcome|id or unit|k|id) */
      criterionKey: z.string().min(1),
    })
    .strict(),
);
export type CriterionLink = z.infer<typeof CriterionLink>;

export const Evidence = z.lazy(() =>
  z
    .object({
      ...metaFields(),
      portfolioId: z.string().min(1),
      type: EvidenceTypeCode,
      simulation: z.boolean().default(false),
      title: limitedText(TEXT_LIMITS.title).min(1, 'a title is required'),
      description: limitedText(TEXT_LIMITS.longText).default(''),
      date: IsoDate,
      location: limitedText(TEXT_LIMITS.title).default(''),
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
    .loose(),
);
export type Evidence = z.infer<typeof Evidence>;

export const EVIDENCE_MIGRATIONS: readonly Migration[] = [
  {
    name: 'v2: evidence gains a simulation flag (false unless recorded) and carries its criteria links',
    to: 2,
    up: (r) => ({
      ...r,
      simulation: typeof r.simulation === 'boolean' ? r.simulation : false,
      criteria: Array.isArray(r.criteria) ? r.criteria : [],
    }),
  },
  addClock,
];

export const newEvidence = recordFactory(Evidence);

export const evidenceRecordType = defineRecordType({
  table: 'evidence',
  schema: Evidence,
  introducedIn: 1,
  migrations: EVIDENCE_MIGRATIONS,
  indexes: 'id, portfolioId',
  travels: true,
  portfolioScoped: true,
  changedBy: 'content',
});

/** One evidence ↔ criterion link, as views use it (derived from Evidence.criteria, not stored on its own). */
export interface Mapping {
  id: string;
  portfolioId: string;
  evidenceId: string;
  unitCode: string;
  criterionKey: string;
  deleted: boolean;
}

export function mappingsOf(
  evidence: ReadonlyArray<Pick<Evidence, 'id' | 'portfolioId' | 'criteria' | 'deleted'>>,
): Mapping[] {
  return evidence.flatMap((e) =>
    e.criteria.map((c) => ({
      id: `${e.id}|${c.criterionKey}`,
      portfolioId: e.portfolioId,
      evidenceId: e.id,
      unitCode: c.unitCode,
      criterionKey: c.criterionKey,
      deleted: e.deleted,
    })),
  );
}
