// The units verifiers referred back, as the assessor's home and a portfolio's Checks list them.
import { openVerifierReferrals, type VerifierReferral } from '../domain';
import { db } from './db';
import { validRecords } from './read';

/** A referral with the names the screens show. */
export interface ShownReferral extends VerifierReferral {
  candidateName: string;
  verifierName: string;
}

/** Whose referrals: one portfolio's, or those of the portfolios one assessor assesses. */
export type ReferralFilter = { portfolioId: string } | { assessorId: string };

/** The open referrals `filter` picks, latest first. Only sampling decisions are validated: the rest are never read. */
export async function listVerifierReferrals(filter: ReferralFilter): Promise<ShownReferral[]> {
  const d = db();
  return d.transaction('r', [d.enrolments, d.decisions, d.people], async () => {
    const enrolments = validRecords('enrolments', await d.enrolments.toArray(), []).filter((e) =>
      'portfolioId' in filter ? e.id === filter.portfolioId : e.assessorId === filter.assessorId,
    );
    if (enrolments.length === 0) return [];
    const rows = await d.decisions
      .where('portfolioId')
      .anyOf(enrolments.map((e) => e.id))
      .filter((row: { kind?: unknown }) => row.kind === 'sample')
      .toArray();
    const people = new Map(validRecords('people', await d.people.toArray(), []).map((p) => [p.id, p.name]));
    const candidateOf = new Map(enrolments.map((e) => [e.id, e.candidateId]));
    return openVerifierReferrals(validRecords('decisions', rows, [])).map((r) => ({
      ...r,
      candidateName: people.get(candidateOf.get(r.portfolioId) ?? '') ?? 'a candidate',
      verifierName: people.get(r.decision.assessorId) ?? 'a verifier',
    }));
  });
}
