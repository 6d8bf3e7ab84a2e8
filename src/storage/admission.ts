// Admission of a verified bundle (docs/trust.md): before anything is written, decide which of its records may
// change this device. Scope and key problems refuse the whole bundle; a change whose author may not make it
// (or whose key is not accepted here) is held. Reads only; applyImport writes what this decides.
import {
  checkScope,
  compareVersions,
  descends,
  formatFingerprint,
  judgeChange,
  peopleNamedBy,
  rolesIn,
  speakersOf,
  standingOf,
  summariseChanges,
  TRAVELLING_TABLES,
  type AuditEntry,
  type ChangeSummary,
  type DeviceCertificate,
  type DeviceEntry,
  type KeyStanding,
  type PersonFacts,
  type PlannedChange,
  type RecordSet,
  type Revocation,
  type ScopeViolation,
  type TravellingTable,
  type TrustState,
  type Versioned,
} from '../domain';
import { newId, nowIso } from './clock';
import { db, type DeviceRow, type HeldRow } from './db';
import { deviceId } from './device';
import { recordSignatureHolds } from './recordSigning';
import { fromBase64, fullFingerprint } from './signing';
import { checkTrustDocument, loadTrustState, thisDeviceEntry } from './trust';

type Row = Versioned & Record<string, unknown>;

export interface IncomingBundle {
  portfolioId: string;
  records: RecordSet;
  audit: AuditEntry[];
  media: Map<string, Blob>;
  /** The devices whose signatures the records carry (portfolio.json `devices`). */
  devices: DeviceEntry[];
  /** Certificates and revocations the bundle carries (portfolio.json `trust`), not yet checked. */
  trustDocuments: unknown[];
  /** The device that signed the bundle (signature.json). */
  signer: DeviceEntry;
}

export interface SignerStanding {
  entry: DeviceEntry;
  standing: KeyStanding;
  /** The person the key speaks for, as this device or the bundle names them. */
  personName: string | null;
}

export interface Admission {
  /** Reasons the whole bundle is refused; when any, nothing else applies. */
  refusals: string[];
  /** The changes this device will apply (versions it already has are left out). */
  admitted: RecordSet;
  /** The audit entries it will keep: none when the bundle's signer is unknown or revoked (they are its word). */
  audit: AuditEntry[];
  held: HeldRow[];
  summary: ChangeSummary;
  signer: SignerStanding;
  newDevices: DeviceRow[];
  trustDocuments: Array<DeviceCertificate | Revocation>;
}

/** Decides, without writing, what a verified bundle may change on this device. */
export async function admit(incoming: IncomingBundle): Promise<Admission> {
  const refusals: string[] = [];
  const trustDocuments = await checkedTrustDocuments(incoming.trustDocuments);
  const stored = await loadTrustState();
  const trust: TrustState = {
    ...stored,
    certificates: [
      ...stored.certificates,
      ...trustDocuments.filter((d): d is DeviceCertificate => d.format === 'fieldfolio-device-certificate'),
    ],
    revocations: [
      ...stored.revocations,
      ...trustDocuments.filter((d): d is Revocation => d.format === 'fieldfolio-revocation'),
    ],
  };
  const { devices, newDevices } = await checkDevices([incoming.signer, ...incoming.devices], refusals);
  const local = await localView(incoming);
  refusals.push(...scopeViolations(incoming, local).map((v) => `${v.table} ${v.id}: ${v.reason}`));
  const signer = signerStanding(incoming, trust, local);
  const empty = {
    admitted: emptySet(),
    audit: [],
    held: [],
    summary: summariseChanges([], String),
    signer,
    newDevices,
    trustDocuments,
  };
  if (refusals.length > 0) return { refusals, ...empty };
  const judged = await judgeAll(incoming, trust, local, devices, refusals);
  if (refusals.length > 0) return { refusals, ...empty };
  const name = (id: unknown) => local.person(String(id))?.name ?? String(id);
  const audit = refusedBecause(signer.standing, signer.entry) ? [] : incoming.audit;
  const summary = summariseChanges(judged.planned, name);
  return { refusals, ...judged, audit, summary, signer, newDevices, trustDocuments };
}

const emptySet = () => Object.fromEntries(TRAVELLING_TABLES.map((t) => [t, []])) as unknown as RecordSet;

async function checkedTrustDocuments(raw: unknown[]) {
  const checked = await Promise.all(raw.map(checkTrustDocument));
  return checked.flatMap((c) => ('doc' in c ? [c.doc] : []));
}

