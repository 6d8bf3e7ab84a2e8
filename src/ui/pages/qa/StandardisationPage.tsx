// Standardisation records (issue 12, point 4; seed 000 section 11): activity, date, who led and attended, the
// qualification, units and evidence looked at, the outcome and the actions agreed. Listed newest first; added and
// edited here (zod StandardisationForm), saved through storage saveStandardisation.
import { ChoiceSelect, PersonSelect } from '../../components/PersonSelect';
import { useLiveQuery } from 'dexie-react-hooks';
import { formatDate, StandardisationForm, type Person, type Standardisation } from '../../../domain';
import { listStandardisations, saveStandardisation, todayIso } from '../../../storage';
import { useStoredSpecs } from '../../data/hooks';
import {
  bind,
  bindChoice,
  choose,
  EditorForm,
  Field,
  linesOf,
  useCheckedSave,
  useFormValues,
  useStaff,
  type FieldGroupProps,
  type Staff,
} from './common';
import { DateInput } from '../../components/DateInput';
import { choicesOf, qualificationsOf } from './PlansPage';
import { RecordsScreen } from './RecordsScreen';

export function StandardisationPage() {
  const staff = useStaff();
  const records = useLiveQuery(listStandardisations, []);
  return (
    <RecordsScreen
      title="Standardisation"
      records={staff && records}
      addText="Add a standardisation record"
      listLabel="Standardisation records"
      emptyText="No standardisation records yet."
      editor={(record, done) => <StandardisationEditor record={record} staff={staff!} done={done} />}
      editLabel={(r) => `Edit ${r.activity}`}
      card={(r) => <StandardisationCard record={r} staff={staff!} />}
    />
  );
}

function StandardisationCard({ record: r, staff }: { record: Standardisation; staff: Staff }) {
  return (
    <>
      <h2>{r.activity}</h2>
      <p className="meta">
        {formatDate(r.date)} · led by {staff.name(r.ledBy)} · attended by{' '}
        {r.attendees.map((a) => staff.name(a)).join(', ') || 'nobody recorded'}
        {r.units.length > 0 && ` · units ${r.units.join(', ')}`}
      </p>
      {r.evidenceLookedAt && <p className="pre-line">Looked at: {r.evidenceLookedAt}</p>}
      {r.outcome && <p className="pre-line">Outcome: {r.outcome}</p>}
      {r.actions.length > 0 && (
        <ul aria-label={`Actions agreed at ${r.activity}`}>
          {r.actions.map((a, i) => (
            <li key={i}>
              {a.text}
              {a.done ? ' (done)' : ''}
            </li>
          ))}
        </ul>
      )}
    </>
  );
}

function StandardisationEditor({
  record,
  staff,
  done,
}: {
  record: Standardisation | null;
  staff: Staff;
  done: () => void;
}) {
  const form = useCheckedSave();
  const { values, setValues, set } = useFormValues({
    activity: record?.activity ?? '',
    date: record?.date ?? todayIso(),
    ledBy: record?.ledBy ?? (staff.acting?.roles.includes('iqa') ? staff.acting.id : ''),
    attendees: record?.attendees ?? [],
    specId: record?.specId ?? '',
    units: record?.units.join(', ') ?? '',
    evidenceLookedAt: record?.evidenceLookedAt ?? '',
    outcome: record?.outcome ?? '',
    actions: record?.actions.map((a) => a.text).join('\n') ?? '',
  });
  const fields = { values, set, invalid: form.invalid };
  const save = () =>
    form.save(StandardisationForm, values, async (checked) => {
      const before = new Map(record?.actions.map((a) => [a.text, a]));
      const actions = linesOf(checked.actions).map(
        (text) => before.get(text) ?? { text, ownerId: null, dueDate: null, done: false },
      );
      await saveStandardisation(
        { ...(record ?? {}), ...checked, actions, portfolioIds: record?.portfolioIds ?? [] },
        checked.activity,
      );
      done();
    });
  return (
    <EditorForm
      label={record ? 'Edit the standardisation record' : 'New standardisation record'}
      problem={form.problem}
      saving={form.saving}
      saveText="Save the record"
      onSave={() => void save()}
      onCancel={done}
    >
      <Field label="Activity">
        <input {...bind(fields, 'activity')} />
      </Field>
      <SessionFields {...fields} staff={staff} />
      <Attendees
        people={[...new Map([...staff.iqas, ...staff.assessors].map((p) => [p.id, p])).values()]}
        chosen={values.attendees}
        onChange={(attendees) => setValues((v) => ({ ...v, attendees }))}
      />
      <Field label="Evidence looked at">
        <textarea rows={3} value={values.evidenceLookedAt} onChange={set('evidenceLookedAt')} />
      </Field>
      <Field label="Outcome">
        <textarea rows={3} {...bind(fields, 'outcome')} />
      </Field>
      <Field label="Actions agreed (one a line)">
        <textarea rows={3} value={values.actions} onChange={set('actions')} />
      </Field>
    </EditorForm>
  );
}

/** When, who led, and which qualification and units were looked at. */
function SessionFields({
  staff,
  ...fields
}: FieldGroupProps<Record<'date' | 'ledBy' | 'specId' | 'units', string>> & { staff: Staff }) {
  const { values, set } = fields;
  const specs = useStoredSpecs() ?? [];
  return (
    <div className="two-up">
      <Field label="Date">
        <DateInput {...bind(fields, 'date')} />
      </Field>
      <PersonSelect label="Led by" people={staff.iqas} emptyText="— choose —" {...bindChoice(fields, 'ledBy')} />
      <ChoiceSelect
        label="Qualification (optional)"
        options={choicesOf(qualificationsOf(specs))}
        emptyText="Any"
        value={values.specId}
        onChange={choose(set('specId'))}
      />
      <Field label="Units looked at (codes, separated by commas)">
        <input value={values.units} onChange={set('units')} />
      </Field>
    </div>
  );
}

/** Who attended, ticked from the centre's assessors and IQAs. */
function Attendees({
  people,
  chosen,
  onChange,
}: {
  people: Person[];
  chosen: string[];
  onChange: (ids: string[]) => void;
}) {
  const toggle = (id: string) => onChange(chosen.includes(id) ? chosen.filter((a) => a !== id) : [...chosen, id]);
  return (
    <fieldset className="field">
      <legend>Attended</legend>
      {people.map((p) => (
        <label key={p.id} className="inline">
          <input type="checkbox" name="attendees" checked={chosen.includes(p.id)} onChange={() => toggle(p.id)} />
          {p.name}
        </label>
      ))}
    </fieldset>
  );
}
