// The IQA adds a sample the proposal did not choose: a candidate's unit from the period's work, interim or
// summative, when, and why (domain addPlanItem keeps the reason and marks the item as the IQA's).
import {
  addPlanItem,
  EVIDENCE_TYPE_LABELS,
  SAMPLE_STAGES,
  type PlanItem,
  type PortfolioWork,
  type SamplingPlan,
} from '../../../../domain';
import { todayIso } from '../../../../storage';
import { Field, SAMPLE_STAGE_TEXT, useFormValues, useTriedSave, WordsSelect, type Staff } from '../common';
import { DateInput } from '../../../components/DateInput';

interface Props {
  plan: SamplingPlan;
  portfolios: readonly PortfolioWork[];
  staff: Staff;
  saveItems: (items: PlanItem[], summary: string) => Promise<void>;
}

/** The sample being added: its values, the portfolio and unit they point at, and adding it to the plan. */
function useNewItemDraft({ plan, portfolios, saveItems }: Props) {
  const { values, setValues, set } = useFormValues(
    {
      portfolioId: '',
      unitCode: '',
      stage: 'interim' as PlanItem['stage'],
      plannedDate: todayIso() > plan.periodEnd ? plan.periodEnd : todayIso(),
      reason: '',
    },
    { portfolioId: { unitCode: '' } },
  );
  const { problem, saving, attempt } = useTriedSave();
  const portfolio = portfolios.find((p) => p.id === values.portfolioId);
  const unit = portfolio?.units.find((u) => u.unitCode === values.unitCode);
  const add = () =>
    attempt(async () => {
      if (!portfolio) throw new Error('Choose the candidate to sample.');
      if (!unit) throw new Error('Choose the unit to sample.');
      if (!/^\d{4}-\d{2}-\d{2}$/.test(values.plannedDate)) throw new Error('Give the planned date as a date.');
      const method = unit.methods[0] ?? null;
      const items = addPlanItem(
        plan.items,
        {
          assessorId: portfolio.assessorId,
          portfolioId: portfolio.id,
          candidateId: portfolio.candidateId,
          unitCode: unit.unitCode,
          method,
          site: portfolio.site,
          stage: values.stage,
          plannedDate: values.plannedDate,
          reason: `Added by the IQA: ${values.stage} sample of unit ${unit.unitCode}${method ? ` (${EVIDENCE_TYPE_LABELS[method].toLowerCase()})` : ''}.`,
        },
        values.reason,
      );
      await saveItems(items, `added a sample of ${unit.unitCode}`);
      setValues((v) => ({ ...v, unitCode: '', reason: '' }));
    });
  return { values, set, portfolio, problem, saving, add };
}

export function AddPlanItem(props: Props) {
  const { portfolios, staff } = props;
  const { values, set, portfolio, problem, saving, add } = useNewItemDraft(props);
  return (
    <form
      className="panel"
      aria-labelledby="add-item-heading"
      onSubmit={(e) => {
        e.preventDefault();
        void add();
      }}
    >
      <h2 id="add-item-heading">Add a sample</h2>
      <div className="two-up">
        <Field label="Candidate">
          <select value={values.portfolioId} onChange={set('portfolioId')}>
            <option value="">— choose —</option>
            {portfolios.map((p) => (
              <option key={p.id} value={p.id}>
                {staff.name(p.candidateId)} (assessor {staff.name(p.assessorId)})
              </option>
            ))}
          </select>
        </Field>
        <Field label="Unit">
          <select value={values.unitCode} onChange={set('unitCode')} disabled={!portfolio}>
            <option value="">— choose —</option>
            {portfolio?.units.map((u) => (
              <option key={u.unitCode} value={u.unitCode}>
                {u.unitCode}
                {u.signedOffOn ? ' (signed off)' : u.methods.length ? ' (in progress)' : ' (no evidence yet)'}
              </option>
            ))}
          </select>
        </Field>
        <Field label="Stage">
          <WordsSelect options={SAMPLE_STAGES} words={SAMPLE_STAGE_TEXT} value={values.stage} onChange={set('stage')} />
        </Field>
        <Field label="Planned date">
          <DateInput value={values.plannedDate} onChange={set('plannedDate')} />
        </Field>
      </div>
      <Field label="Why you add it">
        <textarea rows={2} value={values.reason} onChange={set('reason')} aria-invalid={problem ? true : undefined} />
      </Field>
      {problem && (
        <p className="alert" role="alert">
          {problem}
        </p>
      )}
      <button type="submit" disabled={saving}>
        Add to the plan
      </button>
    </form>
  );
}