/** Each device a bundle names: its key must match its fingerprint, and a device id known here keeps its key. */
async function checkDevices(entries: DeviceEntry[], refusals: string[]) {
  const devices = new Map<string, DeviceEntry>();
  const newDevices: DeviceRow[] = [];
  const knownRows = await db().devices.bulkGet(entries.map((e) => e.deviceId));
  const own = await thisDeviceEntry();
  for (const [i, entry] of entries.entries()) {
    const spki = fromBase64(entry.publicKey);
    if (!spki || (await fullFingerprint(spki)) !== entry.deviceKey) {
      refusals.push(`device ${entry.deviceId}: its public key does not match its fingerprint`);
      continue;
    }
    // This device's own key is its own; another device's is the one it was first seen with.
    const known =
      entry.deviceId === own.deviceId
        ? own
        : (knownRows[i] ?? (devices.has(entry.deviceId) ? devices.get(entry.deviceId) : undefined));
    if (known && known.deviceKey !== entry.deviceKey) {
      refusals.push(
        `device ${entry.deviceId} is known here with key ${formatFingerprint(known.deviceKey)}, but this bundle says ${formatFingerprint(entry.deviceKey)}: refused`,
      );
    } else if (!known) newDevices.push({ ...entry, firstSeen: nowIso() });
    devices.set(entry.deviceId, entry);
  }
  return { devices, newDevices };
}

/** What admission judges: a portfolio's incoming records and audit entries (a bundle, or changes held earlier). */
export type Incoming = Pick<IncomingBundle, 'portfolioId' | 'records' | 'audit'>;

/** The records, everywhere on this device, that `incoming` may not touch (checkScope against what is stored). */
export function scopeViolations(incoming: Incoming, local: LocalView): ScopeViolation[] {
  return checkScope(incoming.portfolioId, incoming.records, incoming.audit, local.named, {
    storedPortfolioOf: (table, id) => local.portfolioOf.get(`${table}|${id}`),
    hasAuditEntry: (id) => local.auditIds.has(id),
    thisDevice: local.thisDevice,
  });
}

export interface LocalView {
  thisDevice: string;
  versions: Map<string, Row>;
  portfolioOf: Map<string, string>;
  auditIds: Set<string>;
  named: Set<string>;
  person(id: string): (PersonFacts & { name: string }) | undefined;
  signature(id: string): Row | undefined;
  parties: { id: string; candidateId: string; assessorId: string | null; iqaId: string | null };
}

/** What this device holds that the decision needs: the stored versions of the incoming ids, and the portfolio. */
export async function localView(incoming: Incoming): Promise<LocalView> {
  const versions = new Map<string, Row>();
  const portfolioOf = new Map<string, string>();
  for (const table of TRAVELLING_TABLES) {
    const rows = incoming.records[table] as unknown as Row[];
    const stored = (await db()
      .table(table)
      .bulkGet(rows.map((r) => r.id))) as Array<Row | undefined>;
    for (const s of stored) {
      if (!s) continue;
      const { blob: _blob, ...meta } = s;
      versions.set(`${table}|${s.id}`, meta as Row);
      const owner = table === 'enrolments' ? s.id : (s.portfolioId as string | undefined);
      if (owner) portfolioOf.set(`${table}|${s.id}`, owner);
    }
  }
  const id = incoming.portfolioId;
  const [auditRows, signatures, decisions, evidence, people] = await Promise.all([
    db().audit.bulkGet(incoming.audit.map((a) => a.id)),
    db().signatures.where('portfolioId').equals(id).toArray(),
    db().decisions.where('portfolioId').equals(id).toArray(),
    db().evidence.where('portfolioId').equals(id).toArray(),
    db().people.toArray(),
  ]);
  const stored = await db().enrolments.get(id);
  const enrolment = (stored ?? incoming.records.enrolments[0]) as unknown as LocalView['parties'];
  const named = stored
    ? peopleNamedBy({ enrolments: [stored], signatures, decisions, evidence } as never)
    : new Set<string>();
  // This device's own record of a person wins: a bundle may not give its author the roles it judges them by.
  const peopleById = new Map<string, Record<string, unknown>>(
    [...incoming.records.people, ...people].map((p) => [p.id, p]),
  );
  const signaturesById = new Map<string, Row>(
    [...incoming.records.signatures, ...signatures].map((s) => [s.id, s as unknown as Row]),
  );
  return {
    thisDevice: await deviceId(),
    versions,
    portfolioOf,
    auditIds: new Set(auditRows.filter(Boolean).map((a) => a!.id)),
    named,
    person: (pid) => peopleById.get(pid) as (PersonFacts & { name: string }) | undefined,
    signature: (sid) => signaturesById.get(sid),
    parties: {
      id,
      candidateId: enrolment.candidateId,
      assessorId: enrolment.assessorId ?? null,
      iqaId: enrolment.iqaId ?? null,
    },
  };
}

/** The device whose key signed a change: its id and its key's full fingerprint. */
type KeyHolder = Pick<DeviceEntry, 'deviceId' | 'deviceKey'>;

