// Portfolio storage: every write validates, stamps merge metadata, appends to the audit log and runs in one
// Dexie transaction with everything that belongs with it. Every read re-validates (and migrates) records.
import { sha256Blob } from './hashing';
import type { z } from 'zod';
import {
  parseSpec,
  readRecord,
  RECORD_SCHEMAS,
  type Decision,
  type Enrolment,
  type Evidence,
  type FormRecord,
  type FormType,
  mappingsOf,
  nextClock,
  type Mapping,
  type CriterionLink,
  type MediaMeta,
  type Person,
  type QualificationSpec,
  type RecordOf,
  type RecordTable,
  type Signature,
} from '../domain';
import { db, type MediaRow } from './db';
import { explainWriteError, StorageError } from './errors';

import { newId, nowIso } from './clock';
import { draftKeys } from './draftKeys';
export { newId, nowIso, todayIso } from './clock';

// ---------------------------------------------------------------- device and acting person

const deviceIds = new WeakMap<object, string>();

/** A random id for this device (this database), created once and kept in it. */
export async function deviceId(): Promise<string> {
  const database = db();
  const cached = deviceIds.get(database);
  if (cached) return cached;
  const row = await database.settings.get('deviceId');
  const id = row && typeof row.value === 'string' ? row.value : newId();
  if (!row) await database.settings.put({ key: 'deviceId', value: id });
  deviceIds.set(database, id);
  return id;
}

export async function actingPersonId(): Promise<string | null> {
  const row = await db().settings.get('actingPersonId');
  return typeof row?.value === 'string' ? row.value : null;
}

export async function setActingPerson(personId: string | null): Promise<void> {
  await db().settings.put({ key: 'actingPersonId', value: personId });
}

// ---------------------------------------------------------------- writing

/** Known fields only (records are `.loose()`, which adds an index signature that Omit would swallow). */
type Known<T> = { [K in keyof T as string extends K ? never : K]: T[K] };
type MetaField = 'createdAt' | 'updatedAt' | 'rev' | 'clock' | 'deviceId' | 'deleted' | 'schemaVersion' | 'id';
/** What a caller supplies: the record's own fields (defaults optional); the layer stamps the metadata. */
export type Input<T extends RecordTable> = Omit<Known<z.input<(typeof RECORD_SCHEMAS)[T]>>, MetaField> & { id?: string };

/** Fills and bumps the merge metadata, then validates against the record's schema. */
function stamp<T extends RecordTable>(table: T, input: Record<string, unknown>, existing: RecordOf<T> | undefined, device: string): RecordOf<T> {
  const at = nowIso();
  return RECORD_SCHEMAS[table].parse({
    ...existing,
    ...input,
    id: (input.id as string | undefined) ?? existing?.id ?? newId(),
    createdAt: existing?.createdAt ?? at,
    updatedAt: at,
    rev: (existing?.rev ?? 0) + 1,
    clock: nextClock(device, existing?.clock ?? {}),
    deviceId: device,
    deleted: input.deleted ?? false,
  }) as RecordOf<T>;
}

interface WriteContext {
  device: string;
  actor: string | null;
  put<T extends RecordTable>(table: T, input: Record<string, unknown>, action?: string, summary?: string): Promise<RecordOf<T>>;
  remove(table: RecordTable, id: string, summary?: string): Promise<void>;
}

const ALL_TABLES = ['people', 'enrolments', 'evidence', 'media', 'decisions', 'signatures', 'forms', 'audit', 'drafts'] as const;

