import { use } from 'react';
import { Link } from 'react-router';
import { loadBundledSpecs } from '../data/bundledSpecs';
import { SpecErrors } from '../components/SpecErrors';
import { qualificationNumbersText, frameworkText } from '../format';

export function SpecListPage() {
  const { specs, errors } = use(loadBundledSpecs());
  return (
    <section>
      <h1>Qualifications</h1>
      <p className="lead">
        Every qualification bundled with Fieldfolio, transcribed from the awarding bodies' specifications. Open one
        to see its units, criteria and rules of combination, and try a route in the “what if” panel.
      </p>
      <SpecErrors errors={errors} />
      <ul className="card-list" aria-label="Bundled qualifications">
        {specs.map((spec) => (
          <li key={spec.id} className="card">
            <h2>
              <Link to={`/qualifications/${spec.id}`}>{spec.title}</Link>
            </h2>
            <p className="meta">
              {spec.awardingBody} · {frameworkText(spec)}
              {spec.kind === 'unit-bank' ? ' · unit bank (no award rules)' : ''}
            </p>
            <p className="meta">
              {spec.units.length} units
              {spec.credits !== null ? ` · ${spec.credits} credits` : ''}
              {spec.glh !== null ? ` · ${spec.glh} GLH` : ''}
              {spec.tqt !== null ? ` · TQT ${spec.tqt}` : ''}
              {spec.qualificationNumbers.length > 0 ? ` · ${qualificationNumbersText(spec)}` : ''}
            </p>
          </li>
        ))}
      </ul>
    </section>
  );
}