function standingNow(entry: KeyHolder, trust: TrustState, local: LocalView): KeyStanding {
  // This device's own key needs no one's word (checkDevices has made sure the key is this device's).
  if (entry.deviceId === local.thisDevice) return { kind: 'self' };
  return standingOf(entry.deviceKey, entry.deviceId, trust, nowIso());
}

function signerStanding(incoming: IncomingBundle, trust: TrustState, local: LocalView): SignerStanding {
  const standing = standingNow(incoming.signer, trust, local);
  const names = speakersOf(standing).map((s) => s.personName ?? local.person(s.personId)?.name ?? s.personId);
  return { entry: incoming.signer, standing, personName: names.length > 0 ? names.join(', ') : null };
}

const refusedBecause = (standing: KeyStanding, entry: KeyHolder): string | null => {
  if (standing.kind === 'revoked')
    return `signed by a revoked key (${formatFingerprint(entry.deviceKey)}): ${standing.revocation.reason || 'revoked by the centre'}`;
  if (standing.kind === 'unknown')
    return `signed by a key this device does not accept (${formatFingerprint(entry.deviceKey)}): ${standing.reason}`;
  return null;
};

/** Judges every change: the author is the device whose signature the version carries (else the bundle's signer). */
async function judgeAll(
  incoming: IncomingBundle,
  trust: TrustState,
  local: LocalView,
  devices: Map<string, DeviceEntry>,
  refusals: string[],
) {
  const admitted = emptySet() as unknown as Record<TravellingTable, Row[]>;
  const held: HeldRow[] = [];
  const planned: PlannedChange[] = [];
  const receivedAt = nowIso();
  const changes = TRAVELLING_TABLES.flatMap((table) =>
    (incoming.records[table] as unknown as Row[])
      .filter((r) => isNew(table, r, local))
      .map((theirs) => ({ table, theirs })),
  );
  // Every signature checked at once: WebCrypto verifies them in parallel, far faster than one after another.
  const authors = changes.map(({ theirs }) => (theirs.sig ? devices.get(theirs.deviceId) : incoming.signer));
  const holds = await Promise.all(
    changes.map(({ theirs }, i) => !theirs.sig || (!!authors[i] && recordSignatureHolds(theirs, authors[i]!))),
  );
  for (const [i, { table, theirs }] of changes.entries()) {
    const author = authors[i];
    if (!author || !holds[i]) {
      refusals.push(
        `${table} ${theirs.id}: its signature does not hold (changed after it was signed, or by a device the bundle does not name)`,
      );
      continue;
    }
    const { before, reason } = judgeRecord(table, theirs, author, trust, local);
    planned.push({ table, before, after: theirs, heldBecause: reason });
    if (!reason) admitted[table].push(theirs);
    else
      held.push({
        id: newId(),
        portfolioId: incoming.portfolioId,
        table,
        recordId: theirs.id,
        record: theirs,
        blob: incoming.media.get(theirs.id),
        reason,
        deviceId: author.deviceId,
        deviceKey: author.deviceKey,
        receivedAt,
      });
  }
  return { admitted: admitted as unknown as RecordSet, held, planned };
}

/** Whether this device lacks `theirs`: it holds neither that version nor a newer one. */
export function isNew(table: TravellingTable, theirs: Row, local: LocalView): boolean {
  const mine = local.versions.get(`${table}|${theirs.id}`);
  return !mine || (compareVersions(mine, theirs) !== 0 && !descends(mine.clock, theirs.clock));
}

/** Judges one new version, made by `author`'s key, against the version stored here: null reason when allowed. */
export function judgeRecord(
  table: TravellingTable,
  theirs: Row,
  author: KeyHolder,
  trust: TrustState,
  local: LocalView,
): { before: Row | undefined; reason: string | null } {
  const before = local.versions.get(`${table}|${theirs.id}`);
  const standing = standingNow(author, trust, local);
  return { before, reason: refusedBecause(standing, author) ?? judge(table, before, theirs, standing, local) };
}

function judge(
  table: TravellingTable,
  mine: Row | undefined,
  theirs: Row,
  standing: KeyStanding,
  local: LocalView,
): string | null {
  if (standing.kind === 'self') return null;
  // A key that speaks for several people (a shared device) may make the change if any of them may.
  let reason: string | null = 'this key speaks for no one';
  for (const speaker of speakersOf(standing)) {
    const roles = rolesIn(speaker, local.parties, local.person(speaker.personId));
    const author = { deviceId: String(theirs.deviceId), deviceKey: '', personId: speaker.personId, roles };
    const context = { author, portfolio: local.parties, signature: local.signature, person: local.person };
    reason = judgeChange({ table, before: mine, after: theirs }, context);
    if (reason === null) return null;
  }
  return reason;
}
