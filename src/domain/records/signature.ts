// Signatures: a typed name and a drawn mark, on a declaration, an evidence item, a sign-off or a form.
import { z } from '../zod';
import { addClock, IsoDateTime, limitedText, metaFields, recordFactory, unchangedIn, type Migration } from './meta';
import { TEXT_LIMITS } from '../limits';
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

/**
 * A drawn signature: a PNG (what the signature pad makes) or an SVG, inline as a base64 data URL, or '' when
 * signed with the typed name only. Nothing else, above all no http(s) address: an image the app would fetch
 * would tell a third party when and where the record was opened (a tracking beacon).
 */
export const SignatureImage = z.lazy(() =>
  z
    .string()
    .regex(
      /^(data:image\/(png|svg\+xml);base64,[A-Za-z0-9+/]+={0,2})?$/,
      'must be a PNG or SVG data URL (data:image/png;base64,…) or empty',
    ),
);

export const Signature = z.lazy(() =>
  z
    .object({
      ...metaFields(),
      portfolioId: z.string().min(1),
      personId: z.string().nullable().default(null),
      typedName: limitedText(TEXT_LIMITS.name).min(1, 'type the signer’s name'),
      role: limitedText(TEXT_LIMITS.name).min(1),
      signedAt: IsoDateTime,
      purpose: z.enum(SIGNATURE_PURPOSES),
      /** What was signed: an evidence id, decision id, form id, or the portfolio id (declaration). */
      subjectId: z.string().min(1),
      image: SignatureImage.default(''),
      statement: limitedText(TEXT_LIMITS.longText).default(''),
    })
    .loose(),
);
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
