// One planned sample: what it samples, when, why (in the proposer's words and the IQA's), its state, a link to
// record the decision, and the IQA's change or removal (each needs a reason, kept with the item).
import { useId, useState } from 'react';
import { Link } from 'react-router';
import {
  changePlanItem,
  EVIDENCE_TYPE_LABELS,
  EVIDENCE_TYPES,
  formatDate,
  removePlanItem,
  SAMPLE_STAGES,
  type EvidenceTypeCode,
  type PlanItem,
  type SamplingPlan,
} from '../../../../domain';
import { routes } from '../../../routes';
import { Field, SAMPLE_STAGE_TEXT, useTriedSave, WordsSelect, type Staff } from '../common';
import { DateInput } from '../../../components/DateInput';

const STATE_TEXT = { done: 'Done', overdue: 'Overdue', open: 'Planned' } as const;
const ORIGIN_TEXT = {
  proposed: 'Proposed',
  'added-by-iqa': 'Added by the IQA',
  'changed-by-iqa': 'Changed by the IQA',
};

interface Props {
  plan: SamplingPlan;
  item: PlanItem;
  state: keyof typeof STATE_TEXT;
  staff: Staff;
  saveItems: (items: PlanItem[], summary: string) => Promise<void>;
}

export function PlanItemCard({ plan, item, state, staff, saveItems }: Props) {
  const [editing, setEditing] = useState<'change' | 'remove' | null>(null);
  const who = staff.name(item.candidateId);
  return (
    <li className="card qa-item" data-testid="plan-item" data-item={item.id}>
      <div className="qa-item-head">
        <h3>
          {who}, unit {item.unitCode}
        </h3>
        <span className={`qa-state ${state}`}>{STATE_TEXT[state]}</span>
      </div>
      <p className="meta">
        {SAMPLE_STAGE_TEXT[item.stage]} · {formatDate(item.plannedDate)} · assessor {staff.name(item.assessorId)} ·{' '}
        {item.method ? EVIDENCE_TYPE_LABELS[item.method] : 'any method'}
        {item.site && ` · ${item.site}`} · {ORIGIN_TEXT[item.origin]}
      </p>
      <p data-testid="plan-item-reason">{item.reason}</p>
      {item.iqaReason && <p>IQA: {item.iqaReason}</p>}
      <p className="actions">
        {state !== 'done' && (
          <Link
            className="button"
            to={routes.qaDecide({ planId: plan.id, itemId: item.id })}
            aria-label={`Record a decision on ${who}, unit ${item.unitCode}`}
          >
            Record a decision
          </Link>
        )}
        <button
          type="button"
          className="secondary"
          aria-expanded={editing === 'change'}
          aria-label={`Change the sample of ${who}, unit ${item.unitCode}`}
          onClick={() => setEditing(editing === 'change' ? null : 'change')}
        >
          Change
        </button>
        <button
          type="button"
          className="secondary"
          aria-expanded={editing === 'remove'}
          aria-label={`Remove the sample of ${who}, unit ${item.unitCode}`}
          onClick={() => setEditing(editing === 'remove' ? null : 'remove')}
        >
          Remove
        </button>
      </p>
      {editing && (
        <ItemEditor mode={editing} item={item} plan={plan} done={() => setEditing(null)} saveItems={saveItems} />
      )}
    </li>
  );
}

interface EditorProps {
  mode: 'change' | 'remove';
  item: PlanItem;
  plan: SamplingPlan;
  done: () => void;
  saveItems: Props['saveItems'];
}

type ItemChange = { plannedDate: string; method: string; stage: PlanItem['stage']; site: string };

function ItemEditor({ mode, item, plan, done, saveItems }: EditorProps) {
  const id = useId();
  const [change, setChange] = useState<ItemChange>({
    plannedDate: item.plannedDate,
    method: item.method ?? '',
    stage: item.stage,
    site: item.site,
  });
  // A change keeps the IQA's earlier reason to edit; a removal gives its own.
  const [reason, setReason] = useState(mode === 'change' ? item.iqaReason : '');
  const { problem, saving, attempt } = useTriedSave();
  const save = () =>
    attempt(async () => {
      if (mode === 'change' && !/^\d{4}-\d{2}-\d{2}$/.test(change.plannedDate))
        throw new Error('Give the planned date as a date.');
      const items =
        mode === 'remove'
          ? removePlanItem(plan.items, item.id, reason)
          : changePlanItem(
              plan.items,
              item.id,
              { ...change, method: (change.method || null) as EvidenceTypeCode | null },
              reason,
            );
      await saveItems(items, `${mode === 'remove' ? 'removed' : 'changed'} the sample of ${item.unitCode}`);
      done();
    });
  return (
    <form
      className="panel"
      aria-label={mode === 'remove' ? 'Remove the sample' : 'Change the sample'}
      onSubmit={(e) => {
        e.preventDefault();
        void save();
      }}
    >
      {mode === 'change' && <ChangeFields change={change} setChange={setChange} />}
      <label className="field" htmlFor={`${id}-reason`}>
        <span>Why (kept with the item)</span>
      </label>
      <textarea
        id={`${id}-reason`}
        rows={2}
        value={reason}
        aria-invalid={problem ? true : undefined}
        onChange={(e) => setReason(e.target.value)}
      />
      {problem && (
        <p className="alert" role="alert">
          {problem}
        </p>
      )}
      <button type="submit" disabled={saving}>
        {mode === 'remove' ? 'Remove from the plan' : 'Save the change'}
      </button>{' '}
      <button type="button" className="secondary" onClick={done}>
        Cancel
      </button>
    </form>
  );
}

/** What the IQA may change about a planned sample: when, the method, the stage and the site. */
function ChangeFields({ change, setChange }: { change: ItemChange; setChange: (change: ItemChange) => void }) {
  return (
    <div className="two-up">
      <Field label="Planned date">
        <DateInput value={change.plannedDate} onChange={(e) => setChange({ ...change, plannedDate: e.target.value })} />
      </Field>
      <Field label="Method">
        <select value={change.method} onChange={(e) => setChange({ ...change, method: e.target.value })}>
          <option value="">Any method</option>
          {EVIDENCE_TYPES.map((t) => (
            <option key={t} value={t}>
              {EVIDENCE_TYPE_LABELS[t]}
            </option>
          ))}
        </select>
      </Field>
      <Field label="Stage">
        <WordsSelect
          options={SAMPLE_STAGES}
          words={SAMPLE_STAGE_TEXT}
          value={change.stage}
          onChange={(e) => setChange({ ...change, stage: e.target.value as PlanItem['stage'] })}
        />
      </Field>
      <Field label="Site">
        <input value={change.site} onChange={(e) => setChange({ ...change, site: e.target.value })} />
      </Field>
    </div>
  );
}