/** One transaction over every record table: all of a change lands, or none of it. */
async function write<R>(what: string, portfolioId: string, fn: (ctx: WriteContext) => Promise<R>): Promise<R> {
  const device = await deviceId();
  const actor = await actingPersonId();
  const database = db();
  try {
    return await database.transaction('rw', [...ALL_TABLES], async () => {
      const audit = (action: string, recordType: string, recordId: string, summary = '') =>
        database.audit.add({ id: newId(), portfolioId, at: nowIso(), actorId: actor, deviceId: device, action, recordType, recordId, summary });
      const ctx: WriteContext = {
        device,
        actor,
        async put(table, input, action, summary) {
          const t = database.table(table);
          const existing = input.id ? await t.get(input.id as string) : undefined;
          // A media row's Blob travels beside the validated metadata, never through the schema.
          const { blob, ...rest } = input as { blob?: Blob };
          const { blob: existingBlob, ...existingMeta } = (existing ?? {}) as Partial<MediaRow>;
          const record = stamp(table, rest, existing ? (existingMeta as never) : undefined, device);
          const keptBlob = blob ?? existingBlob;
          await t.put(keptBlob ? { ...record, blob: keptBlob } : record);
          await audit(action ?? (existing ? 'update' : 'create'), table, record.id, summary);
          return record;
        },
        async remove(table, id, summary) {
          const t = database.table(table);
          const existing = await t.get(id);
          if (!existing || existing.deleted) return;
          await t.put({ ...existing, deleted: true, updatedAt: nowIso(), rev: (existing.rev ?? 0) + 1, clock: nextClock(device, existing.clock ?? {}), deviceId: device });
          await audit('delete', table, id, summary);
        },
      };
      return fn(ctx);
    });
  } catch (e) {
    throw explainWriteError(e, what);
  }
}

export async function savePerson(input: Input<'people'>): Promise<Person> {
  return write('the person', 'people', (ctx) => ctx.put('people', input, undefined, `${input.name}`));
}

export async function createEnrolment(input: Input<'enrolments'>): Promise<Enrolment> {
  // The enrolment's id is the portfolio's: known before the write, so its audit entry is filed under it.
  const id = input.id ?? newId();
  return write('the enrolment', id, (ctx) => ctx.put('enrolments', { ...input, id }, 'create', `enrolled on ${input.specId} ${input.specVersion}`));
}

export async function updateEnrolment(enrolment: Enrolment, changes: Partial<Input<'enrolments'>>, summary = ''): Promise<Enrolment> {
  return write('the enrolment', enrolment.id, (ctx) => ctx.put('enrolments', { ...enrolment, ...changes }, 'update', summary));
}

export interface NewSignature {
  typedName: string;
  role: string;
  personId: string | null;
  image: string;
  statement?: string;
}

export interface FileInput {
  name: string;
  type: string;
  blob: Blob;
}

export interface EvidenceInput {
  evidence: Input<'evidence'>;
  files?: FileInput[];
  /** criterion keys (domain criterionKey) this evidence covers */
  criteria?: Array<{ unitCode: string; criterionKey: string }>;
  signature?: NewSignature;
}

type HashedFile = FileInput & { sha256: string };

/** Hashes files for media rows; call it before the transaction: IndexedDB transactions cannot wait on other async work. */
function hashFiles(files: FileInput[]): Promise<HashedFile[]> {
  return Promise.all(files.map(async (f) => ({ ...f, sha256: await sha256Blob(f.blob) })));
}

/** Puts one media row per hashed file, attached to the evidence item, in order; returns their ids. */
async function putMedia(ctx: WriteContext, portfolioId: string, evidenceId: string, hashed: HashedFile[]): Promise<string[]> {
  const ids: string[] = [];
  for (const f of hashed) {
    const media = await ctx.put('media', {
      portfolioId,
      evidenceId,
      name: f.name,
      mimeType: f.type || 'application/octet-stream',
      size: f.blob.size,
      sha256: f.sha256,
      blob: f.blob,
    } as Record<string, unknown>);
    ids.push(media.id);
  }
  return ids;
}

/** Evidence with its media, criteria links and signature: one transaction. */
export async function saveEvidence({ evidence, files = [], criteria, signature }: EvidenceInput): Promise<Evidence> {
  const hashed = await hashFiles(files);
  const portfolioId = evidence.portfolioId;
  return write('the evidence', portfolioId, async (ctx) => {
    const id = evidence.id ?? newId();
    const mediaIds = [...(evidence.mediaIds ?? []), ...(await putMedia(ctx, portfolioId, id, hashed))];
    const links = criteria ? uniqueLinks(criteria) : evidence.criteria;
    const saved = await ctx.put('evidence', { ...evidence, id, mediaIds, criteria: links }, undefined, `${evidence.type} ${evidence.title}`);
    if (signature) {
      await ctx.put('signatures', { ...signature, portfolioId, purpose: 'evidence', subjectId: id, signedAt: nowIso() });
    }
    return saved;
  });
}

