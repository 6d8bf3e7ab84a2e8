// A verifier on a fresh device says who they are where they need to: on the opened bundle, not in a header control
// that only appears once people exist. They are stored as a person (the one write path) and become the acting person.
import { useRef, useState, type FormEvent } from 'react';
import { TEXT_LIMITS, type Person } from '../../../domain';
import { savePerson, setActingPerson } from '../../../storage';
import { CharCount } from '../../components/CharCount';
import { useSingleSave } from '../../components/useSingleSave';

type VerifierRole = 'iqa' | 'ev';

const VERIFIER_ROLES: Array<[VerifierRole, string]> = [
  ['iqa', 'Internal quality assurer (IQA)'],
  ['ev', 'External quality assurer (EQA, external verifier)'],
];

/** Who is recording the decisions: an IQA or EQA already on this device, or a new one added here. */
export function VerifierIdentity({ verifiersHere }: { verifiersHere: Person[] }) {
  const [name, setName] = useState('');
  const [role, setRole] = useState<VerifierRole>('iqa');
  const [problem, setProblem] = useState<string | null>(null);
  const nameRef = useRef<HTMLInputElement>(null);
  const { saving, saveOnce } = useSingleSave();

  function submit(e: FormEvent) {
    e.preventDefault();
    setProblem(null);
    if (!name.trim()) {
      setProblem('Type your name: it goes on every decision you record.');
      nameRef.current?.focus();
      return;
    }
    void saveOnce(async () => {
      try {
        const person = await savePerson({ name: name.trim(), roles: [role] });
        await setActingPerson(person.id);
      } catch (error) {
        setProblem(`${(error as Error).message} Nothing was saved; try again.`);
      }
    });
  }

  return (
    <section className="panel" aria-labelledby="v-who">
      <h2 id="v-who">Who is recording the decisions?</h2>
      <p>Your name and role go on every decision you export, so the assessor knows who sampled the portfolio.</p>
      {verifiersHere.length > 0 && (
        <p>
          {verifiersHere.map((p) => (
            <button key={p.id} type="button" className="secondary" onClick={() => void setActingPerson(p.id)}>
              Continue as {p.name}
            </button>
          ))}
        </p>
      )}
      <form aria-label="Who you are" onSubmit={submit} noValidate>
        <label className="field">
          <span>Your name</span>
          <input
            ref={nameRef}
            value={name}
            onChange={(e) => setName(e.target.value)}
            autoComplete="name"
            maxLength={TEXT_LIMITS.name}
            aria-invalid={problem !== null && !name.trim()}
            aria-describedby={problem ? 'v-who-problem' : undefined}
          />
          <CharCount value={name} max={TEXT_LIMITS.name} />
        </label>
        <fieldset className="field">
          <legend>Your role</legend>
          {VERIFIER_ROLES.map(([value, label]) => (
            <label key={value} className="inline">
              <input type="radio" name="verifier-role" checked={role === value} onChange={() => setRole(value)} />
              {label}
            </label>
          ))}
        </fieldset>
        {problem && (
          <p className="alert" role="alert" id="v-who-problem">
            {problem}
          </p>
        )}
        <button type="submit" disabled={saving}>
          {saving ? 'Saving…' : 'Save and record decisions'}
        </button>
      </form>
    </section>
  );
}
