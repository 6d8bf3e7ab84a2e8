import { useMemo, useState } from 'react';
import { Link, useParams } from 'react-router';
import { computeProgress, unitFacts } from '../../domain';
import { recordCriterionDecision, todayIso } from '../../storage';
import { useActingPersonId, usePortfolio } from '../data/hooks';
import { usePortfolioRoutes, useReadOnly } from '../data/openedPortfolio';
import { CriterionEvidence } from './unit/CriterionEvidence';
import { SignOffSection } from './unit/SignOffSection';

/** A unit: each criterion with all its evidence, and the assessor's sign-off. */
export function UnitPage() {
  const { portfolioId, unitCode } = useParams();
  const data = usePortfolio(portfolioId);
  const acting = useActingPersonId();
  const links = usePortfolioRoutes();
  const readOnly = useReadOnly();
  const progress = useMemo(() => (data?.spec ? computeProgress(data.spec, data, todayIso()) : null), [data]);
  const [error, setError] = useState<string | null>(null);
  if (data === undefined) return <p role="status">Loading…</p>;
  const unit = data?.spec?.units.find((u) => u.code === unitCode);
  if (!data || !unit || !progress)
    return <p className="alert">This unit is not part of the portfolio's qualification.</p>;
  const up = progress.units.find((u) => u.unit.code === unit.code);
  const evidenceById = new Map(data.evidence.map((e) => [e.id, e]));
  const person = (id: string | null | undefined) => data.people.find((p) => p.id === id);
  // A read-only portfolio (a verifier's opened bundle) is judged and signed off by nobody here.
  const actingPerson = readOnly ? undefined : person(acting);
  const canAssess = actingPerson?.roles.includes('assessor');
  const fail = (e: Error) => setError(e.message);
  const judge = (criterionKey: string, outcome: 'met' | 'not-yet') =>
    void recordCriterionDecision({
      portfolioId: data.enrolment.id,
      unitCode: unit.code,
      criterionKey,
      outcome,
      assessorId: acting!,
      date: todayIso(),
    }).catch(fail);

  return (
    <article>
      <p className="breadcrumb">
        <Link to={links.portfolio(data.enrolment.id)}>Portfolio</Link> ›
      </p>
      <h1>
        {unit.code} {unit.title}
      </h1>
      <p className="meta">
        {unitFacts({ level: unit.level, credits: unit.credits })} · coverage {up ? Math.round(up.coverage * 100) : 0}%
      </p>
      {error && (
        <p className="alert" role="alert">
          {error}
        </p>
      )}
      <section aria-labelledby="criteria-heading">
        <h2 id="criteria-heading">Criteria and their evidence</h2>
        <ol className="criteria-evidence">
          {(up?.criteria ?? []).map((c) => (
            <CriterionEvidence
              key={c.ref.key}
              criterion={c}
              portfolioId={data.enrolment.id}
              evidenceById={evidenceById}
              assessorName={(id) => person(id)?.name}
              onJudge={canAssess ? (outcome) => judge(c.ref.key, outcome) : undefined}
            />
          ))}
        </ol>
        {up === undefined && <p>No evidence is mapped to this unit yet and it is not in the route.</p>}
      </section>
      <SignOffSection
        portfolioId={data.enrolment.id}
        unitCode={unit.code}
        progress={up}
        acting={actingPerson}
        candidateId={data.enrolment.candidateId}
        personName={(id) => person(id)?.name}
        onError={fail}
      />
    </article>
  );
}
