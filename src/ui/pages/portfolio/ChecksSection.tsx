import type { PortfolioProgress } from '../../../domain';
import { HeldChangesLine } from './HeldChangesLine';

/** The portfolio's flags: currency, sufficiency, authenticity and the rest; and changes held from other devices. */
export function ChecksSection({ progress, portfolioId }: { progress: PortfolioProgress; portfolioId: string }) {
  return (
    <section aria-labelledby="checks-heading">
      <h2 id="checks-heading">Checks</h2>
      {progress.flags.length === 0 ? (
        <p>✓ No issues: evidence is current, every route criterion has evidence, the declaration is signed.</p>
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
