// What the centre-QA screens share: their own navigation, the acting person and the staff to choose from, and a
// form's problem found by its zod schema, said beside Save with focus on the field at fault.
import { useCallback, useRef, useState, type ReactNode } from 'react';
import { NavLink } from 'react-router';
import { firstFormProblem, type Person, type z } from '../../../domain';
import { SaveProblemAlert, type SaveProblem } from '../../components/SaveProblem';
import { useActingPersonId, usePeople } from '../../data/hooks';
import { routes } from '../../routes';
import './qa.css';

const QA_LINKS = [
  { to: routes.qa(), label: 'Sampling plans', end: true },
  { to: routes.qaDecide(), label: 'Record a decision' },
  { to: routes.qaCountersign(), label: 'Countersigning' },
  { to: routes.qaStandardisation(), label: 'Standardisation' },
  { to: routes.qaCpd(), label: 'CPD and competence' },
  { to: routes.qaAppeals(), label: 'Appeals' },
];

/** The QA screens' heading and their own navigation. */
export function QaScreen({ title, children }: { title: string; children: ReactNode }) {
  return (
    <section className="qa">
      <h1>{title}</h1>
      <nav aria-label="Quality assurance" className="qa-nav">
        <ul>
          {QA_LINKS.map((l) => (
            <li key={l.to}>
              <NavLink to={l.to} end={l.end}>
                {l.label}
              </NavLink>
            </li>
          ))}
        </ul>
      </nav>
      {children}
    </section>
  );
}

/** The people on the device and who is acting (undefined while loading). */
export function useStaff() {
  const people = usePeople();
  const actingId = useActingPersonId();
  if (!people || actingId === undefined) return undefined;
  const acting = people.find((p) => p.id === actingId) ?? null;
  const withRole = (role: Person['roles'][number]) => people.filter((p) => p.roles.includes(role));
  const name = (id: string | null | undefined) =>
    (id && people.find((p) => p.id === id)?.name) || 'someone not on this device';
  return {
    people,
    acting,
    iqas: withRole('iqa'),
    assessors: withRole('assessor'),
    candidates: withRole('candidate'),
    name,
  };
}
export type Staff = NonNullable<ReturnType<typeof useStaff>>;

/**
 * A form checked by a zod schema: `check` gives the parsed values or sets `problem` (render it with
 * SaveProblemAlert beside Save: focus goes to its control, found by name); `fail` shows a save's error. Nothing
 * typed is lost either way.
 */
export function useCheckedForm() {
  const [problem, setProblem] = useState<SaveProblem | null>(null);
  const [badField, setBadField] = useState('');
  const check = useCallback(<S extends z.ZodType>(schema: S, values: unknown): z.output<S> | null => {
    const parsed = schema.safeParse(values);
    if (parsed.success) {
      setProblem(null);
      setBadField('');
      return parsed.data;
    }
    const { message, field } = firstFormProblem(parsed.error);
    setBadField(field);
    setProblem({ message, field: field ? `[name="${field}"]` : undefined });
    return null;
  }, []);
  const fail = useCallback((e: unknown) => {
    setBadField('');
    setProblem({ message: e instanceof Error ? e.message : String(e) });
  }, []);
  /** Props marking a control invalid while its field is the one at fault. */
  const invalid = (field: string) => ({ name: field, 'aria-invalid': badField === field || undefined });
  return { check, fail, invalid, problem };
}

/** Lines of text from a textarea, one per non-empty line. */
export const linesOf = (text: string) =>
  text
    .split('\n')
    .map((l) => l.trim())
    .filter(Boolean);

interface EditorFormProps {
  label: string;
  problem: SaveProblem | null;
  saving: boolean;
  saveText: string;
  onSave: () => void;
  onCancel: () => void;
  children: ReactNode;
}

/** A record's add/edit form: its fields, the problem beside Save (focus on the field at fault), Save and Cancel. */
export function EditorForm({ label, problem, saving, saveText, onSave, onCancel, children }: EditorFormProps) {
  const formRef = useRef<HTMLFormElement>(null);
  return (
    <form
      ref={formRef}
      noValidate
      className="panel"
      aria-label={label}
      onSubmit={(e) => {
        e.preventDefault();
        onSave();
      }}
    >
      {children}
      <SaveProblemAlert problem={problem} formRef={formRef} />
      <p className="actions">
        <button type="submit" disabled={saving}>
          {saveText}
        </button>
        <button type="button" className="secondary" onClick={onCancel}>
          Cancel
        </button>
      </p>
    </form>
  );
}
