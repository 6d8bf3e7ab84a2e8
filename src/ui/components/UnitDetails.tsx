import type { Unit } from '../../domain';

/** A unit's content as the seed gives it: outcomes with criteria, knowledge, evidence requirements. */
export function UnitDetails({ unit }: { unit: Unit }) {
  return (
    <details className="unit-details">
      <summary>
        <span className="code">{unit.code}</span> {unit.title}
      </summary>
      {unit.summary && <p className="summary">{unit.summary}</p>}
      {unit.outcomes.map((o) => (
        <section key={o.id} className="outcome">
          <h4>
            {o.kind === 'performance-group' ? '' : `${o.id} `}
            {o.title}
          </h4>
          {o.criteria.length > 0 && (
            <ol className="criteria">
              {o.criteria.map((c) => (
                <li key={c.id}>
                  <span className="crit-id">{c.id}</span> {c.text}
                </li>
              ))}
            </ol>
          )}
        </section>
      ))}
      {unit.knowledge && unit.knowledge.length > 0 && (
        <section className="outcome">
          <h4>Knowledge and understanding</h4>
          <ol className="criteria">
            {unit.knowledge.map((k) => (
              <li key={k.id}>
                <span className="crit-id">K{k.id}</span> {k.text}
              </li>
            ))}
          </ol>
        </section>
      )}
      {unit.evidenceRequirements && unit.evidenceRequirements.length > 0 && (
        <section className="outcome">
          <h4>Evidence requirements</h4>
          {unit.evidenceRequirements.map((p, i) => (
            <p key={i} className="pre-line">
              {p}
            </p>
          ))}
        </section>
      )}
      <p className="meta">Source: {unit.source.section}</p>
    </details>
  );
}
