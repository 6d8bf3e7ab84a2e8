// Units a verifier (IQA or EQA) referred back to the assessor: the open quality-assurance actions of a portfolio.
import type { Decision } from '../records';
import { compareCodePoints } from '../order';

/** A unit whose latest sampling decision refers it back to the assessor. */
export interface VerifierReferral {
  portfolioId: string;
  unitCode: string;
  /** The sampling decision that referred the unit back (its verifier is `assessorId`, its reason `comments`). */
  decision: Decision;
}

/** Later first: by the decision's date, then when it was recorded, then id (so the order is total). */
const laterFirst = (a: Decision, b: Decision) =>
  compareCodePoints(b.date, a.date) || compareCodePoints(b.createdAt, a.createdAt) || compareCodePoints(b.id, a.id);

/**
 * The units referred back and still open: for each portfolio and unit, the latest live sampling decision, when it is
 * "not yet". A later sampling decision (a verifier agreeing after the assessor's rework) closes the referral; a
 * withdrawn (deleted) one never counts.
 */
export function openVerifierReferrals(decisions: readonly Decision[]): VerifierReferral[] {
  const latest = new Map<string, Decision>();
  for (const d of decisions) {
    if (d.kind !== 'sample' || d.deleted) continue;
    const key = `${d.portfolioId}\u0000${d.unitCode}`;
    const seen = latest.get(key);
    if (!seen || laterFirst(d, seen) < 0) latest.set(key, d);
  }
  return [...latest.values()]
    .filter((d) => d.outcome === 'not-yet')
    .sort(laterFirst)
    .map((d) => ({ portfolioId: d.portfolioId, unitCode: d.unitCode, decision: d }));
}