function uniqueLinks(criteria: CriterionLink[]): CriterionLink[] {
  const seen = new Set<string>();
  return criteria.filter((c) => !seen.has(c.criterionKey) && seen.add(c.criterionKey));
}

/** Inside a write: the live evidence item of this portfolio as stored now, or a clear refusal. */
async function storedEvidence(portfolioId: string, evidenceId: string): Promise<Evidence> {
  const raw = await db().evidence.get(evidenceId);
  if (!raw || raw.deleted || raw.portfolioId !== portfolioId) throw new StorageError('conflict', 'This evidence no longer exists on this device.');
  return readRecord('evidence', raw);
}

/** Replaces the criteria an evidence item covers (audited as one change of the evidence record). */
export async function setEvidenceMappings(portfolioId: string, evidenceId: string, criteria: CriterionLink[]) {
  return write('the criteria mapping', portfolioId, async (ctx) => {
    const existing = await storedEvidence(portfolioId, evidenceId);
    const before = new Set(existing.criteria.map((c) => c.criterionKey));
    const after = uniqueLinks(criteria);
    const added = after.filter((c) => !before.has(c.criterionKey)).length;
    const removed = before.size - (after.length - added);
    await ctx.put('evidence', { ...existing, criteria: after }, 'map', `+${added} −${removed} criteria`);
  });
}

export async function deleteEvidence(portfolioId: string, evidenceId: string): Promise<void> {
  return write('the deletion', portfolioId, async (ctx) => {
    await ctx.remove('evidence', evidenceId);
    for (const m of await db().media.where('evidenceId').equals(evidenceId).toArray()) await ctx.remove('media', m.id);
  });
}

export async function signDeclaration(portfolioId: string, signature: NewSignature): Promise<Signature> {
  return write('the declaration', portfolioId, (ctx) =>
    ctx.put('signatures', { ...signature, portfolioId, purpose: 'declaration', subjectId: portfolioId, signedAt: nowIso() }, 'sign', 'authenticity declaration'),
  );
}

/**
 * An internal quality assurer samples one evidence item: their signature on it, dated now. It fills the index of
 * evidence's "internal verifier signature and date of sampling" column.
 */
export async function signEvidenceSample(portfolioId: string, evidenceId: string, signature: NewSignature): Promise<Signature> {
  return write('the sampling signature', portfolioId, async (ctx) => {
    await storedEvidence(portfolioId, evidenceId);
    return ctx.put('signatures', { ...signature, portfolioId, purpose: 'evidence', subjectId: evidenceId, signedAt: nowIso() }, 'sign', 'sampled by the internal quality assurer');
  });
}

export interface SignOffInput {
  portfolioId: string;
  unitCode: string;
  assessorId: string;
  date: string;
  comments?: string;
  signature: NewSignature;
  candidateSignature?: NewSignature;
}

/** Unit sign-off with the assessor's (and optionally the candidate's) signature: one transaction. */
export async function signOffUnit(input: SignOffInput): Promise<Decision> {
  return write('the unit sign-off', input.portfolioId, async (ctx) => {
    const id = newId();
    const sig = await ctx.put('signatures', { ...input.signature, portfolioId: input.portfolioId, purpose: 'unit-signoff', subjectId: id, signedAt: nowIso() });
    const cand = input.candidateSignature
      ? await ctx.put('signatures', { ...input.candidateSignature, portfolioId: input.portfolioId, purpose: 'candidate-signoff', subjectId: id, signedAt: nowIso() })
      : null;
    return ctx.put(
      'decisions',
      {
        id,
        portfolioId: input.portfolioId,
        kind: 'unit-signoff',
        unitCode: input.unitCode,
        outcome: 'met',
        assessorId: input.assessorId,
        date: input.date,
        comments: input.comments ?? '',
        signatureId: sig.id,
        candidateSignatureId: cand?.id ?? null,
      },
      'sign-off',
      `unit ${input.unitCode}`,
    );
  });
}

