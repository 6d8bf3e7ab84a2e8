// A whole portfolio as the screens use it: its enrolment and every live record, read in one transaction.
import {
  mappingsOf,
  readRecord,
  type Decision,
  type Enrolment,
  type Evidence,
  type FormRecord,
  type IqaDecision,
  type Mapping,
  type MediaMeta,
  type Person,
  type Signature,
  compareCodePoints,
} from '../domain';
import { db } from './db';
import { portfolioRows, validRecords } from './read';

export interface PortfolioData {
  enrolment: Enrolment;
  people: Person[];
  evidence: Evidence[];
  media: MediaMeta[];
  mappings: Mapping[];
  decisions: Decision[];
  signatures: Signature[];
  forms: FormRecord[];
  /** IQA sampling decisions on this portfolio: they fill the index of evidence's internal-verifier column. */
  iqaDecisions: IqaDecision[];
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
  return d.transaction(
    'r',
    [d.enrolments, d.people, d.evidence, d.media, d.decisions, d.signatures, d.forms, d.iqaDecisions],
    async () => {
      const raw = await d.enrolments.get(portfolioId);
      if (!raw || raw.deleted) return null;
      const problems: string[] = [];
      // Media rows: read metadata without touching blob bytes (IndexedDB returns Blob handles lazily).
      const [people, evidence, media, decisions, signatures, forms, iqaDecisions] = await Promise.all([
        d.people.toArray(),
        portfolioRows('evidence', portfolioId),
        portfolioRows('media', portfolioId),
        portfolioRows('decisions', portfolioId),
        portfolioRows('signatures', portfolioId),
        portfolioRows('forms', portfolioId),
        portfolioRows('iqaDecisions', portfolioId),
      ]);
      const liveEvidence = validRecords('evidence', evidence, problems).sort(
        (a, b) => compareCodePoints(b.date, a.date) || compareCodePoints(b.createdAt, a.createdAt),
      );
      return {
        enrolment: readRecord('enrolments', raw),
        people: validRecords('people', people, problems),
        evidence: liveEvidence,
        media: validRecords('media', media, problems),
        mappings: mappingsOf(liveEvidence),
        decisions: validRecords('decisions', decisions, problems),
        signatures: validRecords('signatures', signatures, problems),
        forms: validRecords('forms', forms, problems),
        iqaDecisions: validRecords('iqaDecisions', iqaDecisions, problems),
        evidenceTombstones: tombstones(evidence),
        problems,
      };
    },
  );
}
