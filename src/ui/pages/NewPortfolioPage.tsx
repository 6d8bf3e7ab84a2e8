import { useState, type FormEvent } from 'react';
import type { Person, QualificationSpec } from '../../domain';
import { useNavigate } from 'react-router';
import { createEnrolment, todayIso } from '../../storage';
import { usePeople, useStoredSpecs } from '../data/hooks';
import { RoutePicker } from '../components/RoutePicker';
import { PersonSelect } from '../components/PersonSelect';
import { PersonForm } from './PeoplePage';
import { routes } from '../routes';

export function NewPortfolioPage() {
  const people = usePeople();
  const specs = useStoredSpecs()?.filter((s) => s.kind === 'qualification');
  const navigate = useNavigate();
  const [candidateId, setCandidateId] = useState('');
  const [specKey, setSpecKey] = useState('');
  const [startDate, setStartDate] = useState(todayIso());
  const [assessorId, setAssessorId] = useState('');
  const [iqaId, setIqaId] = useState('');
  const [centre, setCentre] = useState('');
  const [route, setRoute] = useState<string[]>([]);
  const [error, setError] = useState<string | null>(null);
  if (!people || !specs) return <p role="status">Loading…</p>;
  const spec = specs.find((s) => specKeyOf(s) === specKey);
  const candidates = people.filter((p) => p.roles.includes('candidate'));
  const assessors = people.filter((p) => p.roles.includes('assessor'));
  const iqas = people.filter((p) => p.roles.includes('iqa'));

  async function submit(e: FormEvent) {
    e.preventDefault();
    setError(null);
    if (!candidateId) return setError('Choose the candidate.');
    if (!spec) return setError('Choose the qualification.');
    try {
      const enrolment = await createEnrolment({
        candidateId,
        specId: spec.id,
        specVersion: spec.version,
        route,
        startDate,
        assessorId: assessorId || null,
        iqaId: iqaId || null,
        centre,
      });
      void navigate(routes.portfolio(enrolment.id));
    } catch (err) {
      setError((err as Error).message);
    }
  }

  return (
    <section>
      <h1>Start a portfolio</h1>
      {error && (
        <p className="alert" role="alert">
          {error}
        </p>
      )}
      <form onSubmit={(e) => void submit(e)} className="panel" aria-label="Enrolment">
        <CandidateChoice candidates={candidates} value={candidateId} onChange={setCandidateId} />
        <QualificationSelect
          specs={specs}
          value={specKey}
          onChange={(key) => {
            setSpecKey(key);
            setRoute([]);
          }}
        />
        <label className="field">
          <span>Start date</span>
          <input type="date" value={startDate} onChange={(e) => setStartDate(e.target.value)} required />
        </label>
        <PersonSelect label="Assessor" people={assessors} value={assessorId} onChange={setAssessorId} />
        <PersonSelect label="Internal quality assurer" people={iqas} value={iqaId} onChange={setIqaId} />
        <label className="field">
          <span>Centre</span>
          <input value={centre} onChange={(e) => setCentre(e.target.value)} />
        </label>
        {spec && <RoutePicker spec={spec} route={route} onChange={setRoute} />}
        <button type="submit">Start the portfolio</button>
      </form>
    </section>
  );
}

/** The candidate, chosen from those on this device or added here. */
function CandidateChoice({
  candidates,
  value,
  onChange,
}: {
  candidates: Person[];
  value: string;
  onChange: (id: string) => void;
}) {
  const [addingPerson, setAddingPerson] = useState(false);
  return (
    <>
      <label className="field">
        <span>Candidate</span>
        <select value={value} onChange={(e) => onChange(e.target.value)}>
          <option value="">— choose —</option>
          {candidates.map((p) => (
            <option key={p.id} value={p.id}>
              {p.name}
            </option>
          ))}
        </select>
      </label>
      <button
        type="button"
        className="secondary"
        onClick={() => setAddingPerson(!addingPerson)}
        aria-expanded={addingPerson}
      >
        {addingPerson ? 'Close' : 'Add a person'}
      </button>
      {addingPerson && <PersonForm defaultRole="candidate" onSaved={onChange} />}
    </>
  );
}

const specKeyOf = (s: QualificationSpec) => `${s.id}@${s.version}`;

function QualificationSelect({
  specs,
  value,
  onChange,
}: {
  specs: QualificationSpec[];
  value: string;
  onChange: (key: string) => void;
}) {
  return (
    <label className="field">
      <span>Qualification</span>
      <select value={value} onChange={(e) => onChange(e.target.value)}>
        <option value="">— choose —</option>
        {specs.map((s) => (
          <option key={specKeyOf(s)} value={specKeyOf(s)}>
            {s.title} (spec {s.version})
          </option>
        ))}
      </select>
    </label>
  );
}