export async function countersign(decision: Decision, personId: string, signature: NewSignature): Promise<Decision> {
  return write('the countersignature', decision.portfolioId, async (ctx) => {
    const sig = await ctx.put('signatures', { ...signature, portfolioId: decision.portfolioId, purpose: 'countersign', subjectId: decision.id, signedAt: nowIso() });
    return ctx.put('decisions', { ...decision, countersignedBy: personId, countersignatureId: sig.id }, 'countersign', `unit ${decision.unitCode}`);
  });
}

export async function withdrawDecision(decision: Decision): Promise<void> {
  return write('the withdrawal', decision.portfolioId, (ctx) => ctx.remove('decisions', decision.id, `unit ${decision.unitCode}`));
}

export async function recordCriterionDecision(input: Omit<Input<'decisions'>, 'kind'>): Promise<Decision> {
  return write('the decision', input.portfolioId, (ctx) => ctx.put('decisions', { ...input, kind: 'criterion' }, 'decide', `${input.criterionKey} ${input.outcome}`));
}

/** What a recording form says of the evidence item it is (title, date…, and the criteria it names). */
export interface FormEvidence {
  details: Required<Pick<EvidenceDetails, 'title' | 'description' | 'date'>>;
  criteria: CriterionLink[];
}

/**
 * Saves a form. When the form is already in the index of evidence (`asEvidence` names its item), that item
 * follows it in the same transaction: details from the form, and any criteria the form names added (criteria
 * mapped on the evidence itself are kept), so the two never disagree.
 */
export async function saveForm(input: Input<'forms'>, asEvidence?: FormEvidence & { evidenceId: string }): Promise<FormRecord> {
  return write('the form', input.portfolioId, async (ctx) => {
    const form = await ctx.put('forms', input, undefined, `${input.formType}`);
    await db().drafts.delete(draftKeys.form(form.id));
    if (asEvidence) {
      const existing = await storedEvidence(input.portfolioId, asEvidence.evidenceId);
      const criteria = uniqueLinks([...existing.criteria, ...asEvidence.criteria]);
      await ctx.put('evidence', { ...existing, ...asEvidence.details, criteria }, 'update', `follows its ${input.formType} form`);
    }
    return form;
  });
}

export async function deleteForm(portfolioId: string, formId: string): Promise<void> {
  return write('the deletion', portfolioId, (ctx) => ctx.remove('forms', formId));
}

// ---------------------------------------------------------------- drafts (autosave)

/** Autosaved input: cheap single-row writes, debounced by the caller. */
export async function saveDraft(key: string, data: unknown): Promise<void> {
  try {
    await db().drafts.put({ key, data, updatedAt: nowIso() });
  } catch (e) {
    throw explainWriteError(e, 'the draft');
  }
}

export async function loadDraft<T>(key: string): Promise<T | undefined> {
  return (await db().drafts.get(key))?.data as T | undefined;
}

export async function clearDraft(key: string): Promise<void> {
  await db().drafts.delete(key);
}

// ---------------------------------------------------------------- reading

/**
 * Records already validated in this session, by version: a version (id, rev, clock, update time, device) never
 * changes once written, so re-reading it (every live query re-runs on each change) need not re-validate it.
 */
const validatedVersions = new Map<string, unknown>();
const VALIDATED_VERSIONS_KEPT = 50_000;

function readRecordOnce<T extends RecordTable>(table: T, raw: Record<string, unknown>): RecordOf<T> {
  const key = `${table}|${String(raw.id)}|${String(raw.rev)}|${String(raw.updatedAt)}|${String(raw.deviceId)}|${JSON.stringify(raw.clock)}|${String(raw.schemaVersion)}`;
  const known = validatedVersions.get(key) as RecordOf<T> | undefined;
  if (known) return known;
  const record = readRecord(table, raw);
  if (validatedVersions.size >= VALIDATED_VERSIONS_KEPT) validatedVersions.clear();
  validatedVersions.set(key, record);
  return record;
}

function validRecords<T extends RecordTable>(table: T, rows: unknown[], problems: string[]): RecordOf<T>[] {
  const out: RecordOf<T>[] = [];
  for (const row of rows) {
    const { blob: _blob, ...rest } = row as Record<string, unknown>;
    if (rest.deleted) continue;
    try {
      out.push(readRecordOnce(table, rest));
    } catch (e) {
      problems.push(`${table} ${String(rest.id)}: ${(e as Error).message}`);
    }
  }
  return out;
}

