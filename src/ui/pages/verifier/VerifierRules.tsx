import type { PortfolioProgress } from '../../../domain';
import { RuleLine } from '../../components/RuleLine';

/** Completeness and the rules of combination as the bundle's records stand. */
export function VerifierRules({ progress }: { progress: PortfolioProgress }) {
  return (
    <section aria-labelledby="v-rules">
      <h2 id="v-rules">Completeness and rules of combination</h2>
      <p className={`verdict ${progress.award.achieved ? 'ok' : 'not-ok'}`} data-testid="verifier-verdict">
        {progress.award.achieved ? '✓ Award achieved on the signed-off units' : '✗ Award not yet achieved'} (
        {progress.achievedUnits.join(', ') || 'no units signed off'})
      </p>
      <ul className="rule-results">
        {progress.award.rules.map((r) => (
          <RuleLine key={r.ruleId} result={r} />
        ))}
      </ul>
      <h3>Checks</h3>
      <ul>
        {progress.flags.map((f, i) => (
          <li key={i}>{f.message}</li>
        ))}
      </ul>
    </section>
  );
}
