// How a spec's units and criteria are named to people: a unit's level and credit value saying plainly what the
// spec does not state, and a criterion named once with its unit ("F1.1", not "F1 F1.1").
import type { Unit } from './schema';

/** "level 4, 15 credits, 60 GLH"; a value the spec does not state is said so ("credit value not set"), never "—". */
export function unitFacts(unit: Pick<Unit, 'level' | 'credits'> & { glh?: number | null }): string {
  return [
    unit.level !== null ? `level ${unit.level}` : 'level not set',
    unit.credits !== null ? `${unit.credits} ${unit.credits === 1 ? 'credit' : 'credits'}` : 'credit value not set',
    ...(unit.glh !== null && unit.glh !== undefined ? [`${unit.glh} GLH`] : []),
  ].join(', ');
}

/** A criterion with its unit: "A10 PC 3", "F1.1 PC 3", or "F1.1" where the label already starts with the unit. */
export function criterionWithUnit(unitCode: string, label: string): string {
  const named = label === unitCode || label.startsWith(`${unitCode}.`) || label.startsWith(`${unitCode} `);
  return named ? label : `${unitCode} ${label}`;
}
