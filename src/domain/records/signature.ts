// Signatures: a typed name and a drawn mark, on a declaration, an evidence item, a sign-off or a form.
import { z } from 'zod';
import { addClock, IsoDateTime, META_FIELDS, recordFactory, unchangedIn, type Migration } from './meta';
import { defineRecordType } from './recordType';

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
    ...META_FIELDS,
    portfolioId: z.string().min(1),
    personId: z.string().nullable().default(null),
    typedName: z.string().min(1, 'type the signer’s name'),
    role: z.string().min(1),
    signedAt: IsoDateTime,
    purpose: z.enum(SIGNATURE_PURPOSES),
    /** What was signed: an evidence id, decision id, form id, or the portfolio id (declaration). */
    subjectId: z.string().min(1),
    /** The drawn signature as an SVG path data URL or PNG data URL (small; kept inline). */
    image: z.string().default(''),
    statement: z.string().default(''),
  })
  .loose();
export type Signature = z.infer<typeof Signature>;

export const SIGNATURE_MIGRATIONS: readonly Migration[] = [unchangedIn(2), addClock];

export const newSignature = recordFactory(Signature);

export const signatureRecordType = defineRecordType({
  table: 'signatures',
  schema: Signature,
  introducedIn: 1,
  migrations: SIGNATURE_MIGRATIONS,
  indexes: 'id, portfolioId, subjectId',
  travels: true,
  portfolioScoped: true,
  changedBy: 'signature',
});
