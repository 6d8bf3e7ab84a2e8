// The centre's appeals log (issue 12, point 4): candidate, decision appealed, stages (each dated, with who handled
// it), outcome and dates. Added and edited here (zod AppealForm), saved through storage saveAppeal.
import { useState } from 'react';
import { ChoiceSelect, PersonSelect } from '../../components/PersonSelect';
import { useLiveQuery } from 'dexie-react-hooks';
import { APPEAL_OUTCOMES, APPEAL_STAGES, AppealForm, formatDate, type Appeal } from '../../../domain';
import { listAppeals, saveAppeal, todayIso } from '../../../storage';
import { useEnrolments } from '../../data/hooks';
import {
  bind,
  bindChoice,
  choose,
  EditorForm,
  Field,
  useCheckedSave,
  useFormValues,
  usePortfolioChoices,
  useStaff,
  WordsSelect,
  type FieldGroupProps,
  type Staff,
} from './common';
import { AppealStages, type StageValues } from './AppealStages';
import { DateInput } from '../../components/DateInput';
import { RecordsScreen } from './RecordsScreen';

export const STAGE_TEXT: Record<(typeof APPEAL_STAGES)[number], string> = {
  lodged: 'Lodged',
  'assessor-review': 'Assessor review',
  'iqa-review': 'IQA review',
  'centre-panel': 'Centre appeals panel',
  'awarding-body': 'Awarding body',
};
const OUTCOME_TEXT: Record<(typeof APPEAL_OUTCOMES)[number], string> = {
  pending: 'Pending',
  upheld: 'Upheld',
  'not-upheld': 'Not upheld',
  withdrawn: 'Withdrawn',
};

export function AppealsPage() {
  const staff = useStaff();
  const appeals = useLiveQuery(listAppeals, []);
  return (
    <RecordsScreen
      title="Appeals log"
      records={staff && appeals}
      addText="Log an appeal"
      listLabel="Appeals"
      emptyText="No appeals logged."
      editor={(record, done) => <AppealEditor record={record} staff={staff!} done={done} />}
      editLabel={(a) => `Edit the appeal of ${staff!.name(a.candidateId)}`}
      card={(a) => <AppealCard appeal={a} staff={staff!} />}
    />
  );
}

function AppealCard({ appeal: a, staff }: { appeal: Appeal; staff: Staff }) {
  return (
    <>
      <h2>
        {staff.name(a.candidateId)} · {OUTCOME_TEXT[a.outcome]}
      </h2>
      <p className="meta">
        Lodged {formatDate(a.lodgedOn)}
        {a.outcomeDate && ` · outcome ${formatDate(a.outcomeDate)}`}
      </p>
      <p className="pre-line">{a.decisionAppealed}</p>
      {a.stages.length > 0 && (
        <ol aria-label={`Stages of ${staff.name(a.candidateId)}’s appeal`}>
          {a.stages.map((s, i) => (
            <li key={i}>
              {STAGE_TEXT[s.stage]}, {formatDate(s.date)}
              {s.by && ` (${staff.name(s.by)})`}
              {s.notes && `: ${s.notes}`}
            </li>
          ))}
        </ol>
      )}
      {a.outcomeNotes && <p className="pre-line">{a.outcomeNotes}</p>}
    </>
  );
}

function AppealEditor({ record, staff, done }: { record: Appeal | null; staff: Staff; done: () => void }) {
  const form = useCheckedSave();
  const { values, set } = useFormValues(
    {
      candidateId: record?.candidateId ?? '',
      portfolioId: record?.portfolioId ?? '',
      decisionAppealed: record?.decisionAppealed ?? '',
      lodgedOn: record?.lodgedOn ?? todayIso(),
      outcome: record?.outcome ?? 'pending',
      outcomeDate: record?.outcomeDate ?? '',
      outcomeNotes: record?.outcomeNotes ?? '',
    },
    { candidateId: { portfolioId: '' } },
  );
  const [stages, setStages] = useState<StageValues[]>(
    record?.stages.map((s) => ({ stage: s.stage, date: s.date, by: s.by ?? '', notes: s.notes })) ?? [],
  );
  const fields = { values, set, invalid: form.invalid };
  const save = () =>
    form.save(AppealForm, { ...values, stages }, async (checked) => {
      await saveAppeal({ ...(record ?? {}), ...checked }, `appeal of ${staff.name(checked.candidateId)}`);
      done();
    });
  return (
    <EditorForm
      label={record ? 'Edit the appeal' : 'New appeal'}
      problem={form.problem}
      saving={form.saving}
      saveText="Save the appeal"
      onSave={() => void save()}
      onCancel={done}
    >
      <AppealWhoFields {...fields} staff={staff} />
      <Field label="Decision appealed">
        <textarea rows={3} {...bind(fields, 'decisionAppealed')} />
      </Field>
      <AppealStages
        stages={stages}
        onChange={setStages}
        staff={staff}
        invalid={form.invalid('stages')['aria-invalid']}
      />
      <AppealOutcomeFields {...fields} />
    </EditorForm>
  );
}

/** Who appeals, about which portfolio, and when. */
function AppealWhoFields({
  staff,
  ...fields
}: FieldGroupProps<Record<'candidateId' | 'portfolioId' | 'lodgedOn', string>> & { staff: Staff }) {
  const { values, set } = fields;
  const enrolments = useEnrolments() ?? [];
  const theirs = enrolments.filter((e) => e.candidateId === values.candidateId);
  const portfolioChoices = usePortfolioChoices(staff);
  return (
    <div className="two-up">
      <PersonSelect
        label="Candidate"
        people={staff.candidates}
        emptyText="— choose —"
        {...bindChoice(fields, 'candidateId')}
      />
      <ChoiceSelect
        label="Portfolio (optional)"
        options={portfolioChoices(theirs)}
        emptyText="—"
        value={values.portfolioId}
        onChange={choose(set('portfolioId'))}
      />
      <Field label="Lodged on">
        <DateInput {...bind(fields, 'lodgedOn')} />
      </Field>
    </div>
  );
}

/** How the appeal ended, when, and notes. */
function AppealOutcomeFields(fields: FieldGroupProps<Record<'outcome' | 'outcomeDate' | 'outcomeNotes', string>>) {
  const { values, set } = fields;
  return (
    <>
      <div className="two-up">
        <Field label="Outcome">
          <WordsSelect options={APPEAL_OUTCOMES} words={OUTCOME_TEXT} {...bind(fields, 'outcome')} />
        </Field>
        <Field label="Outcome date">
          <DateInput {...bind(fields, 'outcomeDate')} />
        </Field>
      </div>
      <Field label="Outcome notes">
        <textarea rows={2} value={values.outcomeNotes} onChange={set('outcomeNotes')} />
      </Field>
    </>
  );
}
