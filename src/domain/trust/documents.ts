// The documents of the trust model (docs/trust.md): a centre key certifies device keys (who holds the device,
// in which roles, for which portfolios, until when), revokes them, and a person on a device may accept an
// uncertified key by hand. Every record a device changes carries that device's signature. Signatures are made
// and checked in the storage layer (WebCrypto); the domain says what is signed and what it means.
import { z } from '../zod';
import { canonicalJson } from '../portfolio/reconcile';

/** A key's full fingerprint: the SHA-256 of its public key (SPKI DER), 64 lower-case hex digits. */
export const Fingerprint = z.string().regex(/^[0-9a-f]{64}$/, 'a fingerprint is 64 hexadecimal digits (SHA-256)');
export type Fingerprint = z.infer<typeof Fingerprint>;

/** How people read a fingerprint aloud or compare it: groups of four. */
export const formatFingerprint = (fingerprint: string) => fingerprint.match(/.{1,4}/g)?.join(' ') ?? fingerprint;

/** What a person types or scans: spaces, colons and capitals are ignored. */
export function normaliseFingerprint(text: string): string | null {
  const clean = text.replace(/[\s:]/g, '').toLowerCase();
  return Fingerprint.safeParse(clean).success ? clean : null;
}

const base64 = z
  .string()
  .min(1)
  .max(4096)
  .regex(/^[A-Za-z0-9+/]+=*$/, 'base64');
const isoDateTime = z.string().min(1).max(40);

export const GRANT_ROLES = ['candidate', 'assessor', 'iqa', 'ev'] as const;
export type GrantRole = (typeof GRANT_ROLES)[number];

/** One role a certified key holds, on all of the centre's portfolios or on the listed ones. */
export const Grant = z
  .object({
    role: z.enum(GRANT_ROLES),
    portfolios: z.union([z.literal('all'), z.array(z.string().min(1).max(100)).max(10_000)]),
    /** Assessors and IQAs working towards their award: their decisions need countersigning. */
    status: z.enum(['qualified', 'trainee']).default('qualified'),
  })
  .strict();
export type Grant = z.infer<typeof Grant>;

/** What every document the centre signs carries: its id, the centre's key, and the signature. */
const CENTRE_SIGNED = {
  id: z.string().min(1).max(100),
  centreKey: Fingerprint,
  /** The centre's public key (SPKI DER, base64): its fingerprint must be `centreKey`. */
  centrePublicKey: base64,
  /** ECDSA P-256 / SHA-256 over signedPayload(document), IEEE P1363 low-S, base64. */
  signature: base64,
};

/** The centre's statement about one device key, signed by the centre key. */
export const DeviceCertificate = z
  .object({
    format: z.literal('fieldfolio-device-certificate'),
    ...CENTRE_SIGNED,
    deviceId: z.string().min(1).max(100),
    deviceKey: Fingerprint,
    devicePublicKey: base64,
    personId: z.string().min(1).max(100),
    personName: z.string().min(1).max(200),
    grants: z.array(Grant).min(1).max(20),
    validFrom: isoDateTime,
    validUntil: isoDateTime,
    issuedAt: isoDateTime,
  })
  .strict();
export type DeviceCertificate = z.infer<typeof DeviceCertificate>;

/** The centre withdraws a device key (a lost or retired device): from `revokedAt`, nothing it signs counts. */
export const Revocation = z
  .object({
    format: z.literal('fieldfolio-revocation'),
    ...CENTRE_SIGNED,
    deviceKey: Fingerprint,
    revokedAt: isoDateTime,
    reason: z.string().max(500).default(''),
  })
  .strict();
export type Revocation = z.infer<typeof Revocation>;

/** A person on this device accepted a key the centre has not certified, after comparing its full fingerprint. */
export const KeyAcceptance = z
  .object({
    deviceKey: Fingerprint,
    deviceId: z.string().min(1).max(100),
    /** The people the key acts for (a shared device: several); their roles come from each portfolio. */
    personIds: z.array(z.string().min(1).max(100)).min(1).max(100),
    acceptedBy: z.string().nullable(),
    acceptedAt: isoDateTime,
  })
  .strict();
export type KeyAcceptance = z.infer<typeof KeyAcceptance>;

/** A device as a bundle names it: the key that signs its records (`devices` in data/portfolio.json). */
export const DeviceEntry = z
  .object({
    deviceId: z.string().min(1).max(100),
    deviceKey: Fingerprint,
    publicKey: base64,
  })
  .strict();
export type DeviceEntry = z.infer<typeof DeviceEntry>;

/** A record's signature by the device that last changed it (the record's `deviceId`). */
export const RecordSignature = z.lazy(() =>
  z
    .object({
      deviceKey: Fingerprint,
      /** ECDSA P-256 / SHA-256 over signedPayload(record), IEEE P1363, base64. */
      value: base64,
    })
    .strict(),
);
export type RecordSignature = z.infer<typeof RecordSignature>;

/**
 * The bytes a signature covers: the document or record in canonical JSON (sorted keys), without its own
 * signature field. Any change to any other field breaks the signature.
 */
export function signedPayload(document: Record<string, unknown>, signatureField: 'signature' | 'sig'): string {
  const { [signatureField]: _omitted, ...rest } = document;
  return canonicalJson(rest);
}
