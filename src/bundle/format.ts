// What a bundle's data/portfolio.json and signature.json hold. Documented in docs/bundle-format.md.
import { z } from '../domain';
import { AuditEntry, DeviceEntry, TRAVELLING_TABLES, type TravellingTable } from '../domain';

/** Version of the bundle layout; a bundle with a newer one is refused rather than half-read. */
export const BUNDLE_SCHEMA_VERSION = 1;

/** A list of records as they travel; each record is validated on its own, by readRecord. */
export const recordList = z.array(z.record(z.string(), z.unknown()));

/** What a signed bag's data file says of where it came from: the sending device's trust material and its user. */
export const senderFields = {
  /** The devices whose signatures the records carry, with their keys (docs/trust.md). */
  devices: z.array(DeviceEntry).max(10_000).default([]),
  /** Centre certificates and revocations for those devices; each is checked on its own when received. */
  trust: z.array(z.unknown()).max(10_000).default([]),
  /** Who was using the sending device, so the receiver can name an unknown key's holder. */
  sender: z
    .object({ personId: z.string().min(1).max(100), name: z.string().max(200) })
    .nullable()
    .default(null),
};

/** One list per travelling record type of the registry; the records themselves are validated by readRecord. */
const recordLists = Object.fromEntries(TRAVELLING_TABLES.map((table) => [table, recordList])) as {
  [T in TravellingTable]: typeof recordList;
};

export const PortfolioFile = z
  .object({
    format: z.literal('fieldfolio-portfolio'),
    schemaVersion: z.number().int().positive(),
    recordSchemaVersion: z.number().int().positive(),
    portfolioId: z.string().min(1),
    exportedAt: z.string().min(1),
    deviceId: z.string().min(1),
    /** "full": the whole portfolio. "changes": some records only (changes since a time, or a verifier's decisions). */
    scope: z.enum(['full', 'changes']).default('full'),
    changesSince: z.string().nullable().default(null),
    records: z.object(recordLists).strict(),
    audit: z.array(AuditEntry),
    ...senderFields,
  })
  .loose();
export type PortfolioFile = z.infer<typeof PortfolioFile>;

export const SignatureFile = z
  .object({
    algorithm: z.literal('ECDSA-P256-SHA256'),
    signedFile: z.literal('tagmanifest-sha256.txt'),
    /** Public key, SPKI DER, base64 */
    publicKey: z.string().min(1),
    fingerprint: z.string().regex(/^([0-9a-f]{2}:){15}[0-9a-f]{2}$/),
    /** IEEE P1363 (r‖s) signature, base64 */
    signature: z.string().min(1),
    deviceId: z.string().min(1),
  })
  .strict();
export type SignatureFile = z.infer<typeof SignatureFile>;
