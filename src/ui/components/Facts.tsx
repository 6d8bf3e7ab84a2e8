// Facts about a thing (a bundle, a store's settings) as a description list, each term beside its value.
import type { ReactNode } from 'react';

/** A term and its value. */
export type Fact = [term: string, value: ReactNode];

export function Facts({ facts, testId }: { facts: Fact[]; testId?: string }) {
  return (
    <dl className="facts" data-testid={testId}>
      {facts.map(([term, value]) => (
        <div key={term}>
          <dt>{term}</dt>
          <dd>{value}</dd>
        </div>
      ))}
    </dl>
  );
}
