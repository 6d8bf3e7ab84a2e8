import { use, useId } from 'react';
import { Link, useParams } from 'react-router';
import { describeRule, type QualificationSpec } from '../../domain';
import { loadBundledSpecs } from '../data/bundledSpecs';
import { useStoredSpecs } from '../data/hooks';
import { frameworkText, orDash, qualificationNumbersText } from '../format';
import { UnitDetails } from '../components/UnitDetails';
import { WhatIfPanel } from '../components/WhatIfPanel';
import { routes } from '../routes';

export function SpecPage() {
  const { specId } = useParams();
  const { specs } = use(loadBundledSpecs());
  const stored = useStoredSpecs();
  const spec = specs.find((s) => s.id === specId) ?? stored?.find((s) => s.id === specId);
  if (!spec && stored === undefined) return <p role="status">Loading…</p>;
  if (!spec) {
    return (
      <section>
        <h1>Qualification not found</h1>
        <p>
          No bundled qualification has the id “{specId}”.{' '}
          <Link to={routes.qualifications()}>See all qualifications</Link>.
        </p>
      </section>
    );
  }
  return (
    <article className="spec-page">
      <p className="breadcrumb">
        <Link to={routes.qualifications()}>Qualifications</Link> ›
      </p>
      <h1>{spec.title}</h1>
      <SpecFacts spec={spec} />
      <div className="spec-layout">
        <div className="spec-main">
          {spec.rules.length > 0 && <RulesSection spec={spec} />}
          <UnitsSection spec={spec} />
          {spec.notes && spec.notes.length > 0 && (
            <details className="notes">
              <summary>Transcription notes ({spec.notes.length})</summary>
              <ul>
                {spec.notes.map((n, i) => (
                  <li key={i}>{n}</li>
                ))}
              </ul>
            </details>
          )}
        </div>
        {spec.rules.length > 0 ? (
          <WhatIfPanel spec={spec} />
        ) : (
          <aside className="what-if" aria-label="What if">
            <h2>What if</h2>
            <p>This is a bank of units with no rules of combination, so there is no award to check.</p>
          </aside>
        )}
      </div>
    </article>
  );
}

function SpecFacts({ spec }: { spec: QualificationSpec }) {
  return (
    <dl className="facts">
      <div>
        <dt>Awarding body</dt>
        <dd>{spec.awardingBody}</dd>
      </div>
      <div>
        <dt>Framework and level</dt>
        <dd>{frameworkText(spec)}</dd>
      </div>
      {spec.qualificationNumbers.length > 0 && (
        <div>
          <dt>Numbers</dt>
          <dd>{qualificationNumbersText(spec)}</dd>
        </div>
      )}
      <div>
        <dt>Credits</dt>
        <dd>{orDash(spec.credits)}</dd>
      </div>
      <div>
        <dt>TQT</dt>
        <dd>{orDash(spec.tqt)}</dd>
      </div>
      <div>
        <dt>GLH</dt>
        <dd>{orDash(spec.glh)}</dd>
      </div>
      <div>
        <dt>Spec version</dt>
        <dd>{spec.version}</dd>
      </div>
      <div>
        <dt>Source</dt>
        <dd>{spec.source.section}</dd>
      </div>
    </dl>
  );
}

function RulesSection({ spec }: { spec: QualificationSpec }) {
  return (
    <section aria-labelledby="rules-heading">
      <h2 id="rules-heading">Rules of combination</h2>
      <ol className="rules">
        {spec.rules.map((rule) => (
          <li key={rule.id}>
            <strong>{describeRule(spec, rule)}</strong>
            {rule.text && <span className="seed-words"> — “{rule.text}”</span>}
          </li>
        ))}
      </ol>
    </section>
  );
}

function UnitsSection({ spec }: { spec: QualificationSpec }) {
  const headingId = useId();
  const groups = spec.groups.length > 0 ? spec.groups : [null];
  return (
    <section aria-labelledby={headingId}>
      <h2 id={headingId}>Units</h2>
      {groups.map((group) => {
        const units = spec.units.filter((u) => u.group === (group?.id ?? null));
        return (
          <section key={group?.id ?? 'all'} className="group">
            {group && (
              <h3>
                {group.id.length <= 3 ? `Group ${group.id}: ` : ''}
                {group.title} <span className="tag">{group.kind}</span>
              </h3>
            )}
            {/* Focusable so keyboard users can scroll a wide table at 360 px. */}
            <div
              className="table-scroll"
              tabIndex={0}
              role="region"
              aria-label={`Units${group ? ` of ${group.title}` : ''}`}
            >
              <table className="units-table">
                <caption className="visually-hidden">Units{group ? ` of ${group.title}` : ''}</caption>
                <thead>
                  <tr>
                    <th scope="col">Code</th>
                    <th scope="col">Title</th>
                    <th scope="col">Level</th>
                    <th scope="col">Credits</th>
                    <th scope="col">GLH</th>
                  </tr>
                </thead>
                <tbody>
                  {units.map((u) => (
                    <tr key={u.code}>
                      <th scope="row">{u.code}</th>
                      <td>
                        {u.title}
                        {u.referenceNumber && <span className="meta"> ({u.referenceNumber})</span>}
                      </td>
                      <td>{orDash(u.level)}</td>
                      <td>{orDash(u.credits)}</td>
                      <td>{orDash(u.glh)}</td>
                    </tr>
                  ))}
                </tbody>
              </table>
            </div>
            {units.map((u) => (
              <UnitDetails key={u.code} unit={u} />
            ))}
          </section>
        );
      })}
    </section>
  );
}
