// Sampling plans per IQA, qualification and period (issue 12, point 2): the plans on this device, filtered, and a
// new plan whose first sample the app proposes (domain proposeSample, deterministic, each item explained).
import { useRef, useState } from 'react';
import { Link, useNavigate } from 'react-router';
import { useLiveQuery } from 'dexie-react-hooks';
import { addDays, countOf, formatDate, PlanForm, proposeSample, type QualificationSpec } from '../../../domain';
import { listSamplingPlans, proposalInputFor, saveSamplingPlan, todayIso } from '../../../storage';
import { useStoredSpecs } from '../../data/hooks';
import { SaveProblemAlert } from '../../components/SaveProblem';
import { routes } from '../../routes';
import { DateInput } from '../../components/DateInput';
import { ChoiceSelect, PersonSelect } from '../../components/PersonSelect';
import {
  bind,
  bindChoice,
  Field,
  QaScreen,
  useCheckedSave,
  useFormValues,
  useStaff,
  type FieldGroupProps,
  type Staff,
} from './common';

/** One entry per qualification (the newest version's title). */
export const qualificationsOf = (specs: readonly QualificationSpec[]) =>
  [...new Map(specs.map((s) => [s.id, s])).values()].sort((a, b) => a.title.localeCompare(b.title));

/** Qualifications as a ChoiceSelect lists them. */
export const choicesOf = (qualifications: readonly QualificationSpec[]) =>
  qualifications.map((q) => ({ id: q.id, label: q.title }));

export function PlansPage() {
  const staff = useStaff();
  const specs = useStoredSpecs();
  const plans = useLiveQuery(listSamplingPlans, []);
  const [iqaFilter, setIqaFilter] = useState<string | null>(null);
  const [specFilter, setSpecFilter] = useState('');
  if (!staff || !specs || !plans) return <p role="status">Loading…</p>;
  const qualifications = qualificationsOf(specs);
  const title = (specId: string) => qualifications.find((q) => q.id === specId)?.title ?? specId;
  const iqa = iqaFilter ?? (staff.acting?.roles.includes('iqa') ? staff.acting.id : '');
  const shown = plans.filter((p) => (!iqa || p.iqaId === iqa) && (!specFilter || p.specId === specFilter));
  return (
    <QaScreen title="Quality assurance">
      <h2>Sampling plans</h2>
      <div className="two-up">
        <PersonSelect label="IQA" people={staff.iqas} emptyText="Every IQA" value={iqa} onChange={setIqaFilter} />
        <ChoiceSelect
          label="Qualification"
          options={choicesOf(qualifications)}
          emptyText="Every qualification"
          value={specFilter}
          onChange={setSpecFilter}
        />
      </div>
      {shown.length === 0 ? (
        <p>No sampling plans {plans.length ? 'match the filter' : 'on this device yet'}.</p>
      ) : (
        <ul className="card-list" aria-label="Sampling plans">
          {shown.map((p) => {
            const live = p.items.filter((i) => !i.removed);
            return (
              <li key={p.id} className="card">
                <h3>
                  <Link to={routes.qaPlan(p.id)}>{p.title || `${title(p.specId)}: sampling plan`}</Link>
                </h3>
                <p className="meta">
                  {staff.name(p.iqaId)} · {title(p.specId)} · {formatDate(p.periodStart)} to {formatDate(p.periodEnd)} ·{' '}
                  {live.length} {live.length === 1 ? 'item' : 'items'}
                </p>
              </li>
            );
          })}
        </ul>
      )}
      <NewPlan staff={staff} qualifications={qualifications} />
    </QaScreen>
  );
}

function NewPlan({ staff, qualifications }: { staff: Staff; qualifications: QualificationSpec[] }) {
  const today = todayIso();
  const navigate = useNavigate();
  const form = useCheckedSave();
  const formRef = useRef<HTMLFormElement>(null);
  const { values, setValues, set } = useFormValues({
    iqaId: staff.acting?.roles.includes('iqa') ? staff.acting.id : '',
    specId: '',
    title: '',
    periodStart: today,
    periodEnd: addDays(today, 182),
    newQualification: false,
    changedUnits: '',
  });
  const fields = { values, set, invalid: form.invalid };
  const propose = () =>
    form.save(PlanForm, values, async (plan) => {
      const { items } = proposeSample(await proposalInputFor(plan));
      const saved = await saveSamplingPlan(
        { ...plan, items },
        `sampling plan proposed, ${countOf(items.length, 'item')}`,
      );
      void navigate(routes.qaPlan(saved.id));
    });
  return (
    <form
      ref={formRef}
      className="panel"
      aria-labelledby="new-plan-heading"
      noValidate
      onSubmit={(e) => {
        e.preventDefault();
        void propose();
      }}
    >
      <h2 id="new-plan-heading">New sampling plan</h2>
      <p className="meta">
        The app proposes a sample from the candidates’ work in the period, at each assessor’s rate by risk; you can
        change it afterwards.
      </p>
      <PlanScopeFields {...fields} staff={staff} qualifications={qualifications} />
      <Field label="Title (optional)">
        <input {...bind(fields, 'title')} />
      </Field>
      <label className="inline">
        <input
          type="checkbox"
          checked={values.newQualification}
          onChange={(e) => setValues((v) => ({ ...v, newQualification: e.target.checked }))}
        />
        The qualification is new to the centre (every assessor is sampled at the higher rate)
      </label>
      <Field label="Changed units (codes, separated by commas)">
        <input {...bind(fields, 'changedUnits')} />
      </Field>
      <SaveProblemAlert problem={form.problem} formRef={formRef} />
      <button type="submit" disabled={form.saving}>
        {form.saving ? 'Proposing…' : 'Propose a sample'}
      </button>
    </form>
  );
}

/** Whose plan, for which qualification, over which period. */
function PlanScopeFields({
  staff,
  qualifications,
  ...fields
}: FieldGroupProps<Record<'iqaId' | 'specId' | 'periodStart' | 'periodEnd', string>> & {
  staff: Staff;
  qualifications: QualificationSpec[];
}) {
  return (
    <div className="two-up">
      <PersonSelect
        label="IQA"
        people={staff.iqas}
        emptyText="— choose —"
        noteOf={(p) => (p.iqaStatus === 'working-towards' ? ' (working towards)' : '')}
        {...bindChoice(fields, 'iqaId')}
      />
      <ChoiceSelect
        label="Qualification"
        options={choicesOf(qualifications)}
        emptyText="— choose —"
        {...bindChoice(fields, 'specId')}
      />
      <Field label="Period from">
        <DateInput {...bind(fields, 'periodStart')} />
      </Field>
      <Field label="Period to">
        <DateInput {...bind(fields, 'periodEnd')} />
      </Field>
    </div>
  );
}
