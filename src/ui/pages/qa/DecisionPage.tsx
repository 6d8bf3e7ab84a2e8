// An IQA's decision on a sample (issue 12, point 3): on a unit or one evidence item, agree or disagree with the
// assessor's decision, with feedback and an action for the assessor with a due date (one transaction, storage
// recordIqaDecision). Opened from a plan item (prefilled) or on its own. A trainee IQA's decision waits for a
// qualified IQA's countersignature; the screen says so before and after saving.
import { useRef, useState } from 'react';
import { Link, useSearchParams } from 'react-router';
import { useLiveQuery } from 'dexie-react-hooks';
import { DecisionForm, formatDate, SAMPLE_STAGES, type IqaDecision, type PlanItem } from '../../../domain';
import { recordIqaDecision, samplingPlan, todayIso } from '../../../storage';
import { useEnrolments, usePortfolio } from '../../data/hooks';
import { SaveProblemAlert } from '../../components/SaveProblem';
import { routes } from '../../routes';
import {
  bind,
  bindChoice,
  Field,
  QaScreen,
  useCheckedSave,
  useFormValues,
  usePortfolioChoices,
  useStaff,
  WordsSelect,
  type FieldGroupProps,
  type Staff,
} from './common';
import { ChoiceSelect } from '../../components/PersonSelect';
import { DateInput } from '../../components/DateInput';

export function DecisionPage() {
  const [params] = useSearchParams();
  const planId = params.get('planId') ?? '';
  const itemId = params.get('itemId') ?? '';
  const plan = useLiveQuery(async () => (planId ? ((await samplingPlan(planId)) ?? null) : null), [planId]);
  const staff = useStaff();
  if (plan === undefined || !staff) return <p role="status">Loading…</p>;
  const item = plan?.items.find((i) => i.id === itemId) ?? null;
  return (
    <QaScreen title="Record an IQA decision">
      {!staff.acting?.roles.includes('iqa') ? (
        <p className="alert">Choose an internal quality assurer in “Acting as” to record a decision.</p>
      ) : (
        <DecisionEditor
          key={`${planId}|${itemId}`}
          staff={staff}
          planId={plan?.id ?? null}
          item={item}
          initial={{ portfolioId: params.get('portfolioId') ?? '', unitCode: params.get('unitCode') ?? '' }}
        />
      )}
    </QaScreen>
  );
}

interface EditorProps {
  staff: Staff;
  planId: string | null;
  item: PlanItem | null;
  initial: { portfolioId: string; unitCode: string };
}

/** The decision being written: its values, the candidate's portfolio they point at, and its save. */
function useDecisionDraft({ staff, planId, item, initial }: EditorProps) {
  const acting = staff.acting!;
  const form = useCheckedSave();
  const [saved, setSaved] = useState<IqaDecision | null>(null);
  const { values, set } = useFormValues(
    {
      portfolioId: item?.portfolioId ?? initial.portfolioId,
      unitCode: item?.unitCode ?? initial.unitCode,
      evidenceId: '',
      stage: item?.stage ?? 'interim',
      outcome: '',
      feedback: '',
      date: todayIso(),
      actionText: '',
      actionDue: '',
    },
    { portfolioId: { unitCode: '', evidenceId: '' } },
  );
  const data = usePortfolio(values.portfolioId || undefined);
  const save = () =>
    form.save(DecisionForm, values, async (checked) => {
      const assessorId = data?.enrolment.assessorId;
      if (!assessorId) throw new Error('This portfolio has no assessor yet: choose one on its page first.');
      const { actionText, actionDue, ...fields } = checked;
      const { decision } = await recordIqaDecision({
        decision: { ...fields, iqaId: acting.id, assessorId, planId, planItemId: item?.id ?? null },
        ...(actionText && actionDue ? { action: { text: actionText, dueDate: actionDue } } : {}),
      });
      setSaved(decision);
    });
  return { form, values, set, data, save, saved };
}

function DecisionEditor(props: EditorProps) {
  const { staff, planId, item } = props;
  const trainee = staff.acting!.iqaStatus === 'working-towards';
  const { form, values, set, data, save, saved } = useDecisionDraft(props);
  const formRef = useRef<HTMLFormElement>(null);
  if (saved) return <Saved decision={saved} trainee={trainee} staff={staff} planId={planId} />;
  const loading = values.portfolioId !== '' && data === undefined;
  const fields = { values, set, invalid: form.invalid };
  return (
    <form
      ref={formRef}
      noValidate
      className="panel"
      aria-label="IQA decision"
      onSubmit={(e) => {
        e.preventDefault();
        void save();
      }}
    >
      {item && <p data-testid="decision-item">Planned sample: {item.reason}</p>}
      {trainee && (
        <p className="banner" role="note">
          You are working towards the IQA qualification: your decision will wait for a qualified IQA to countersign it.
        </p>
      )}
      <SampleFields {...fields} staff={staff} data={data} />
      <DecisionFields {...fields} />
      <SaveProblemAlert problem={form.problem} formRef={formRef} />
      {loading && <p role="status">Loading the candidate’s portfolio…</p>}
      <button type="submit" disabled={form.saving || loading}>
        Save the decision
      </button>
    </form>
  );
}

