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
import { portfolioSummarySchema, SUMMARY_FORMAT, type Enrolment, type PortfolioSummary } from '../domain';
import { db } from './db';

export interface StoredSummary {
  /** Unique to each write of a summary (a summary worked out again at the same stamp gets a new one). */
  writeId: string;
  stamp: string;
  summary: PortfolioSummary | null;
  problem: string | null;
  /** For a problem summary: whether the spec was on the device (a spec arriving later makes it stale). */
  specStored?: boolean;
}

export const summaryKey = (portfolioId: string) => `caseloadSummary:${portfolioId}`;
export const specKeyOf = (e: Pick<Enrolment, 'specId' | 'specVersion'>) => `${e.specId}@${e.specVersion}`;

/** The tables a stamp reads, beside the enrolments. */
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

/** Summaries already checked in this session, by write: a live query's re-run need not check them again. */
const checked = new Map<string, StoredSummary>();
const CHECKED_KEPT = 5_000;

/**
 * A stored summary as read from the settings table, or null when it is missing or damaged (then it is worked out
 * again, never shown broken). Checked with its schema once per write and session.
 */
export function readStoredSummary(key: string, value: unknown): StoredSummary | null {
  const row = value as Partial<StoredSummary> | null | undefined;
  if (!row || typeof row.stamp !== 'string' || typeof row.writeId !== 'string') return null;
  const id = `${key}|${row.writeId}`;
  const known = checked.get(id);
  if (known) return known;
  const summary = row.summary == null ? null : portfolioSummarySchema.safeParse(row.summary);
  if (summary && !summary.success) return null;
  if (!summary && typeof row.problem !== 'string') return null;
  const stored: StoredSummary = {
    writeId: row.writeId,
    stamp: row.stamp,
    summary: summary?.data ?? null,
    problem: summary ? null : (row.problem as string),
    ...(typeof row.specStored === 'boolean' ? { specStored: row.specStored } : {}),
  };
  if (checked.size >= CHECKED_KEPT) checked.clear();
  checked.set(id, stored);
  return stored;
}