export async function listPeople(): Promise<Person[]> {
  return validRecords('people', await db().people.toArray(), []).sort((a, b) => a.name.localeCompare(b.name));
}

export async function listEnrolments(): Promise<Enrolment[]> {
  return validRecords('enrolments', await db().enrolments.toArray(), []);
}

export interface PortfolioData {
  enrolment: Enrolment;
  people: Person[];
  evidence: Evidence[];
  media: MediaMeta[];
  mappings: Mapping[];
  decisions: Decision[];
  signatures: Signature[];
  forms: FormRecord[];
  /** Deleted evidence (id and when it was recorded): it keeps its evidence index number (domain evidenceNumbers). */
  evidenceTombstones: Array<{ id: string; createdAt: string }>;
  /** Records that failed validation when read back: shown, never silently dropped. */
  problems: string[];
}

/** id and createdAt of deleted rows, read tolerantly (a tombstone is never validated or migrated). */
function tombstones(rows: unknown[]): Array<{ id: string; createdAt: string }> {
  const out: Array<{ id: string; createdAt: string }> = [];
  for (const row of rows) {
    const { id, createdAt, deleted } = row as Record<string, unknown>;
    if (deleted && typeof id === 'string') out.push({ id, createdAt: typeof createdAt === 'string' ? createdAt : '' });
  }
  return out;
}

export async function loadPortfolio(portfolioId: string): Promise<PortfolioData | null> {
  const d = db();
  return d.transaction('r', [d.enrolments, d.people, d.evidence, d.media, d.decisions, d.signatures, d.forms], async () => {
    const raw = await d.enrolments.get(portfolioId);
    if (!raw || raw.deleted) return null;
    const problems: string[] = [];
    const byPortfolio = <T extends RecordTable>(table: T) => d.table(table).where('portfolioId').equals(portfolioId).toArray();
    // Media rows: read metadata without touching blob bytes (IndexedDB returns Blob handles lazily).
    const [people, evidence, media, decisions, signatures, forms] = await Promise.all([
      d.people.toArray(),
      byPortfolio('evidence'),
      byPortfolio('media'),
      byPortfolio('decisions'),
      byPortfolio('signatures'),
      byPortfolio('forms'),
    ]);
    const liveEvidence = validRecords('evidence', evidence, problems).sort((a, b) => b.date.localeCompare(a.date) || b.createdAt.localeCompare(a.createdAt));
    return {
      enrolment: readRecord('enrolments', raw),
      people: validRecords('people', people, problems),
      evidence: liveEvidence,
      media: validRecords('media', media, problems),
      mappings: mappingsOf(liveEvidence),
      decisions: validRecords('decisions', decisions, problems),
      signatures: validRecords('signatures', signatures, problems),
      forms: validRecords('forms', forms, problems),
      evidenceTombstones: tombstones(evidence),
      problems,
    };
  });
}

export async function mediaBlob(mediaId: string): Promise<Blob | undefined> {
  return (await db().media.get(mediaId))?.blob;
}

export async function auditLog(portfolioId: string, limit = 200) {
  return db().audit.where('portfolioId').equals(portfolioId).reverse().sortBy('at').then((rows) => rows.slice(0, limit));
}

export async function listForms(portfolioId: string, formType?: FormType): Promise<FormRecord[]> {
  const rows = await db().forms.where('portfolioId').equals(portfolioId).toArray();
  return validRecords('forms', rows, []).filter((f) => !formType || f.formType === formType);
}

// ---------------------------------------------------------------- specs in the database

/** Stores validated specs so portfolios open offline with the exact spec version they were enrolled on. */
export async function storeSpecs(specs: QualificationSpec[], source: 'bundled' | 'imported'): Promise<void> {
  try {
    // A spec version is immutable: only versions not yet on the device are written (this runs at every start).
    const have = await db().specs.bulkGet(specs.map((s) => [s.id, s.version] as [string, string]));
    const fresh = specs.filter((_, i) => !have[i]);
    if (fresh.length === 0) return;
    await db().specs.bulkPut(fresh.map((s) => ({ id: s.id, version: s.version, json: s, source, storedAt: nowIso() })));
  } catch (e) {
    throw explainWriteError(e, 'the qualification specs');
  }
}

