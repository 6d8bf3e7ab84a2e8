import type { Unit } from './schema';

/** One assessable statement of a unit: a performance/assessment criterion or a knowledge item. */
export interface CriterionRef {
  /** Stable key within the spec: "<unit>|pc|<outcome>|<criterion>" or "<unit>|k|<item>". */
  key: string;
  unitCode: string;
  kind: 'criterion' | 'knowledge';
  outcomeId: string | null;
  id: string;
  /** Short label as an assessor would write it: "F1.1 PC 3", "LO2 2.1", "K 12". */
  label: string;
  text: string;
}

export function criterionKey(unitCode: string, kind: 'criterion' | 'knowledge', id: string, outcomeId: string | null) {
  return kind === 'knowledge' ? `${unitCode}|k|${id}` : `${unitCode}|pc|${outcomeId ?? ''}|${id}`;
}

/** Every assessable statement of a unit, in printed order (criteria by outcome, then knowledge). */
export function unitCriteria(unit: Unit): CriterionRef[] {
  const refs: CriterionRef[] = [];
  for (const outcome of unit.outcomes) {
    for (const c of outcome.criteria) {
      const label =
        outcome.kind === 'element'
          ? `${outcome.id} PC ${c.id}`
          : outcome.kind === 'performance-group'
            ? `PC ${c.id}`
            : `AC ${c.id}`;
      refs.push({
        key: criterionKey(unit.code, 'criterion', c.id, outcome.id),
        unitCode: unit.code,
        kind: 'criterion',
        outcomeId: outcome.id,
        id: c.id,
        label,
        text: c.text,
      });
    }
    // An element printed without its criteria is itself the thing evidence is mapped to.
    if (outcome.criteria.length === 0) {
      refs.push({
        key: criterionKey(unit.code, 'criterion', outcome.id, outcome.id),
        unitCode: unit.code,
        kind: 'criterion',
        outcomeId: outcome.id,
        id: outcome.id,
        label: outcome.id,
        text: outcome.title,
      });
    }
  }
  for (const k of unit.knowledge ?? []) {
    refs.push({
      key: criterionKey(unit.code, 'knowledge', k.id, null),
      unitCode: unit.code,
      kind: 'knowledge',
      outcomeId: null,
      id: k.id,
      label: `K ${k.id}`,
      text: k.text,
    });
  }
  return refs;
}
