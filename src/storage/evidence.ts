// Evidence items: recorded with their media, criteria and signature in one write; edited and mapped later.
import { readRecord, type CriterionLink, type Evidence, type Signature } from '../domain';
import { newId } from './clock';
import { db } from './db';
import { StorageError } from './errors';
import { hashFiles, putMedia, type FileInput } from './media';
import { signatureFields, type NewSignature } from './signatures';
import { write, type Input } from './write';

export interface EvidenceInput {
  evidence: Input<'evidence'>;
  files?: FileInput[];
  /** criterion keys (domain criterionKey) this evidence covers */
  criteria?: Array<{ unitCode: string; criterionKey: string }>;
  signature?: NewSignature;
}

/** The fields of an evidence item that can be changed after it was saved. */
export type EvidenceDetails = Partial<
  Pick<Evidence, 'type' | 'title' | 'description' | 'date' | 'location' | 'simulation'>
>;

/** Each criterion once, in the order first given. */
export function uniqueLinks(criteria: CriterionLink[]): CriterionLink[] {
  const seen = new Set<string>();
  return criteria.filter((c) => !seen.has(c.criterionKey) && seen.add(c.criterionKey));
}

/** Inside a write: the live evidence item of this portfolio as stored now, or a clear refusal. */
export async function storedEvidence(portfolioId: string, evidenceId: string): Promise<Evidence> {
  const raw = await db().evidence.get(evidenceId);
  if (!raw || raw.deleted || raw.portfolioId !== portfolioId) {
    throw new StorageError('conflict', 'This evidence no longer exists on this device.');
  }
  return readRecord('evidence', raw);
}

/** Evidence with its media, criteria links and signature: one transaction. */
export async function saveEvidence({ evidence, files = [], criteria, signature }: EvidenceInput): Promise<Evidence> {
  const hashed = await hashFiles(files);
  const portfolioId = evidence.portfolioId;
  return write('the evidence', portfolioId, async (ctx) => {
    const id = evidence.id ?? newId();
    const mediaIds = [...(evidence.mediaIds ?? []), ...(await putMedia(ctx, portfolioId, id, hashed))];
    const links = criteria ? uniqueLinks(criteria) : evidence.criteria;
    const saved = await ctx.put(
      'evidence',
      { ...evidence, id, mediaIds, criteria: links },
      undefined,
      `${evidence.type} ${evidence.title}`,
    );
    if (signature) {
      await ctx.put('signatures', signatureFields(signature, portfolioId, 'evidence', id));
    }
    return saved;
  });
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

/**
 * Changes an evidence item's details and attaches further media: one transaction, one audited change. Its
 * criteria, media already attached and signatures are kept: they are read inside the transaction, never taken
 * from the caller (saveEvidence, given an id, would replace mediaIds and criteria with what it is passed).
 */
export async function updateEvidenceDetails(
  portfolioId: string,
  evidenceId: string,
  details: EvidenceDetails,
  files: FileInput[] = [],
): Promise<Evidence> {
  const hashed = await hashFiles(files);
  return write('the evidence', portfolioId, async (ctx) => {
    const existing = await storedEvidence(portfolioId, evidenceId);
    const changes = Object.fromEntries(Object.entries(details).filter(([, v]) => v !== undefined)) as EvidenceDetails;
    const changed = (Object.keys(changes) as Array<keyof EvidenceDetails>).filter((k) => changes[k] !== existing[k]);
    const mediaIds = [...existing.mediaIds, ...(await putMedia(ctx, portfolioId, evidenceId, hashed))];
    const summary = [
      changed.length > 0 ? `changed ${changed.join(', ')}` : '',
      hashed.length > 0 ? `+${hashed.length} media` : '',
    ]
      .filter(Boolean)
      .join('; ');
    return ctx.put('evidence', { ...existing, ...changes, mediaIds }, 'update', summary || 'no change');
  });
}

/** Deletes an evidence item and its media (tombstones: they travel, and its index number is kept). */
export async function deleteEvidence(portfolioId: string, evidenceId: string): Promise<void> {
  return write('the deletion', portfolioId, async (ctx) => {
    await ctx.remove('evidence', evidenceId);
    for (const m of await db().media.where('evidenceId').equals(evidenceId).toArray()) await ctx.remove('media', m.id);
  });
}

/**
 * An internal quality assurer samples one evidence item: their signature on it, dated now. It fills the index of
 * evidence's "internal verifier signature and date of sampling" column.
 */
export async function signEvidenceSample(
  portfolioId: string,
  evidenceId: string,
  signature: NewSignature,
): Promise<Signature> {
  return write('the sampling signature', portfolioId, async (ctx) => {
    await storedEvidence(portfolioId, evidenceId);
    const fields = signatureFields(signature, portfolioId, 'evidence', evidenceId);
    return ctx.put('signatures', fields, 'sign', 'sampled by the internal quality assurer');
  });
}
