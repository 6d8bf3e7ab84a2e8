// Actions an IQA set after sampling (issue 12, point 3): for a person (the assessor's home screen: what waits for
// them) or for a portfolio (its page: every action not yet closed, and its IQA decisions). The assessor answers an
// open action here; the IQA who raised it closes an answered one. Read live from storage, so an action arriving in
// a bundle shows at once.
import { useId, useState } from 'react';
import { useLiveQuery } from 'dexie-react-hooks';
import { formatDate, type IqaDecision, type QaAction } from '../../domain';
import { answerQaAction, closeQaAction, openActionsFor, qaOfPortfolio, todayIso } from '../../storage';
import { useActingPersonId, usePeople } from '../data/hooks';
import { useSingleSave } from './useSingleSave';
import { Link } from 'react-router';
import { routes } from '../routes';

type Scope = { personId: string; portfolioId?: undefined } | { portfolioId: string; personId?: undefined };

interface Loaded {
  actions: QaAction[];
  /** A portfolio's closed actions: the record of what was asked and settled. */
  closed: QaAction[];
  decisions: IqaDecision[];
}

async function load(scope: Scope): Promise<Loaded> {
  if (scope.personId !== undefined) {
    return { actions: await openActionsFor(scope.personId, true), closed: [], decisions: [] };
  }
  const { actions, decisions } = await qaOfPortfolio(scope.portfolioId);
  const closed = actions.filter((a) => a.state === 'closed');
  return { actions: actions.filter((a) => a.state !== 'closed'), closed, decisions };
}

/** The open and answered QA actions of a person or a portfolio, with the answer form for the assessor. */
export function OpenQaActions(scope: Scope) {
  const key = scope.personId ?? scope.portfolioId;
  const data = useLiveQuery(() => load(scope), [key]);
  const people = usePeople();
  const actingId = useActingPersonId();
  // Until the acting person is known, an assessor would briefly read "Waiting for <their own name>'s answer".
  if (!data || !people || actingId === undefined) return null;
  if (data.actions.length + data.closed.length + data.decisions.length === 0) return null;
  const name = (id: string | null) => (id && people.find((p) => p.id === id)?.name) || 'an IQA';
  const forPerson = scope.personId !== undefined;
  return (
    <section aria-labelledby={`qa-actions-${key}`} className="qa-actions">
      <h2 id={`qa-actions-${key}`}>{forPerson ? 'Actions from your IQA' : 'Internal quality assurance'}</h2>
      {data.actions.length > 0 && (
        <ul className="card-list" aria-label="QA actions">
          {data.actions.map((a) => (
            <ActionCard
              key={a.id}
              action={a}
              raisedBy={name(a.raisedBy)}
              assessor={name(a.assessorId)}
              actingId={actingId}
              showPortfolio={forPerson}
            />
          ))}
        </ul>
      )}
      {data.decisions.length > 0 && <DecisionList decisions={data.decisions} name={name} />}
      {data.closed.length > 0 && (
        <ul aria-label="Closed QA actions">
          {data.closed.map((a) => (
            <li key={a.id}>
              {a.unitCode ? `Unit ${a.unitCode}` : 'Action'}: {a.text} — closed by {name(a.raisedBy)}
              {a.closedAt && ` on ${formatDate(a.closedAt)}`}
              {a.closingNote && ` (“${a.closingNote}”)`}
            </li>
          ))}
        </ul>
      )}
    </section>
  );
}

interface ActionCardProps {
  action: QaAction;
  raisedBy: string;
  assessor: string;
  actingId: string | null;
  showPortfolio: boolean;
}

function ActionCard({ action: a, raisedBy, assessor, actingId, showPortfolio }: ActionCardProps) {
  const overdue = a.state === 'open' && a.dueDate < todayIso();
  return (
    <li className="card qa-action" data-testid="qa-action">
      <p>
        <strong>{a.unitCode ? `Unit ${a.unitCode}` : 'Action'}</strong> · set by {raisedBy} for {assessor} · due{' '}
        {formatDate(a.dueDate)}
        {overdue && <strong className="qa-state overdue"> · overdue</strong>}
      </p>
      <p className="pre-line">{a.text}</p>
      {showPortfolio && (
        <p>
          <Link to={a.unitCode ? routes.unit(a.portfolioId, a.unitCode) : routes.portfolio(a.portfolioId)}>
            Open the candidate’s {a.unitCode ? 'unit' : 'portfolio'}
          </Link>
        </p>
      )}
      {a.state === 'answered' && (
        <p data-testid="qa-answer">
          Answered {formatDate(a.answeredAt)}: <span className="pre-line">{a.answer}</span>
          {' — waiting for the IQA to close it.'}
        </p>
      )}
      {a.state === 'open' && actingId === a.assessorId && <AnswerForm action={a} />}
      {a.state === 'open' && actingId !== a.assessorId && <p className="meta">Waiting for {assessor}’s answer.</p>}
      {a.state === 'answered' && actingId === a.raisedBy && <CloseForm action={a} />}
    </li>
  );
}

function AnswerForm({ action }: { action: QaAction }) {
  const id = useId();
  const [answer, setAnswer] = useState('');
  const [problem, setProblem] = useState<string | null>(null);
  const { saving, saveOnce } = useSingleSave();
  const send = () =>
    saveOnce(async () => {
      try {
        await answerQaAction(action, answer.trim());
        setProblem(null);
      } catch (e) {
        setProblem((e as Error).message);
      }
    });
  return (
    <form
      onSubmit={(e) => {
        e.preventDefault();
        void send();
      }}
    >
      <label className="field" htmlFor={`${id}-answer`}>
        <span>Your answer{action.unitCode ? ` on ${action.unitCode}` : ''}</span>
      </label>
      <textarea
        id={`${id}-answer`}
        value={answer}
        rows={3}
        aria-invalid={problem ? true : undefined}
        onChange={(e) => setAnswer(e.target.value)}
      />
      {problem && (
        <p className="alert" role="alert">
          {problem}
        </p>
      )}
      <button type="submit" disabled={saving}>
        Send answer
      </button>
    </form>
  );
}

function CloseForm({ action }: { action: QaAction }) {
  const id = useId();
  const [note, setNote] = useState('');
  const { saving, saveOnce } = useSingleSave();
  return (
    <p>
      <label htmlFor={`${id}-note`}>Closing note (optional)</label>{' '}
      <input id={`${id}-note`} value={note} onChange={(e) => setNote(e.target.value)} />{' '}
      <button
        type="button"
        className="secondary"
        disabled={saving}
        onClick={() => void saveOnce(() => closeQaAction(action, note.trim()).then(() => undefined))}
      >
        Close the action
      </button>
    </p>
  );
}

function DecisionList({ decisions, name }: { decisions: IqaDecision[]; name: (id: string | null) => string }) {
  return (
    <ul aria-label="IQA decisions" data-testid="iqa-decisions">
      {decisions.map((d) => (
        <li key={d.id}>
          <strong>{d.unitCode}</strong> ({d.stage}): {name(d.iqaId)} {d.outcome === 'agree' ? 'agreed' : 'disagreed'} on{' '}
          {formatDate(d.date)}
          {d.countersignedBy ? `, countersigned by ${name(d.countersignedBy)}` : ''}
          {d.feedback && ` — “${d.feedback}”`}
        </li>
      ))}
    </ul>
  );
}
