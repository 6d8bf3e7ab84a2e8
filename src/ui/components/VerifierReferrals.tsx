// Units a verifier referred back (their latest sampling decision is "not yet"): open quality-assurance actions,
// shown under a portfolio's Checks and on the assessor's home screen until a later decision closes them.
import { useLiveQuery } from 'dexie-react-hooks';
import { Link } from 'react-router';
import { formatDate } from '../../domain';
import { listVerifierReferrals, type ReferralFilter, type ShownReferral } from '../../storage';
import { routes } from '../routes';

/** The open referrals `filter` picks; undefined while loading. */
export function useVerifierReferrals(filter: ReferralFilter): ShownReferral[] | undefined {
  const key = 'portfolioId' in filter ? `p:${filter.portfolioId}` : `a:${filter.assessorId}`;
  return useLiveQuery(() => listVerifierReferrals(filter), [key]);
}

/** One line per referred-back unit, linked to the unit page; `withCandidate` names the candidate (home screen). */
export function VerifierReferrals({
  referrals,
  withCandidate,
}: {
  referrals: ShownReferral[];
  withCandidate: boolean;
}) {
  return (
    <ul className="flags" data-testid="verifier-referrals">
      {referrals.map(({ portfolioId, unitCode, decision, candidateName, verifierName }) => (
        <li key={decision.id} data-flag="referral">
          <strong>Referred back:</strong>{' '}
          <Link to={routes.unit(portfolioId, unitCode)}>
            {withCandidate ? `${candidateName}, unit ${unitCode}` : `Unit ${unitCode}`}
          </Link>{' '}
          by {verifierName} on {formatDate(decision.date)}
          {decision.comments ? ` — “${decision.comments}”` : ''}. Act on it, then send the portfolio back to be sampled
          again.
        </li>
      ))}
    </ul>
  );
}

/** The assessor's home: the units verifiers referred back in the portfolios they assess (nothing when none). */
export function AssessorReferrals({ assessorId }: { assessorId: string }) {
  const referrals = useVerifierReferrals({ assessorId });
  if (!referrals || referrals.length === 0) return null;
  return (
    <section aria-labelledby="referrals-heading">
      <h2 id="referrals-heading">Referred back by verifiers ({referrals.length})</h2>
      <VerifierReferrals referrals={referrals} withCandidate />
    </section>
  );
}
