// Form 7's grid, computed: each performance criterion with the dates competence was demonstrated.
import { unitCriteria } from '../../spec/criteria';
import { compareCodePoints } from '../../order';
import type { QualificationSpec } from '../../spec/schema';
import { shortRef } from '../criterionRefs';
import { evidenceNumbers } from '../evidenceNumbers';
import { candidateNameOf, live, personName, type FormsInput } from '../formsInput';

export interface Demonstration {
  date: string;
  evidenceId: string;
  evidenceNumber: number;
}

export interface ElementCriterionRow {
  key: string;
  /** "F2.1.1" */
  ref: string;
  text: string;
  /** Each time competence was demonstrated: the dates of the evidence mapped to the criterion. */
  demonstrations: Demonstration[];
}

export interface ElementAchievement {
  unitCode: string;
  unitTitle: string;
  outcomeId: string;
  outcomeTitle: string;
  /** "Element", "Learning outcome" … as the spec calls it. */
  outcomeKind: string;
  criteria: ElementCriterionRow[];
  /** Every criterion has been demonstrated at least once. */
  covered: boolean;
}

export interface ElementAchievementRecord {
  svqTitle: string;
  candidate: string;
  assessor: string;
  elements: ElementAchievement[];
}

const OUTCOME_KIND_LABEL = {
  element: 'Element',
  'learning-outcome': 'Learning outcome',
  'performance-group': 'Performance',
} as const;

function demonstrationsByKey(input: FormsInput): Map<string, Demonstration[]> {
  const numbers = evidenceNumbers(input);
  const evidence = new Map(live(input.evidence).map((e) => [e.id, e]));
  const out = new Map<string, Demonstration[]>();
  for (const m of live(input.mappings)) {
    const e = evidence.get(m.evidenceId);
    if (!e) continue;
    const list = out.get(m.criterionKey) ?? [];
    if (!list.some((d) => d.evidenceId === e.id))
      list.push({ date: e.date, evidenceId: e.id, evidenceNumber: numbers.get(e.id) ?? 0 });
    out.set(m.criterionKey, list);
  }
  for (const list of out.values())
    list.sort((a, b) => compareCodePoints(a.date, b.date) || a.evidenceNumber - b.evidenceNumber);
  return out;
}

/**
 * Form 7, computed: per element, each performance criterion with the dates competence was demonstrated (the
 * evidence mapped to it). Without a filter: every element of the route's units.
 */
export function buildElementAchievement(
  input: FormsInput,
  spec: QualificationSpec,
  filter: { unitCode?: string; outcomeId?: string } = {},
): ElementAchievementRecord {
  const demos = demonstrationsByKey(input);
  const codes = filter.unitCode
    ? [filter.unitCode]
    : input.enrolment.route.length
      ? input.enrolment.route
      : [...new Set(live(input.mappings).map((m) => m.unitCode))];
  const elements: ElementAchievement[] = [];
  for (const u of spec.units.filter((x) => codes.includes(x.code))) {
    const refs = unitCriteria(u).filter((r) => r.kind === 'criterion');
    for (const o of u.outcomes) {
      if (filter.outcomeId && o.id !== filter.outcomeId) continue;
      const criteria = refs
        .filter((r) => r.outcomeId === o.id)
        .map((r): ElementCriterionRow => ({
          key: r.key,
          ref: shortRef(r),
          text: r.text,
          demonstrations: demos.get(r.key) ?? [],
        }));
      elements.push({
        unitCode: u.code,
        unitTitle: u.title,
        outcomeId: o.id,
        outcomeTitle: o.title,
        outcomeKind: OUTCOME_KIND_LABEL[o.kind],
        criteria,
        covered: criteria.length > 0 && criteria.every((c) => c.demonstrations.length > 0),
      });
    }
  }
  return {
    svqTitle: spec.title,
    candidate: candidateNameOf(input),
    assessor: personName(input, input.enrolment.assessorId),
    elements,
  };
}
