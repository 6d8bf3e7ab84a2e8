import { useMemo } from 'react';
import { checkRoute, planCompletion, type QualificationSpec, unitFacts } from '../../domain';

/**
 * The candidate's route: mandatory and chosen optional units, judged as a whole as you tick. `foldUnits` folds the
 * list of units (long: dozens on a phone) under a summary of how many are chosen, while the verdict and "complete
 * the route" stay in sight.
 */
export function RoutePicker({
  spec,
  route,
  onChange,
  foldUnits = false,
}: {
  spec: QualificationSpec;
  route: string[];
  onChange: (route: string[]) => void;
  foldUnits?: boolean;
}) {
  const check = useMemo(() => checkRoute(spec, route), [spec, route]);
  const units = <UnitChecks spec={spec} route={route} onChange={onChange} />;
  return (
    <fieldset className="route-picker">
      <legend>Route: the units the candidate will achieve</legend>
      <p className={`verdict ${check.valid ? 'ok' : 'not-ok'}`} role="status" data-testid="route-verdict">
        {check.valid ? '✓ This route meets the rules of combination' : '✗ This route does not yet meet the rules'}
      </p>
      {!check.valid && (
        <ul className="meta">
          {check.rules
            .filter((r) => !r.satisfied)
            .map((r) => (
              <li key={r.ruleId}>{r.explanation}</li>
            ))}
        </ul>
      )}
      <button
        type="button"
        className="secondary"
        onClick={() => {
          const plan = planCompletion(spec, route);
          if (plan.possible) onChange([...route, ...plan.addUnits]);
        }}
      >
        Complete the route with the fewest units
      </button>
      {foldUnits ? (
        <details className="optional-fields">
          <summary>
            Choose the units yourself ({route.length} of {spec.units.length} chosen)
          </summary>
          {units}
        </details>
      ) : (
        units
      )}
    </fieldset>
  );
}

/** One checkbox per unit, by group. */
function UnitChecks({
  spec,
  route,
  onChange,
}: {
  spec: QualificationSpec;
  route: string[];
  onChange: (route: string[]) => void;
}) {
  const groups = spec.groups.length > 0 ? spec.groups : [null];
  return (
    <>
      {groups.map((group) => (
        <div key={group?.id ?? 'all'} className="picker-group">
          {group && (
            <p className="picker-group-title">
              {group.id.length <= 3 ? `Group ${group.id}: ` : ''}
              {group.title} ({group.kind})
            </p>
          )}
          {spec.units
            .filter((u) => u.group === (group?.id ?? null))
            .map((u) => (
              <label key={u.code} className="unit-check">
                <input
                  type="checkbox"
                  checked={route.includes(u.code)}
                  onChange={(e) => onChange(e.target.checked ? [...route, u.code] : route.filter((c) => c !== u.code))}
                />
                <span>
                  <strong>{u.code}</strong> {u.title}
                  <span className="meta"> ({unitFacts({ level: u.level, credits: u.credits })})</span>
                </span>
              </label>
            ))}
        </div>
      ))}
    </>
  );
}
