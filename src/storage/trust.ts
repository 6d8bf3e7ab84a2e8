// This device's trust state (docs/trust.md): the centre keys it trusts, certificates and revocations it holds
// (kept only after their signatures check out), keys accepted by hand, and the key each known device id signs
// with. On the centre's device, also the centre key, which issues certificates and revocations.
import {
  DeviceCertificate,
  Fingerprint,
  Revocation,
  signedPayload,
  type DeviceEntry,
  type Grant,
  type KeyAcceptance,
  type TrustState,
} from '../domain';
import { newId, nowIso } from './clock';
import { db, type DeviceRow } from './db';
import { deviceId } from './device';
import { deviceSigningKey, ECDSA } from './keys';
import { fromBase64, fullFingerprint, signText, toBase64, verifyText } from './signing';

const CENTRES = 'trustedCentres';
const CENTRE_KEY = 'centreKey';

export async function trustedCentres(): Promise<string[]> {
  return ((await db().settings.get(CENTRES))?.value as string[] | undefined) ?? [];
}

/** Trusts a centre key by its full fingerprint (from the sync link, or typed in after comparing it). */
export async function trustCentre(fingerprint: string): Promise<void> {
  const fp = Fingerprint.parse(fingerprint);
  await db().transaction('rw', db().settings, async () => {
    const centres = await trustedCentres();
    if (!centres.includes(fp)) await db().settings.put({ key: CENTRES, value: [...centres, fp] });
  });
}

export async function distrustCentre(fingerprint: string): Promise<void> {
  const centres = await trustedCentres();
  await db().settings.put({ key: CENTRES, value: centres.filter((c) => c !== fingerprint) });
}

/** This device as bundles name it: its id, its key's full fingerprint and its public key. */
export async function thisDeviceEntry(): Promise<DeviceEntry> {
  const key = await deviceSigningKey();
  return {
    deviceId: await deviceId(),
    deviceKey: await fullFingerprint(key.publicKeySpki),
    publicKey: toBase64(key.publicKeySpki),
  };
}

interface CentreKey {
  privateKey: CryptoKey;
  publicKey: string;
  fingerprint: string;
}

/** The centre key, if this is the centre's device. */
export async function centreKey(): Promise<CentreKey | null> {
  const pair = (await db().settings.get(CENTRE_KEY))?.value as CryptoKeyPair | undefined;
  if (!pair) return null;
  const spki = new Uint8Array(await crypto.subtle.exportKey('spki', pair.publicKey));
  return { privateKey: pair.privateKey, publicKey: toBase64(spki), fingerprint: await fullFingerprint(spki) };
}

/** Makes this device the centre's: a new, non-extractable centre key, trusted here at once. */
export async function makeCentreKey(): Promise<CentreKey> {
  const existing = await centreKey();
  if (existing) return existing;
  const pair = (await crypto.subtle.generateKey(ECDSA, false, ['sign', 'verify'])) as CryptoKeyPair;
  await db().settings.put({ key: CENTRE_KEY, value: pair });
  const made = (await centreKey())!;
  await trustCentre(made.fingerprint);
  return made;
}

export interface CertificateRequest {
  deviceId: string;
  /** The device's public key, SPKI DER base64 (shown on that device's Trust screen). */
  devicePublicKey: string;
  personId: string;
  personName: string;
  grants: Grant[];
  validFrom: string;
  validUntil: string;
}

async function requireCentreKey(): Promise<CentreKey> {
  const key = await centreKey();
  if (!key)
    throw new Error('This device holds no centre key: only the centre’s device issues certificates and revocations.');
  return key;
}

/** Issues (signs and keeps) a certificate for a device key. */
export async function issueCertificate(request: CertificateRequest): Promise<DeviceCertificate> {
  const centre = await requireCentreKey();
  const spki = fromBase64(request.devicePublicKey);
  if (!spki) throw new Error('The device key is not valid base64.');
  const unsigned = {
    format: 'fieldfolio-device-certificate' as const,
    id: newId(),
    centreKey: centre.fingerprint,
    centrePublicKey: centre.publicKey,
    ...request,
    deviceKey: await fullFingerprint(spki),
    issuedAt: nowIso(),
  };
  const certificate = DeviceCertificate.parse({
    ...unsigned,
    signature: await signText(centre.privateKey, signedPayload(unsigned, 'signature')),
  });
  await addTrustDocuments([certificate]);
  return certificate;
}

