// The stages of an appeal, in order: each a stage, a date, who handled it and notes; added and removed in place.
import { APPEAL_STAGES } from '../../../domain';
import { todayIso } from '../../../storage';
import { PersonSelect } from '../../components/PersonSelect';
import type { Staff } from './common';
import { STAGE_TEXT } from './AppealsPage';
import { DateInput } from '../../components/DateInput';

export interface StageValues {
  stage: (typeof APPEAL_STAGES)[number];
  date: string;
  by: string;
  notes: string;
}

interface Props {
  stages: StageValues[];
  onChange: (stages: StageValues[]) => void;
  staff: Staff;
  invalid: boolean | undefined;
}

export function AppealStages({ stages, onChange, staff, invalid }: Props) {
  const update = (i: number, change: Partial<StageValues>) =>
    onChange(stages.map((s, j) => (j === i ? { ...s, ...change } : s)));
  const handlers = staff.people.filter((p) => p.roles.some((r) => r === 'assessor' || r === 'iqa'));
  const next = APPEAL_STAGES[Math.min(stages.length, APPEAL_STAGES.length - 1)]!;
  return (
    <fieldset className="field">
      <legend>Stages</legend>
      {stages.map((s, i) => (
        <div key={i} className="two-up" role="group" aria-label={`Stage ${i + 1}`}>
          <label className="field">
            <span>Stage</span>
            <select value={s.stage} onChange={(e) => update(i, { stage: e.target.value as StageValues['stage'] })}>
              {APPEAL_STAGES.map((k) => (
                <option key={k} value={k}>
                  {STAGE_TEXT[k]}
                </option>
              ))}
            </select>
          </label>
          <label className="field">
            <span>Date</span>
            <DateInput
              name={i === 0 ? 'stages' : undefined}
              aria-invalid={invalid}
              value={s.date}
              onChange={(e) => update(i, { date: e.target.value })}
            />
          </label>
          <PersonSelect
            label="Handled by"
            people={handlers}
            emptyText="—"
            value={s.by}
            onChange={(by) => update(i, { by })}
          />
          <label className="field">
            <span>Notes</span>
            <input value={s.notes} onChange={(e) => update(i, { notes: e.target.value })} />
          </label>
          <p>
            <button type="button" className="secondary" onClick={() => onChange(stages.filter((_, j) => j !== i))}>
              Remove stage {i + 1}
            </button>
          </p>
        </div>
      ))}
      <p>
        <button
          type="button"
          className="secondary"
          onClick={() => onChange([...stages, { stage: next, date: todayIso(), by: '', notes: '' }])}
        >
          Add a stage
        </button>
      </p>
    </fieldset>
  );
}