type SampleValues = Record<'portfolioId' | 'unitCode' | 'evidenceId' | 'stage', string>;

const STAGE_TEXT: Record<(typeof SAMPLE_STAGES)[number], string> = {
  interim: 'Interim (during the programme)',
  summative: 'Summative (unit or award completed)',
};

/** What is sampled: the candidate (the acting IQA's, or no IQA's yet), the unit, the evidence item and the stage. */
function SampleFields({
  staff,
  data,
  ...fields
}: FieldGroupProps<SampleValues> & { staff: Staff; data: ReturnType<typeof usePortfolio> }) {
  const { values } = fields;
  const enrolments = useEnrolments();
  const portfolioChoices = usePortfolioChoices(staff);
  const units = data?.spec?.units.filter((u) => !data.enrolment.route.length || data.enrolment.route.includes(u.code));
  const evidence = data?.evidence.filter((e) => e.criteria.some((c) => c.unitCode === values.unitCode)) ?? [];
  const candidates = (enrolments ?? []).filter(
    (e) => e.iqaId === staff.acting!.id || e.iqaId === null || e.id === values.portfolioId,
  );
  return (
    <div className="two-up">
      <ChoiceSelect
        label="Candidate"
        options={portfolioChoices(candidates)}
        emptyText="— choose —"
        {...bindChoice(fields, 'portfolioId')}
      />
      <Field label="Unit">
        <select {...bind(fields, 'unitCode')}>
          <option value="">— choose —</option>
          {(units ?? []).map((u) => (
            <option key={u.code} value={u.code}>
              {u.code} {u.title}
            </option>
          ))}
          {values.unitCode && !units?.some((u) => u.code === values.unitCode) && (
            <option value={values.unitCode}>{values.unitCode}</option>
          )}
        </select>
      </Field>
      <Field label="Evidence item (optional)">
        <select {...bind(fields, 'evidenceId')}>
          <option value="">The unit as a whole</option>
          {evidence.map((e) => (
            <option key={e.id} value={e.id}>
              {e.title} ({formatDate(e.date)})
            </option>
          ))}
        </select>
      </Field>
      <Field label="Stage">
        <WordsSelect options={SAMPLE_STAGES} words={STAGE_TEXT} {...bind(fields, 'stage')} />
      </Field>
    </div>
  );
}

type Values = Record<'outcome' | 'feedback' | 'date' | 'actionText' | 'actionDue', string>;

function DecisionFields(fields: FieldGroupProps<Values>) {
  const { values, set } = fields;
  return (
    <>
      <fieldset className="field">
        <legend>Your decision on the assessor’s judgement</legend>
        {(['agree', 'disagree'] as const).map((o) => (
          <label key={o} className="inline">
            <input type="radio" name="outcome" value={o} checked={values.outcome === o} onChange={set('outcome')} />
            {o === 'agree' ? 'Agree' : 'Disagree'}
          </label>
        ))}
      </fieldset>
      <Field label="Feedback to the assessor">
        <textarea rows={4} {...bind(fields, 'feedback')} />
      </Field>
      <Field label="Date of the decision">
        <DateInput {...bind(fields, 'date')} />
      </Field>
      <fieldset className="field">
        <legend>Action for the assessor (optional)</legend>
        <Field label="What the assessor should do">
          <textarea rows={3} {...bind(fields, 'actionText')} />
        </Field>
        <Field label="Due by">
          <DateInput {...bind(fields, 'actionDue')} />
        </Field>
      </fieldset>
    </>
  );
}

function Saved({
  decision,
  trainee,
  staff,
  planId,
}: {
  decision: IqaDecision;
  trainee: boolean;
  staff: Staff;
  planId: string | null;
}) {
  return (
    <div role="status" data-testid="decision-saved">
      <p>
        Saved: you {decision.outcome === 'agree' ? 'agree' : 'disagree'} with {staff.name(decision.assessorId)} on unit{' '}
        {decision.unitCode} ({decision.stage}).
      </p>
      {trainee && <p>It waits for countersigning by a qualified IQA.</p>}
      <p className="actions">
        {planId && <Link to={routes.qaPlan(planId)}>Back to the plan</Link>}
        <Link to={routes.portfolio(decision.portfolioId)}>Open the candidate’s portfolio</Link>
      </p>
    </div>
  );
}
