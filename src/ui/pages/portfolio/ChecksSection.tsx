import type { PortfolioProgress } from '../../../domain';
import { HeldChangesLine } from './HeldChangesLine';
import { useVerifierReferrals, VerifierReferrals } from '../../components/VerifierReferrals';

/**
 * The portfolio's flags: currency, sufficiency, authenticity and the rest; units verifiers referred back; and
 * changes held from other devices.
 */
export function ChecksSection({ progress, portfolioId }: { progress: PortfolioProgress; portfolioId: string }) {
  const referrals = useVerifierReferrals({ portfolioId }) ?? [];
  return (
    <section aria-labelledby="checks-heading">
      <h2 id="checks-heading">Checks</h2>
      {referrals.length > 0 && <VerifierReferrals referrals={referrals} withCandidate={false} />}
      {progress.flags.length === 0 ? (
        referrals.length === 0 && (
          <p>✓ No issues: evidence is current, every route criterion has evidence, the declaration is signed.</p>
        )
      ) : (
        <ul className="flags" data-testid="flags">
          {progress.flags.map((f, i) => (
            <li key={i} data-flag={f.kind}>
              <strong>{FLAG_LABELS[f.kind]}:</strong> {f.message}
            </li>
          ))}
        </ul>
      )}
      <HeldChangesLine portfolioId={portfolioId} />
    </section>
  );
}

const FLAG_LABELS = {
  currency: 'Currency',
  sufficiency: 'Sufficiency',
  authenticity: 'Authenticity',
  simulation: 'Simulation',
  countersign: 'Countersigning',
  route: 'Route',
} as const;