// A stored spec version is never rewritten (storeSpecs skips versions it has), so each is parsed once per database.
const parsedSpecs = new WeakMap<object, Map<string, QualificationSpec>>();

export async function loadStoredSpec(id: string, version: string): Promise<QualificationSpec | null> {
  const database = db();
  const cache = parsedSpecs.get(database) ?? new Map<string, QualificationSpec>();
  parsedSpecs.set(database, cache);
  const key = `${id}@${version}`;
  // Not even read again: a spec's JSON is large (up to 190 KB here), and reading it back on every portfolio screen
  // measured some 15 ms of the 150 ms the screen takes to open.
  const known = cache.get(key);
  if (known) return known;
  const row = await database.specs.get([id, version]);
  if (!row) return null;
  const spec = parseSpec(row.json, key);
  cache.set(key, spec);
  return spec;
}

export async function listStoredSpecs(): Promise<QualificationSpec[]> {
  const rows = await db().specs.toArray();
  const specs: QualificationSpec[] = [];
  for (const row of rows) {
    try {
      specs.push(parseSpec(row.json, `${row.id}@${row.version}`));
    } catch {
      // A stored spec that no longer validates is skipped here; loadStoredSpec reports it when opened.
    }
  }
  return specs;
}

// ---------------------------------------------------------------- device storage

export interface StorageStatus {
  persisted: boolean | null;
  usage: number | null;
  quota: number | null;
  /** Media files stored (live ones). Read from the media table, so a live query of this refreshes as media come and go. */
  mediaFiles: number;
}

/** Above this share of the quota the app warns on every screen. */
export const NEAR_QUOTA = 0.8;

export async function storageStatus(): Promise<StorageStatus> {
  const mediaFiles = await db().media.filter((m) => !m.deleted).count();
  const storage = globalThis.navigator?.storage;
  if (!storage?.estimate) return { persisted: null, usage: null, quota: null, mediaFiles };
  const [estimate, persisted] = await Promise.all([storage.estimate(), storage.persisted?.() ?? Promise.resolve(null)]);
  return { persisted, usage: estimate.usage ?? null, quota: estimate.quota ?? null, mediaFiles };
}

/** Asks the browser not to evict this origin's data under storage pressure. */
export async function requestPersistentStorage(): Promise<boolean> {
  return (await globalThis.navigator?.storage?.persist?.()) ?? false;
}

export { StorageError };

// ---------------------------------------------------------------- editing after creation

/** The fields of an evidence item that can be changed after it was saved. */
export type EvidenceDetails = Partial<Pick<Evidence, 'type' | 'title' | 'description' | 'date' | 'location' | 'simulation'>>;

/**
 * Changes an evidence item's details and attaches further media: one transaction, one audited change. Its
 * criteria, media already attached and signatures are kept: they are read inside the transaction, never taken
 * from the caller (saveEvidence, given an id, would replace mediaIds and criteria with what it is passed).
 */
export async function updateEvidenceDetails(portfolioId: string, evidenceId: string, details: EvidenceDetails, files: FileInput[] = []): Promise<Evidence> {
  const hashed = await hashFiles(files);
  return write('the evidence', portfolioId, async (ctx) => {
    const existing = await storedEvidence(portfolioId, evidenceId);
    const changes = Object.fromEntries(Object.entries(details).filter(([, v]) => v !== undefined)) as EvidenceDetails;
    const changed = (Object.keys(changes) as Array<keyof EvidenceDetails>).filter((k) => changes[k] !== existing[k]);
    const mediaIds = [...existing.mediaIds, ...(await putMedia(ctx, portfolioId, evidenceId, hashed))];
    const summary = [changed.length > 0 ? `changed ${changed.join(', ')}` : '', hashed.length > 0 ? `+${hashed.length} media` : ''].filter(Boolean).join('; ');
    return ctx.put('evidence', { ...existing, ...changes, mediaIds }, 'update', summary || 'no change');
  });
}
