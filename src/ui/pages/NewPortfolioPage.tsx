import { useState, type FormEvent } from 'react';
import type { Person } from '../../domain';
import { useNavigate } from 'react-router';
import { createEnrolment, todayIso } from '../../storage';
import { usePeople, useStoredSpecs } from '../data/hooks';
import { RoutePicker } from '../components/RoutePicker';
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
  const [addingPerson, setAddingPerson] = useState(false);
  if (!people || !specs) return <p role="status">Loading…</p>;
  const spec = specs.find((s) => `${s.id}@${s.version}` === specKey);
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
        <label className="field">
          <span>Candidate</span>
          <select value={candidateId} onChange={(e) => setCandidateId(e.target.value)}>
            <option value="">— choose —</option>
            {candidates.map((p) => (
              <option key={p.id} value={p.id}>
                {p.name}
              </option>
            ))}
          </select>
        </label>
        <button type="button" className="secondary" onClick={() => setAddingPerson(!addingPerson)} aria-expanded={addingPerson}>
          {addingPerson ? 'Close' : 'Add a person'}
        </button>
        {addingPerson && <PersonForm defaultRole="candidate" onSaved={(id) => setCandidateId(id)} />}
        <label className="field">
          <span>Qualification</span>
          <select
            value={specKey}
            onChange={(e) => {
              setSpecKey(e.target.value);
              setRoute([]);
            }}
          >
            <option value="">— choose —</option>
            {specs.map((s) => (
              <option key={`${s.id}@${s.version}`} value={`${s.id}@${s.version}`}>
                {s.title} (spec {s.version})
              </option>
            ))}
          </select>
        </label>
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

function PersonSelect({ label, people, value, onChange }: { label: string; people: Person[]; value: string; onChange: (id: string) => void }) {
  return (
    <label className="field">
      <span>{label}</span>
      <select value={value} onChange={(e) => onChange(e.target.value)}>
        <option value="">— none yet —</option>
        {people.map((p) => (
          <option key={p.id} value={p.id}>
            {p.name}
          </option>
        ))}
      </select>
    </label>
  );
}
