import { useMemo } from 'react';
import {
  countOf,
  checkRoute,
  evaluateAward,
  planCompletion,
  type CompletionPlan,
  type QualificationSpec,
  unitFacts,
} from '../../domain';
import { useWhatIf } from '../state/whatIf';
import { RuleLine } from './RuleLine';

const NONE: string[] = [];

/** Tick units and see, rule by rule, whether the award is achieved and what is still missing. */
export function WhatIfPanel({ spec }: { spec: QualificationSpec }) {
  const ticked = useWhatIf((s) => s.ticked[spec.id] ?? NONE);
  const mode = useWhatIf((s) => s.mode);
  const { set, setMode } = useWhatIf.getState();

  const evaluation = useMemo(() => (mode === 'award' ? evaluateAward(spec, ticked) : null), [spec, ticked, mode]);
  const route = useMemo(() => (mode === 'route' ? checkRoute(spec, ticked) : null), [spec, ticked, mode]);
  const plan = useMemo(() => planCompletion(spec, ticked), [spec, ticked]);
  const results = evaluation?.rules ?? route?.rules ?? [];
  const ok = evaluation ? evaluation.achieved : (route?.valid ?? false);

  return (
    <aside className="what-if" aria-labelledby="what-if-heading">
      <h2 id="what-if-heading">What if</h2>
      <fieldset className="mode">
        <legend>Treat the ticked units as</legend>
        <label>
          <input type="radio" name="what-if-mode" checked={mode === 'award'} onChange={() => setMode('award')} />
          achieved units (is the award achieved?)
        </label>
        <label>
          <input type="radio" name="what-if-mode" checked={mode === 'route'} onChange={() => setMode('route')} />a
          planned route (judged as a whole, ceilings count)
        </label>
      </fieldset>

      <div className={`verdict ${ok ? 'ok' : 'not-ok'}`} role="status" aria-live="polite" data-testid="verdict">
        {mode === 'award'
          ? ok
            ? '✓ Award achieved'
            : '✗ Award not yet achieved'
          : ok
            ? '✓ Route is valid'
            : '✗ Route does not meet the rules'}
        <span className="meta"> ({countOf(ticked.length, 'unit')} ticked)</span>
      </div>

      <h3>Rules</h3>
      <ul className="rule-results" aria-label="Rule status">
        {results.map((r) => (
          <RuleLine key={r.ruleId} result={r} />
        ))}
      </ul>

      <h3>Still missing</h3>
      <StillMissing
        awardAchieved={ok && mode === 'award'}
        plan={plan}
        onTick={() => set(spec.id, [...ticked, ...plan.addUnits])}
      />

      <UnitTicks spec={spec} ticked={ticked} />
    </aside>
  );
}

interface StillMissingProps {
  awardAchieved: boolean;
  plan: CompletionPlan;
  /** Ticks the units the plan suggests. */
  onTick: () => void;
}

/** The smallest set of units still to add, or why there is none. */
function StillMissing({ awardAchieved, plan, onTick }: StillMissingProps) {
  return (
    <div data-testid="plan">
      {awardAchieved ? (
        <p>Nothing: the ticked units achieve the award.</p>
      ) : plan.possible ? (
        plan.addUnits.length === 0 ? (
          <p>Nothing to add: leave out units over a ceiling and the award is achieved.</p>
        ) : (
          <>
            <p>
              Smallest set of units to add ({plan.addUnits.length}): <strong>{plan.addUnits.join(', ')}</strong>
            </p>
            <button type="button" onClick={onTick}>
              Tick the suggested units
            </button>
          </>
        )
      ) : (
        <p>No choice of further units can achieve the award.</p>
      )}
    </div>
  );
}

/** The spec's units by group, ticked or not. */
function UnitTicks({ spec, ticked }: { spec: QualificationSpec; ticked: string[] }) {
  const { toggle, set } = useWhatIf.getState();
  const groups = spec.groups.length > 0 ? spec.groups : [null];
  return (
    <fieldset className="unit-picker">
      <legend>Units</legend>
      <button type="button" className="secondary" onClick={() => set(spec.id, [])} disabled={ticked.length === 0}>
        Clear all
      </button>
      {groups.map((group) => (
        <div key={group?.id ?? 'all'} className="picker-group">
          {group && <p className="picker-group-title">{group.id.length <= 3 ? `Group ${group.id}` : group.title}</p>}
          {spec.units
            .filter((u) => u.group === (group?.id ?? null))
            .map((u) => (
              <label key={u.code} className="unit-check">
                <input type="checkbox" checked={ticked.includes(u.code)} onChange={() => toggle(spec.id, u.code)} />
                <span>
                  <strong>{u.code}</strong> {u.title}
                  <span className="meta"> ({unitFacts(u)})</span>
                </span>
              </label>
            ))}
        </div>
      ))}
    </fieldset>
  );
}
