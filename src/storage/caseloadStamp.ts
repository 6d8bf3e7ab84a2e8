// What a stored caseload summary was worked out from, and reading one back. Shared by the home screen's read
// (caseload.ts) and the summaries' working out (caseloadCompute.ts, loaded only when one is stale).
//
// A summary's stamp: the summary format, the database version, the enrolment's revision and the portfolio's last
// entry in the change sequence (changes.ts). Every committed change to a travelling record — a save through
// write.ts, a deletion (tombstone) or its undo, a merge of an imported bundle or of a sync pull, a held change
// applied, a conflict resolved — appends an entry for its portfolio in the same transaction, with a seq that only
// grows: so any change to what a summary reads (evidence, decisions, signatures, the enrolment) moves its stamp,
// and the stamp is one index read rather than a count per table. People are not in a portfolio's sequence (they
// are shared): the one thing a summary reads of them, assessors' status, is checked beside the stamp (holds()).
// A path that changed a portfolio's records without noting a change would leave its summary stale: call
// forgetCaseloadSummary(portfolioId) there. Pruning the change sequence must keep each portfolio's last entry.
import { readSummary, SUMMARY_FORMAT, type Enrolment, type PortfolioSummary } from '../domain';
import { db } from './db';

export interface StoredSummary {
  stamp: string;
  summary: PortfolioSummary | null;
  problem: string | null;
  /** For a problem summary: whether the spec was on the device (a spec arriving later makes it stale). */
  specStored?: boolean;
}

/** "At this device stamp, these portfolios' stored summaries were all good." */
export interface CaseloadCheck {
  deviceStamp: string;
  fresh: string[];
}

/**
 * Every stored summary in one settings row, with the last check: the home screen reads one row, not one per
 * portfolio (each row read is also a range the live query watches). Refreshes merge into it in a transaction.
 */
const CACHE_KEY = 'caseloadSummaries';

interface SummaryCache {
  check: CaseloadCheck | null;
  summaries: Record<string, unknown>;
}

export const specKeyOf = (e: Pick<Enrolment, 'specId' | 'specVersion'>) => `${e.specId}@${e.specVersion}`;

/** The tables a stamp reads, beside the enrolments and settings. */
export const STAMP_TABLES = ['changes', 'specs'] as const;

/** The seq of a portfolio's last change (0: none yet). */
async function lastSeqOf(portfolioId: string): Promise<number> {
  const key = await db()
    .changes.where('[portfolioId+seq]')
    .between([portfolioId, 0], [portfolioId, Infinity], true, true)
    .lastKey();
  return Array.isArray(key) ? Number(key[1]) : 0;
}

export async function stampOf(enrolment: Enrolment): Promise<string> {
  return [SUMMARY_FORMAT, db().verno, enrolment.rev, enrolment.updatedAt, await lastSeqOf(enrolment.id)].join('|');
}

/**
 * The device-wide stamp: the last seq of the whole change sequence (one read, not one per portfolio), the specs on
 * the device and every enrolment's revision. While it is unchanged no portfolio's stamp can have moved, so
 * summaries confirmed at it need no checking one by one.
 */
export async function deviceStampOf(enrolments: readonly Enrolment[]): Promise<string> {
  const [lastSeq, specs] = await Promise.all([db().changes.orderBy('seq').lastKey(), db().specs.count()]);
  const revisions = enrolments.map((e) => `${e.id}:${e.rev}:${e.updatedAt}`);
  return [SUMMARY_FORMAT, db().verno, lastSeq ?? 0, specs, ...revisions].join('|');
}

async function readCache(): Promise<SummaryCache> {
  const value = (await db().settings.get(CACHE_KEY))?.value as Partial<SummaryCache> | undefined;
  const check = value?.check;
  return {
    check: typeof check?.deviceStamp === 'string' && Array.isArray(check.fresh) ? check : null,
    summaries: typeof value?.summaries === 'object' && value.summaries !== null ? value.summaries : {},
  };
}

/** A stored summary as read back, or null when it is missing or damaged (then worked out again, never shown broken). */
function readStored(value: unknown): StoredSummary | null {
  const row = value as Partial<StoredSummary> | null | undefined;
  if (!row || typeof row.stamp !== 'string') return null;
  const summary = row.summary == null ? null : readSummary(row.summary);
  if (row.summary != null && !summary) return null;
  if (!summary && typeof row.problem !== 'string') return null;
  return {
    stamp: row.stamp,
    summary,
    problem: summary ? null : (row.problem as string),
    ...(typeof row.specStored === 'boolean' ? { specStored: row.specStored } : {}),
  };
}

/** The stored summaries of `portfolioIds` and the last check (inside the caseload's read transaction). */
export async function readSummaries(portfolioIds: readonly string[]) {
  const cache = await readCache();
  const summaries = new Map(portfolioIds.map((id) => [id, readStored(cache.summaries[id])]));
  return { check: cache.check, summaries };
}

/** Changes the stored cache in one read-write transaction (so two refreshes never drop each other's summaries). */
async function changeCache(change: (cache: SummaryCache) => void): Promise<void> {
  const d = db();
  await d.transaction('rw', d.settings, async () => {
    const cache = await readCache();
    change(cache);
    await d.settings.put({ key: CACHE_KEY, value: cache });
  });
}

export const storeSummaries = (entries: ReadonlyArray<readonly [string, StoredSummary]>) =>
  changeCache((cache) => entries.forEach(([id, stored]) => (cache.summaries[id] = stored)));

export const storeCheck = (check: CaseloadCheck) => changeCache((cache) => (cache.check = check));

export const dropSummary = (portfolioId: string) => changeCache((cache) => delete cache.summaries[portfolioId]);
