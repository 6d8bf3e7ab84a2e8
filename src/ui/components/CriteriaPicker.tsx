import { useId, useState } from 'react';
import { criterionWithUnit, unitCriteria, type QualificationSpec } from '../../domain';

export interface PickedCriterion {
  unitCode: string;
  criterionKey: string;
}

/**
 * Tick criteria across any units of the qualification: one piece of evidence may cover criteria in many
 * units (cross-referencing). Route units are listed first; other units can be opened too.
 */
export function CriteriaPicker({
  spec,
  route,
  value,
  onChange,
}: {
  spec: QualificationSpec;
  route: string[];
  value: PickedCriterion[];
  onChange: (v: PickedCriterion[]) => void;
}) {
  const [showAll, setShowAll] = useState(false);
  const [filter, setFilter] = useState('');
  const filterId = useId();
  const picked = new Set(value.map((v) => v.criterionKey));
  const units = spec.units.filter((u) => showAll || route.includes(u.code) || value.some((v) => v.unitCode === u.code));
  const needle = filter.trim().toLowerCase();
  return (
    <fieldset className="criteria-picker">
      <legend>Criteria covered ({value.length} ticked)</legend>
      <label htmlFor={filterId} className="criteria-filter">
        <span>Filter criteria</span>
        <input
          id={filterId}
          type="search"
          value={filter}
          onChange={(e) => setFilter(e.target.value)}
          placeholder="e.g. complaint, F1.1"
        />
      </label>
      <label className="check">
        <input type="checkbox" checked={showAll} onChange={(e) => setShowAll(e.target.checked)} /> Show units outside
        the route
      </label>
      {units.map((unit) => {
        const refs = unitCriteria(unit).filter(
          (r) =>
            !needle ||
            r.text.toLowerCase().includes(needle) ||
            r.label.toLowerCase().includes(needle) ||
            unit.code.toLowerCase() === needle,
        );
        if (refs.length === 0) return null;
        const ticked = refs.filter((r) => picked.has(r.key)).length;
        return (
          <details key={unit.code} className="unit-details" open={ticked > 0 || needle.length > 0}>
            {/* One line per unit while folded (the title cut short, said in full when opened): a route of a dozen
                units stays within a phone screen. The count shows once something is ticked. */}
            <summary>
              <span className="code">{unit.code}</span> <span className="unit-title">{unit.title}</span>
              {ticked > 0 && <span className="meta"> ({ticked} ticked)</span>}
            </summary>
            {refs.map((r) => (
              <label key={r.key} className="unit-check">
                <input
                  type="checkbox"
                  checked={picked.has(r.key)}
                  onChange={(e) =>
                    onChange(
                      e.target.checked
                        ? [...value, { unitCode: unit.code, criterionKey: r.key }]
                        : value.filter((v) => v.criterionKey !== r.key),
                    )
                  }
                />
                <span>
                  <strong>{criterionWithUnit(unit.code, r.label)}</strong> {r.text}
                </span>
              </label>
            ))}
          </details>
        );
      })}
    </fieldset>
  );
}
