import { formatDate } from '../../../domain';
import type { usePortfolio } from '../../data/hooks';

type PortfolioData = NonNullable<ReturnType<typeof usePortfolio>>;

/** Sampling decisions of internal quality assurers and external verifiers, merged in from their bundles. */
export function QualityAssurance({ data }: { data: PortfolioData }) {
  const samples = data.decisions.filter((d) => d.kind === 'sample');
  if (samples.length === 0) return null;
  const name = (id: string) => data.people.find((p) => p.id === id)?.name ?? 'a verifier';
  return (
    <section aria-labelledby="qa-heading">
      <h2 id="qa-heading">Quality assurance</h2>
      <ul data-testid="samples">
        {samples.map((d) => (
          <li key={d.id}>
            <strong>{d.unitCode}</strong>: {d.outcome === 'met' ? 'agreed' : 'referred back'} by {name(d.assessorId)} on{' '}
            {formatDate(d.date)}
            {d.comments && ` — “${d.comments}”`}
          </li>
        ))}
      </ul>
    </section>
  );
}
