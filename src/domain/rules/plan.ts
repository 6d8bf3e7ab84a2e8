import type { QualificationSpec } from '../spec/schema';
import { compareCodes, compileSpec, resolveCodes, type CompiledSpec } from './compile';
import { search, type Problem } from './search';

export interface PlanOptions {
  /** Only suggest units from this list (the candidate's preferences). */
  only?: Iterable<string>;
  /** Never suggest these units. */
  exclude?: Iterable<string>;
}

export interface CompletionPlan {
  possible: boolean;
  /** Units to add, in code order. Empty when already achieved (or impossible). */
  addUnits: string[];
}

function runningSums(values: readonly number[]): number[] {
  const sums = new Array<number>(values.length + 1);
  sums[0] = 0;
  for (let i = 0; i < values.length; i++) sums[i + 1] = sums[i]! + values[i]!;
  return sums;
}

function buildProblem(compiled: CompiledSpec, achieved: number[], candidates: number[], forced: number[]): Problem {
  const { spec, weights, rules } = compiled;
  const byKey = new Map<string, { weight: number[]; achieved: number; units: number[] }>();
  const familyOf = (i: number) => {
    const key = weights[i]!.join(',');
    let f = byKey.get(key);
    if (!f) byKey.set(key, (f = { weight: weights[i]!, achieved: 0, units: [] }));
    return f;
  };
  for (const i of achieved) familyOf(i).achieved++;
  for (const i of candidates) familyOf(i).units.push(i);
  const credits = (i: number) => spec.units[i]!.credits ?? 0;
  const glh = (i: number) => spec.units[i]!.glh ?? 0;
  const families = [...byKey.values()]
    .map((f) => {
      const sorted = [...f.units].sort((a, b) => credits(a) - credits(b) || glh(a) - glh(b));
      return {
        weight: f.weight,
        achieved: f.achieved,
        credits: runningSums(sorted.map(credits)),
        glh: runningSums(sorted.map(glh)),
      };
    })
    // Families that weigh most first, so the bounds bite early.
    .sort((a, b) => b.weight.reduce((s, w) => s + w, 0) - a.weight.reduce((s, w) => s + w, 0));
  const base = rules.map((_, r) => forced.reduce((s, i) => s + weights[i]![r]!, 0));
  const baseCost = {
    size: forced.length,
    credits: forced.reduce((s, i) => s + credits(i), 0),
    glh: forced.reduce((s, i) => s + glh(i), 0),
  };
  return { compiled, families, base, baseCost };
}

/**
 * The smallest set of further units that makes the award achieved (ties: fewest credits, then fewest
 * GLH, then code order). Exact: first the optimal cost, then, in code order, each unit is kept if some
 * completion of that same cost still exists with it (and without the units passed over).
 */
export function planCompletion(
  spec: QualificationSpec,
  achievedUnitCodes: Iterable<string>,
  options: PlanOptions = {},
): CompletionPlan {
  const compiled = compileSpec(spec);
  const { indexes: achieved } = resolveCodes(compiled, achievedUnitCodes);
  const achievedSet = new Set(achieved);
  const only = options.only ? new Set(options.only) : null;
  const exclude = new Set(options.exclude ?? []);
  const candidates = spec.units
    .map((u, i) => ({ u, i }))
    .filter(({ u, i }) => !achievedSet.has(i) && !exclude.has(u.code) && (only === null || only.has(u.code)))
    .sort((a, b) => compareCodes(a.u.code, b.u.code))
    .map(({ i }) => i);

  const optimum = search(buildProblem(compiled, achieved, candidates, []));
  if (!optimum) return { possible: false, addUnits: [] };

  const chosen: number[] = [];
  for (let j = 0; j < candidates.length && chosen.length < optimum.size; j++) {
    const unit = candidates[j]!;
    const withUnit = [...chosen, unit];
    const rest = candidates.slice(j + 1);
    if (search(buildProblem(compiled, achieved, rest, withUnit), optimum)) chosen.push(unit);
  }
  return { possible: true, addUnits: chosen.map((i) => spec.units[i]!.code) };
}
