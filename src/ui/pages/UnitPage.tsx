import { useMemo, useState } from 'react';
import { Link, useParams } from 'react-router';
import { computeProgress } from '../../domain';
import { countersign, recordCriterionDecision, signOffUnit, todayIso, withdrawDecision } from '../../storage';
import { useActingPersonId, usePortfolio } from '../data/hooks';
import { SignatureField, type SignatureValue } from '../capture/SignatureField';
import { routes } from '../routes';

/** A unit: each criterion with all its evidence, and the assessor's sign-off. */
export function UnitPage() {
  const { portfolioId, unitCode } = useParams();
  const data = usePortfolio(portfolioId);
  const acting = useActingPersonId();
  const progress = useMemo(() => (data?.spec ? computeProgress(data.spec, data, todayIso()) : null), [data]);
  const [assessorSig, setAssessorSig] = useState<SignatureValue | null>(null);
  const [candidateSig, setCandidateSig] = useState<SignatureValue | null>(null);
  const [counterSig, setCounterSig] = useState<SignatureValue | null>(null);
  const [error, setError] = useState<string | null>(null);
  if (data === undefined) return <p role="status">Loading…</p>;
  const unit = data?.spec?.units.find((u) => u.code === unitCode);
  if (!data || !unit || !progress) return <p className="alert">This unit is not part of the portfolio's qualification.</p>;
  const up = progress.units.find((u) => u.unit.code === unit.code);
  const evidenceById = new Map(data.evidence.map((e) => [e.id, e]));
  const person = (id: string | null | undefined) => data.people.find((p) => p.id === id);
  const actingPerson = person(acting);
  const canAssess = actingPerson?.roles.includes('assessor');
  const canCountersign = canAssess && actingPerson?.assessorStatus === 'qualified' && up?.signOff?.assessorId !== acting;
  const fail = (e: Error) => setError(e.message);
  const unmapped = up ? up.criteria.filter((c) => c.evidenceIds.length === 0).length : 0;
  const judge = (criterionKey: string, outcome: 'met' | 'not-yet') =>
    void recordCriterionDecision({ portfolioId: data.enrolment.id, unitCode: unit.code, criterionKey, outcome, assessorId: acting!, date: todayIso() }).catch(fail);

  return (
    <article>
      <p className="breadcrumb">
        <Link to={routes.portfolio(data.enrolment.id)}>Portfolio</Link> ›
      </p>
      <h1>
        {unit.code} {unit.title}
      </h1>
      <p className="meta">
        Level {unit.level ?? '—'} · {unit.credits ?? '—'} credits · coverage {up ? Math.round(up.coverage * 100) : 0}%
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
            <li key={c.ref.key} data-criterion={c.ref.key}>
              <strong>{c.ref.label}</strong> {c.ref.text}
              <div className="judgement">
                {c.decision && (
                  <span className={`tag ${c.decision.outcome}`} data-testid={`judgement-${c.ref.key}`}>
                    {c.decision.outcome === 'met' ? '✓ Met' : 'Not yet'} · {c.decision.date} ·{' '}
                    {person(c.decision.assessorId)?.name}
                  </span>
                )}
                {canAssess && (
                  <>
                    {' '}
                    <button type="button" className="secondary small" onClick={() => judge(c.ref.key, 'met')}>
                      Met<span className="visually-hidden"> {c.ref.label}</span>
                    </button>{' '}
                    <button type="button" className="secondary small" onClick={() => judge(c.ref.key, 'not-yet')}>
                      Not yet<span className="visually-hidden"> {c.ref.label}</span>
                    </button>
                  </>
                )}
              </div>
              {c.evidenceIds.length === 0 ? (
                <p className="meta">No evidence yet.</p>
              ) : (
                <ul>
                  {c.evidenceIds.map((id) => (
                    <li key={id}>
                      <Link to={routes.evidence(data.enrolment.id, id)}>{evidenceById.get(id)?.title}</Link>{' '}
                      <span className="tag">{evidenceById.get(id)?.type}</span> <span className="meta">{evidenceById.get(id)?.date}</span>
                    </li>
                  ))}
                </ul>
              )}
            </li>
          ))}
        </ol>
        {up === undefined && <p>No evidence is mapped to this unit yet and it is not in the route.</p>}
      </section>
      <section aria-labelledby="signoff-heading">
        <h2 id="signoff-heading">Unit sign-off</h2>
        {up?.signOff ? (
          <>
            <p data-testid="signoff-status">
              {up.achieved ? '✓ ' : ''}Signed off on {up.signOff.date} by {person(up.signOff.assessorId)?.name ?? 'an assessor'}
              {up.signOff.countersignedBy && `, countersigned by ${person(up.signOff.countersignedBy)?.name ?? 'a qualified assessor'}`}
              {up.awaitingCountersignature && ' — awaiting countersignature by a qualified assessor'}
            </p>
            {up.awaitingCountersignature &&
              (canCountersign ? (
                <>
                  <SignatureField label="Countersignature" defaultName={actingPerson?.name} defaultRole="Qualified assessor" value={counterSig} onChange={setCounterSig} required />
                  <button type="button" disabled={!counterSig} onClick={() => counterSig && void countersign(up.signOff!, acting!, { ...counterSig, personId: acting! }).catch(fail)}>
                    Countersign
                  </button>
                </>
              ) : (
                <p className="meta">A qualified assessor (other than the one who signed) must be acting to countersign.</p>
              ))}
            {canAssess && (
              <button type="button" className="secondary" onClick={() => void withdrawDecision(up.signOff!).catch(fail)}>
                Withdraw sign-off
              </button>
            )}
          </>
        ) : canAssess ? (
          <>
            {up && (unmapped > 0 || up.notYet > 0) && (
              <p className="alert" role="status">
                {unmapped > 0 && `${unmapped} of ${up.total} criteria have no evidence mapped yet. `}
                {up.notYet > 0 && `${up.notYet} of ${up.total} ${up.notYet === 1 ? 'criterion is' : 'criteria are'} judged “not yet”.`}
              </p>
            )}
            <SignatureField label="Assessor's signature" defaultName={actingPerson?.name} defaultRole="Assessor" value={assessorSig} onChange={setAssessorSig} required />
            <SignatureField label="Candidate's signature" defaultName={person(data.enrolment.candidateId)?.name} defaultRole="Candidate" value={candidateSig} onChange={setCandidateSig} />
            <button
              type="button"
              disabled={!assessorSig}
              onClick={() =>
                assessorSig &&
                void signOffUnit({
                  portfolioId: data.enrolment.id,
                  unitCode: unit.code,
                  assessorId: acting!,
                  date: todayIso(),
                  signature: { ...assessorSig, personId: acting! },
                  candidateSignature: candidateSig ? { ...candidateSig, personId: data.enrolment.candidateId } : undefined,
                }).catch(fail)
              }
            >
              Sign off unit {unit.code}
            </button>
          </>
        ) : (
          <p className="meta">Not signed off. An assessor must be acting (choose at the top) to sign off a unit.</p>
        )}
      </section>
    </article>
  );
}
