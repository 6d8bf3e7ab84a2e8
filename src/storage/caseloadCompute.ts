// Working out caseload summaries from a portfolio's records and its spec (domain summarisePortfolio). Loaded only
// when a summary is stale (refreshCaseloadSummaries in caseload.ts imports it on demand), so the progress, rules
// and spec code stays out of the home screen's start: a caseload whose summaries hold never loads it.
import { summarisePortfolio } from '../domain';
import { stampOf, STAMP_TABLES, storeSummaries, type StoredSummary } from './caseloadStamp';
import { db } from './db';
import { portfolioRecords, validRecords } from './read';
import { loadStoredSpec } from './specs';

const SUMMARY_TABLES = ['enrolments', 'people', 'evidence', 'decisions', 'signatures', ...STAMP_TABLES];

/** The summary of a portfolio whose spec cannot be used, saying why. */
async function specProblem(e: { specId: string; specVersion: string }, stamp: string): Promise<StoredSummary> {
  const specStored = (await db().specs.get([e.specId, e.specVersion])) !== undefined;
  const problem = specStored
    ? `The qualification ${e.specId} version ${e.specVersion} on this device could not be read.`
    : `The qualification ${e.specId} version ${e.specVersion} is not on this device.`;
  return { stamp, summary: null, problem, specStored };
}

/** Works out one portfolio's summary from its records, with the stamp of what it read (one read transaction). */
async function computeSummary(portfolioId: string): Promise<StoredSummary | null> {
  const d = db();
  return d.transaction('r', SUMMARY_TABLES, async () => {
    const raw = await d.enrolments.get(portfolioId);
    if (!raw || raw.deleted) return null;
    const [enrolment] = validRecords('enrolments', [raw], []);
    if (!enrolment) return null;
    const [stamp, people, evidence, decisions, signatures] = await Promise.all([
      stampOf(enrolment),
      d.people.toArray().then((rows) => validRecords('people', rows, [])),
      portfolioRecords('evidence', portfolioId),
      portfolioRecords('decisions', portfolioId),
      portfolioRecords('signatures', portfolioId),
    ]);
    const spec = await loadStoredSpec(enrolment.specId, enrolment.specVersion).catch(() => null);
    if (!spec) return specProblem(enrolment, stamp);
    const mappings = evidence.flatMap((e) =>
      e.criteria.map((c) => ({ id: `${e.id}|${c.criterionKey}`, portfolioId, evidenceId: e.id, ...c, deleted: false })),
    );
    const input = { enrolment, people, evidence, mappings, decisions, signatures };
    const summary = summarisePortfolio(spec, input);
    return { stamp, summary, problem: null };
  });
}

/** How long summaries are worked out before they are stored (each store re-runs the caseload's live query). */
const FLUSH_MS = 100;

/** Works out and stores the summaries of `portfolioIds`, a batch at a time so the home screen fills in as they come. */
export async function computeAndStoreSummaries(portfolioIds: readonly string[]): Promise<void> {
  let batch: Array<[string, StoredSummary]> = [];
  let since = performance.now();
  for (const id of portfolioIds) {
    const stored = await computeSummary(id);
    if (stored) batch.push([id, stored]);
    if (performance.now() - since > FLUSH_MS) {
      await storeSummaries(batch);
      batch = [];
      since = performance.now();
    }
  }
  if (batch.length > 0) await storeSummaries(batch);
}