/** Revokes a device key (signed by the centre key); from now on nothing it signs is applied here. */
export async function revokeDeviceKey(deviceKey: string, reason: string): Promise<Revocation> {
  const centre = await requireCentreKey();
  const unsigned = {
    format: 'fieldfolio-revocation' as const,
    id: newId(),
    centreKey: centre.fingerprint,
    centrePublicKey: centre.publicKey,
    deviceKey: Fingerprint.parse(deviceKey),
    revokedAt: nowIso(),
    reason,
  };
  const revocation = Revocation.parse({
    ...unsigned,
    signature: await signText(centre.privateKey, signedPayload(unsigned, 'signature')),
  });
  await addTrustDocuments([revocation]);
  return revocation;
}

/** Null when a certificate or revocation is well formed and signed by the centre key it names; else why not. */
export async function checkTrustDocument(
  raw: unknown,
): Promise<{ doc: DeviceCertificate | Revocation } | { problem: string }> {
  const kind = (raw as { format?: unknown } | null)?.format;
  const parsed = kind === 'fieldfolio-revocation' ? Revocation.safeParse(raw) : DeviceCertificate.safeParse(raw);
  if (!parsed.success)
    return { problem: `not a valid certificate or revocation: ${parsed.error.issues[0]?.message ?? ''}` };
  const doc = parsed.data;
  const centreSpki = fromBase64(doc.centrePublicKey);
  if (!centreSpki || (await fullFingerprint(centreSpki)) !== doc.centreKey)
    return { problem: 'its centre key does not match its fingerprint' };
  if (doc.format === 'fieldfolio-device-certificate') {
    const deviceSpki = fromBase64(doc.devicePublicKey);
    if (!deviceSpki || (await fullFingerprint(deviceSpki)) !== doc.deviceKey)
      return { problem: 'its device key does not match its fingerprint' };
  }
  const valid = await verifyText(doc.centrePublicKey, signedPayload(doc, 'signature'), doc.signature);
  return valid ? { doc } : { problem: 'its signature is not the centre key’s' };
}

/** Keeps every document whose signature checks out (which centres count is decided when they are used). */
export async function addTrustDocuments(raw: readonly unknown[]): Promise<{ added: number; problems: string[] }> {
  const checked = await Promise.all(raw.map(checkTrustDocument));
  const docs = checked.flatMap((c) => ('doc' in c ? [c.doc] : []));
  await db().trustDocuments.bulkPut(docs.map(trustDocumentRow));
  return { added: docs.length, problems: checked.flatMap((c) => ('problem' in c ? [c.problem] : [])) };
}

export const trustDocumentRow = (doc: DeviceCertificate | Revocation) => ({
  id: doc.id,
  kind: doc.format === 'fieldfolio-revocation' ? ('revocation' as const) : ('certificate' as const),
  deviceKey: doc.deviceKey,
  doc,
  storedAt: nowIso(),
});

/** A person on this device accepts a key as a named person, after comparing its full fingerprint. */
export async function acceptKey(
  acceptance: Omit<KeyAcceptance, 'acceptedAt' | 'acceptedBy'> & { acceptedBy: string | null },
): Promise<void> {
  await db().transaction('rw', db().acceptances, async () => {
    const existing = await db().acceptances.get(acceptance.deviceKey);
    const people = [...new Set([...(existing?.personIds ?? []), ...acceptance.personIds])];
    // Accepting again changes nothing; accepting for more people adds them.
    if (existing && existing.deviceId === acceptance.deviceId && people.length === existing.personIds.length) return;
    await db().acceptances.put({ ...acceptance, personIds: people, acceptedAt: nowIso() });
  });
}

export async function withdrawAcceptance(deviceKey: string): Promise<void> {
  await db().acceptances.delete(deviceKey);
}

/** Everything the trust rules need, as stored on this device. */
export async function loadTrustState(): Promise<TrustState> {
  const [centres, documents, acceptances] = await Promise.all([
    trustedCentres(),
    db().trustDocuments.toArray(),
    db().acceptances.toArray(),
  ]);
  return {
    centres,
    certificates: documents.flatMap((d) => (d.doc.format === 'fieldfolio-device-certificate' ? [d.doc] : [])),
    revocations: documents.flatMap((d) => (d.doc.format === 'fieldfolio-revocation' ? [d.doc] : [])),
    acceptances,
  };
}

/** A device this device knows, by id: bound to the key it was first seen with. */
export async function knownDevice(id: string): Promise<DeviceRow | undefined> {
  return db().devices.get(id);
}

/** The devices this device knows: each id bound to the key it was first seen with. */
export async function knownDevices(): Promise<DeviceRow[]> {
  return db().devices.toArray();
}

/** The trust documents to send along with records of these device keys (and every revocation: they are small). */
export async function trustDocumentsFor(
  deviceKeys: ReadonlySet<string>,
): Promise<Array<DeviceCertificate | Revocation>> {
  const rows = await db().trustDocuments.toArray();
  return rows.filter((r) => r.kind === 'revocation' || deviceKeys.has(r.deviceKey)).map((r) => r.doc);
}
