import type { PortfolioProgress } from '../../../domain';
import { RuleLine } from '../../components/RuleLine';

/** The award verdict on the signed-off units, rule by rule, and what is still missing. */
export function AwardSection({ progress }: { progress: PortfolioProgress }) {
  const { award, plan } = progress;
  return (
    <section aria-labelledby="award-heading">
      <h2 id="award-heading">Rules of combination</h2>
      <p className={`verdict ${award.achieved ? 'ok' : 'not-ok'}`} data-testid="award-verdict">
        {award.achieved ? '✓ Award achieved' : '✗ Award not yet achieved'}{' '}
        <span className="meta">(signed-off units: {progress.achievedUnits.join(', ') || 'none'})</span>
      </p>
      <ul className="rule-results">
        {award.rules.map((r) => (
          <RuleLine key={r.ruleId} result={r} />
        ))}
      </ul>
      {!award.achieved && (
        <p data-testid="still-missing">
          <strong>Still missing:</strong>{' '}
          {plan.possible
            ? `sign off ${plan.addUnits.length} more unit${plan.addUnits.length === 1 ? '' : 's'}: ${plan.addUnits.join(', ')}`
            : 'no choice of units can achieve the award'}
        </p>
      )}
    </section>
  );
}
