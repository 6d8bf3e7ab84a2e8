import { useState, type FormEvent } from 'react';
import { TEXT_LIMITS, type Person, type QualificationSpec } from '../../domain';
import { useNavigate } from 'react-router';
import { createEnrolment, todayIso } from '../../storage';
import { usePeople, useStoredSpecs } from '../data/hooks';
import { RoutePicker } from '../components/RoutePicker';
import { PersonSelect } from '../components/PersonSelect';
import { PersonForm } from './PeoplePage';
import { routes } from '../routes';
import { CharCount } from '../components/CharCount';
import { useSingleSave } from '../components/useSingleSave';
import { DateInput } from '../components/DateInput';

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
  const { saving, saveOnce } = useSingleSave();
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
    await saveOnce(async () => {
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
    }).catch((err: Error) => setError(err.message));
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
        <PersonSelect label="Assessor" people={assessors} value={assessorId} onChange={setAssessorId} />
        <label className="field">
          <span>Start date</span>
          <DateInput value={startDate} onChange={(e) => setStartDate(e.target.value)} required />
        </label>
        {/* Often not known on the day, and changeable later on the portfolio's page: folded to keep Start near. */}
        <details className="optional-fields" open={!!(iqaId || centre) || undefined}>
          <summary>More details (optional): quality assurer, centre</summary>
          <PersonSelect label="Internal quality assurer" people={iqas} value={iqaId} onChange={setIqaId} />
          <label className="field">
            <span>Centre</span>
            <input value={centre} onChange={(e) => setCentre(e.target.value)} maxLength={TEXT_LIMITS.name} />
            <CharCount value={centre} max={TEXT_LIMITS.name} />
          </label>
        </details>
        {spec && <RoutePicker spec={spec} route={route} onChange={setRoute} foldUnits />}
        <StartButton routeEmpty={route.length === 0} saving={saving} />
      </form>
    </section>
  );
}

/**
 * The submit button, with a warning just above it while no units are chosen: allowed, as units may be chosen later.
 * The warning stays out of the sticky bar, which would otherwise cover a quarter of a phone's screen.
 */
function StartButton({ routeEmpty, saving }: { routeEmpty: boolean; saving: boolean }) {
  return (
    <>
      {routeEmpty && (
        <p className="warning-note" id="empty-route-note">
          No units are chosen yet. You can start the portfolio now and choose its units later on its page.
        </p>
      )}
      <div className="sticky-actions">
        <button type="submit" disabled={saving} aria-describedby={routeEmpty ? 'empty-route-note' : undefined}>
          Start the portfolio
        </button>
      </div>
    </>
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
