// The portfolio's recording forms (seed 001, Section 4), by type: the ones filled in, and the ones made from records.
import { Link, useParams } from 'react-router';
import { candidateNameOf, compareCodePoints, FORM_DEFINITIONS, formatDateTime } from '../../domain';
import { usePortfolio } from '../data/hooks';
import { GENERATED_VIEWS } from './GeneratedFormPage';
import './forms.css';
import { usePortfolioRoutes, useReadOnly } from '../data/openedPortfolio';

export function FormsPage() {
  const { portfolioId } = useParams();
  const data = usePortfolio(portfolioId);
  const routes = usePortfolioRoutes();
  const readOnly = useReadOnly();
  if (data === undefined) return <p role="status">Loading…</p>;
  if (data === null || (!portfolioId && !readOnly))
    return <p className="alert">No portfolio with this id on this device.</p>;
  const typed = FORM_DEFINITIONS.filter((d) => !d.generated);
  const generated = FORM_DEFINITIONS.filter((d) => GENERATED_VIEWS.includes(d.type));
  const candidate = candidateNameOf(data);
  const id = data.enrolment.id;

  return (
    <article className="forms-page">
      <p className="breadcrumb">
        <Link to={routes.portfolio(id)}>Portfolio</Link> ›
      </p>
      <h1>Recording forms{candidate ? `: ${candidate}` : ''}</h1>
      <p className="lead">
        The recording forms of the Edexcel SVQ sector guidance, filled in on this device and printable in the guidance’s
        layout.
      </p>

      <section aria-labelledby="generated-heading">
        <h2 id="generated-heading">Made from your records</h2>
        <p className="meta">Never typed: these follow your evidence, its links to criteria and the unit sign-offs.</p>
        <ul className="form-links">
          {generated.map((d) => (
            <li key={d.type}>
              <Link to={routes.generatedForm(id, d.type)}>{d.title}</Link>
              {d.grid && <span className="meta"> (all units)</span>}
            </li>
          ))}
        </ul>
      </section>

      <section aria-labelledby="typed-heading">
        <h2 id="typed-heading">Forms you fill in</h2>
        <ul className="form-types">
          {typed.map((d) => {
            const forms = data.forms
              .filter((f) => f.formType === d.type)
              .sort((a, b) => compareCodePoints(b.updatedAt, a.updatedAt));
            const headingId = `forms-${d.type}`;
            return (
              <li key={d.type} className="card">
                <h3 id={headingId}>{d.title}</h3>
                {forms.length === 0 ? (
                  <p className="meta">None yet.</p>
                ) : (
                  <ul className="form-list">
                    {forms.map((f) => (
                      <li key={f.id}>
                        <Link to={routes.form(id, f.id)}>{f.title || d.title}</Link>{' '}
                        <span className="tag">{f.status === 'complete' ? 'complete' : 'draft'}</span>{' '}
                        <span className="meta">saved {formatDateTime(f.updatedAt)}</span>
                      </li>
                    ))}
                  </ul>
                )}
                {!readOnly && (
                  <Link className="button secondary" to={routes.newForm(id, d.type)}>
                    New {d.title.charAt(0).toLowerCase() + d.title.slice(1)}
                  </Link>
                )}
              </li>
            );
          })}
        </ul>
      </section>
    </article>
  );
}
