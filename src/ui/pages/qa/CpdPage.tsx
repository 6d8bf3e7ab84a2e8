// CPD and occupational-competence records of assessors and IQAs (issue 12, point 4; seed 000 Annexe: "formally
// recorded in individual CPD records that are maintained in assessment centres"): per person, added and edited here
// (zod CpdForm), saved through storage saveCpdRecord.
import { useState } from 'react';
import { useLiveQuery } from 'dexie-react-hooks';
import { CPD_KINDS, CpdForm, formatDate, type CpdRecord } from '../../../domain';
import { listCpdRecords, saveCpdRecord, todayIso } from '../../../storage';
import { DateInput } from '../../components/DateInput';
import { PersonSelect } from '../../components/PersonSelect';
import {
  bind,
  bindChoice,
  EditorForm,
  Field,
  useCheckedSave,
  useFormValues,
  useStaff,
  WordsSelect,
  type Staff,
} from './common';
import { RecordsScreen } from './RecordsScreen';

const KIND_TEXT: Record<(typeof CPD_KINDS)[number], string> = {
  cpd: 'CPD in assessment or quality assurance',
  'occupational-competence': 'Occupational competence',
  qualification: 'Qualification (assessor or IQA award)',
};

export function CpdPage() {
  const staff = useStaff();
  const [personFilter, setPersonFilter] = useState('');
  const records = useLiveQuery(() => listCpdRecords(personFilter || undefined), [personFilter]);
  const hours = records?.reduce((n, r) => n + r.hours, 0) ?? 0;
  return (
    <RecordsScreen
      title="CPD and occupational competence"
      records={staff && records}
      addText="Add a CPD record"
      listLabel="CPD records"
      controls={
        staff &&
        records && (
          <>
            <PersonSelect
              label="Whose records"
              people={staffOf(staff)}
              emptyText="Everyone’s"
              value={personFilter}
              onChange={setPersonFilter}
            />
            <p>
              {records.length} {records.length === 1 ? 'record' : 'records'}, {hours} hours.
            </p>
          </>
        )
      }
      editor={(record, done) => <CpdEditor record={record} staff={staff!} done={done} />}
      editLabel={(r) => `Edit ${r.activity}`}
      card={(r) => (
        <>
          <h2>
            {staff!.name(r.personId)}: {r.activity}
          </h2>
          <p className="meta">
            {formatDate(r.date)} · {KIND_TEXT[r.kind]} · {r.hours} {r.hours === 1 ? 'hour' : 'hours'}
          </p>
          {r.reflection && <p className="pre-line">{r.reflection}</p>}
          {r.evidence && <p className="pre-line">Evidence: {r.evidence}</p>}
        </>
      )}
    />
  );
}

const staffOf = (staff: Staff) => [...new Map([...staff.assessors, ...staff.iqas].map((p) => [p.id, p])).values()];

function CpdEditor({ record, staff, done }: { record: CpdRecord | null; staff: Staff; done: () => void }) {
  const form = useCheckedSave();
  const { saving } = form;
  const { values, set } = useFormValues({
    personId: record?.personId ?? staff.acting?.id ?? '',
    date: record?.date ?? todayIso(),
    kind: record?.kind ?? 'cpd',
    activity: record?.activity ?? '',
    hours: String(record?.hours ?? ''),
    reflection: record?.reflection ?? '',
    evidence: record?.evidence ?? '',
  });
  const fields = { values, set, invalid: form.invalid };
  const save = () =>
    form.save(CpdForm, { ...values, hours: values.hours.trim() || '0' }, async (checked) => {
      await saveCpdRecord({ ...(record ?? {}), ...checked }, checked.activity);
      done();
    });
  return (
    <EditorForm
      label={record ? 'Edit the CPD record' : 'New CPD record'}
      problem={form.problem}
      saving={saving}
      saveText="Save the record"
      onSave={() => void save()}
      onCancel={done}
    >
      <div className="two-up">
        <PersonSelect
          label="Person"
          people={staffOf(staff)}
          emptyText="— choose —"
          {...bindChoice(fields, 'personId')}
        />
        <Field label="Kind">
          <WordsSelect options={CPD_KINDS} words={KIND_TEXT} {...bind(fields, 'kind')} />
        </Field>
        <Field label="Date">
          <DateInput {...bind(fields, 'date')} />
        </Field>
        <Field label="Hours">
          <input inputMode="decimal" {...bind(fields, 'hours')} />
        </Field>
      </div>
      <Field label="Activity">
        <input {...bind(fields, 'activity')} />
      </Field>
      <Field label="Reflection: what you learnt and how it changes your practice">
        <textarea rows={3} value={values.reflection} onChange={set('reflection')} />
      </Field>
      <Field label="Evidence (certificate, notes, standards covered)">
        <textarea rows={2} value={values.evidence} onChange={set('evidence')} />
      </Field>
    </EditorForm>
  );
}
