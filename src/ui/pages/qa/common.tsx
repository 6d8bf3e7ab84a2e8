// What the centre-QA screens share: their own navigation, the acting person and the staff to choose from, and a
// form's problem found by its zod schema, said beside Save with focus on the field at fault.
import { useCallback, useRef, useState, type ReactNode, type SelectHTMLAttributes } from 'react';
import { NavLink } from 'react-router';
import { firstFormProblem, type Enrolment, type Person, type PlanItem, type z } from '../../../domain';
import { SaveProblemAlert, type SaveProblem } from '../../components/SaveProblem';
import { useSingleSave } from '../../components/useSingleSave';
import { useActingPersonId, usePeople, useStoredSpecs } from '../../data/hooks';
import { routes } from '../../routes';
import './qa.css';

const QA_LINKS = [
  { to: routes.qa(), label: 'Sampling plans', end: true },
  { to: routes.qaDecide(), label: 'Record a decision' },
  { to: routes.qaCountersign(), label: 'Countersigning' },
  { to: routes.qaStandardisation(), label: 'Standardisation' },
  { to: routes.qaCpd(), label: 'CPD and competence' },
  { to: routes.qaAppeals(), label: 'Appeals' },
  { to: routes.eqaPack(), label: 'EQA pack' },
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
 * Portfolios as a ChoiceSelect lists them: the candidate and the qualification's title as this device has it (that
 * version's, else any version's), the spec's id only when the device has no spec of it.
 */
export function usePortfolioChoices(staff: Staff) {
  const specs = useStoredSpecs() ?? [];
  const title = (e: Enrolment) =>
    (specs.find((x) => x.id === e.specId && x.version === e.specVersion) ?? specs.find((x) => x.id === e.specId))
      ?.title ?? `${e.specId} ${e.specVersion}`;
  return (enrolments: readonly Enrolment[]) =>
    enrolments.map((e) => ({ id: e.id, label: `${staff.name(e.candidateId)} · ${title(e)}` }));
}

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

/**
 * useCheckedForm with one save at a time: `save(schema, values, write)` checks the values and hands the parsed
 * ones to `write`; an error thrown by `write` is said beside Save like a problem with a field.
 */
export function useCheckedSave() {
  const form = useCheckedForm();
  const { check, fail } = form;
  const { saving, saveOnce } = useSingleSave();
  const save = <S extends z.ZodType>(schema: S, values: unknown, write: (checked: z.output<S>) => Promise<void>) =>
    saveOnce(async () => {
      const checked = check(schema, values);
      if (checked === null) return;
      try {
        await write(checked);
      } catch (e) {
        fail(e);
      }
    });
  return { ...form, saving, save };
}

/** Props marking a control invalid while its field is the one at fault (from useCheckedForm). */
export type InvalidProps = ReturnType<typeof useCheckedForm>['invalid'];

/** What a control's change event gives a field's handler. */
export type FieldChange = { target: { value: string } };

/**
 * A form's values and a change handler per field; `clears` names, per field, the values reset when it changes
 * (the unit chosen belongs to the portfolio chosen).
 */
export function useFormValues<V extends Record<string, unknown>>(
  initial: V,
  clears: { [K in keyof V]?: Partial<V> } = {},
) {
  const [values, setValues] = useState(initial);
  const set = (field: keyof V) => (e: FieldChange) =>
    setValues((v) => ({ ...v, [field]: e.target.value, ...clears[field] }));
  return { values, setValues, set };
}

/** A field's change handler (from useFormValues' `set`) fed a chosen value, as PersonSelect gives it. */
export const choose = (handler: (e: FieldChange) => void) => (value: string) => handler({ target: { value } });

/** A group of a form's fields: the values, their change handlers and which one is at fault. */
export interface FieldGroupProps<V> {
  values: V;
  set: (field: keyof V) => (e: FieldChange) => void;
  invalid: InvalidProps;
}

/** The fields of V that hold text. */
type TextFields<V> = { [K in keyof V]-?: V[K] extends string ? K : never }[keyof V] & string;

/** A control's props for one text field of a group: its value, change handler and fault marking. */
export function bind<V>({ values, set, invalid }: FieldGroupProps<V>, field: TextFields<V>) {
  return { ...invalid(field), value: values[field] as string, onChange: set(field) };
}

/** A ChoiceSelect's or PersonSelect's props for one field of a group: the field, its value and its handler. */
export function bindChoice<V>({ values, set, invalid }: FieldGroupProps<V>, field: TextFields<V>) {
  return { field: invalid(field), value: values[field] as string, onChange: choose(set(field)) };
}

/** A control with its label above it: the one layout of a QA form's field. */
export function Field({ label, children }: { label: string; children: ReactNode }) {
  return (
    <label className="field">
      <span>{label}</span>
      {children}
    </label>
  );
}

type WordsSelectProps<O extends string> = Omit<SelectHTMLAttributes<HTMLSelectElement>, 'children'> & {
  options: readonly O[];
  /** Each option in words. */
  words: Record<O, string>;
};

/** A select of a fixed list of values, each shown in words. */
export function WordsSelect<O extends string>({ options, words, ...select }: WordsSelectProps<O>) {
  return (
    <select {...select}>
      {options.map((o) => (
        <option key={o} value={o}>
          {words[o]}
        </option>
      ))}
    </select>
  );
}

/** A sample's stage in a word. */
export const SAMPLE_STAGE_TEXT: Record<PlanItem['stage'], string> = {
  interim: 'Interim',
  summative: 'Summative',
};

/**
 * One save at a time whose thrown error is said in words (`problem`), for the forms checked by domain functions
 * rather than a schema; a save that succeeds clears the problem.
 */
export function useTriedSave() {
  const [problem, setProblem] = useState<string | null>(null);
  const { saving, saveOnce } = useSingleSave();
  const attempt = (write: () => Promise<void>) =>
    saveOnce(async () => {
      try {
        await write();
        setProblem(null);
      } catch (e) {
        setProblem((e as Error).message);
      }
    });
  return { problem, saving, attempt };
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
