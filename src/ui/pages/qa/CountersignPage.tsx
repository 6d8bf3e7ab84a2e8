// Countersigning (seed 000, Annexe 3.3): a trainee IQA's decisions wait here for a qualified IQA, who signs each
// (storage countersignIqaDecision: their signature and the decision, one transaction). A trainee sees their own
// decisions still waiting.
import { useState } from 'react';
import { Link } from 'react-router';
import { useLiveQuery } from 'dexie-react-hooks';
import { formatDate, type IqaDecision } from '../../../domain';
import { countersignIqaDecision, decisionsAwaitingCountersignature, decisionsOfIqa } from '../../../storage';
import { SignAndSubmit } from '../../components/SignAndSubmit';
import { routes } from '../../routes';
import { QaScreen, useStaff, type Staff } from './common';

export function CountersignPage() {
  const staff = useStaff();
  const acting = staff?.acting;
  const trainee = acting?.iqaStatus === 'working-towards';
  const decisions = useLiveQuery(
    async () =>
      !acting?.roles.includes('iqa')
        ? []
        : trainee
          ? (await decisionsOfIqa(acting.id)).filter((d) => !d.countersignedBy)
          : decisionsAwaitingCountersignature(acting.id),
    [acting?.id, trainee],
  );
  const [error, setError] = useState<string | null>(null);
  if (!staff || !decisions) return <p role="status">Loading…</p>;
  return (
    <QaScreen title="Countersigning IQA decisions">
      {!acting?.roles.includes('iqa') ? (
        <p className="alert">Choose an internal quality assurer in “Acting as” to see decisions to countersign.</p>
      ) : (
        <>
          <p>
            {trainee
              ? 'You are working towards the IQA qualification: these decisions of yours wait for a qualified IQA to countersign them.'
              : 'Decisions of IQAs working towards the qualification, waiting for your countersignature.'}
          </p>
          {error && (
            <p className="alert" role="alert">
              {error}
            </p>
          )}
          {decisions.length === 0 ? (
            <p>Nothing is waiting for countersigning.</p>
          ) : (
            <ul className="card-list" aria-label="Decisions awaiting countersignature">
              {decisions.map((d) => (
                <DecisionCard
                  key={d.id}
                  decision={d}
                  staff={staff}
                  canSign={!trainee}
                  onError={(e) => setError(e.message)}
                />
              ))}
            </ul>
          )}
        </>
      )}
    </QaScreen>
  );
}

interface CardProps {
  decision: IqaDecision;
  staff: Staff;
  canSign: boolean;
  onError: (e: Error) => void;
}

function DecisionCard({ decision: d, staff, canSign, onError }: CardProps) {
  const acting = staff.acting!;
  return (
    <li className="card" data-testid="awaiting-countersignature">
      <h2>
        {staff.name(d.iqaId)}: {d.outcome === 'agree' ? 'agrees' : 'disagrees'} on unit {d.unitCode}
      </h2>
      <p className="meta">
        {d.stage === 'interim' ? 'Interim' : 'Summative'} sample of {staff.name(d.assessorId)}’s decision ·{' '}
        {formatDate(d.date)} · <Link to={routes.portfolio(d.portfolioId)}>the candidate’s portfolio</Link>
      </p>
      {d.feedback && <p className="pre-line">{d.feedback}</p>}
      {canSign ? (
        <SignAndSubmit
          label={`Countersignature for the decision on ${d.unitCode}`}
          defaultName={acting.name}
          role="Qualified internal quality assurer"
          action="Countersign"
          onSign={(signature) => countersignIqaDecision(d, acting.id, { ...signature, personId: acting.id })}
          onError={onError}
        />
      ) : (
        <p className="qa-state overdue">Waiting for countersigning by a qualified IQA.</p>
      )}
    </li>
  );
}
