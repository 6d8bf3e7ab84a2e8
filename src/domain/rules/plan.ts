import type { QualificationSpec } from '../spec/schema';
import { compareCodes, compileSpec, EPS, resolveCodes, type CompiledSpec } from './compile';

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

/** What a completion costs, compared in this order. */
interface Cost {
  size: number;
  credits: number;
  glh: number;
}

/**
 * Units with the same weight in every rule are interchangeable for the rules; only their credits and GLH
 * differ. Adding n of them is best done cheapest first (by credits, then GLH), so a family is searched as
 * "how many", never "which".
 */
interface Family {
  weight: number[];
  /** achieved units: free to count, though a ceiling may leave some out */
  achieved: number;
  /** running cost of adding the n cheapest candidates: credits[n], glh[n] */
  credits: number[];
  glh: number[];
}

interface Problem {
  compiled: CompiledSpec;
  families: Family[];
  /** figures and cost of units already fixed (phase 2) */
  base: number[];
  baseCost: Cost;
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
      return { weight: f.weight, achieved: f.achieved, credits: runningSums(sorted.map(credits)), glh: runningSums(sorted.map(glh)) };
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
 * Depth-first search over how many units of each family to count. With `limit`, finds whether any
 * completion costs at most `limit` in every component; without, the cheapest completion (iterative
 * deepening on size, then branch and bound on credits and GLH).
 */
function search(problem: Problem, limit?: Cost): Cost | null {
  const { compiled, families, base, baseCost } = problem;
  const rules = compiled.rules;
  const R = rules.length;
  const K = families.length;
  const candidates = (f: Family) => f.credits.length - 1;
  const reach: number[][] = Array.from({ length: K + 1 }, () => new Array<number>(R).fill(0));
  const free: number[][] = Array.from({ length: K + 1 }, () => new Array<number>(R).fill(0));
  for (let k = K - 1; k >= 0; k--) {
    const f = families[k]!;
    for (let r = 0; r < R; r++) {
      reach[k]![r] = reach[k + 1]![r]! + f.weight[r]! * (f.achieved + candidates(f));
      free[k]![r] = free[k + 1]![r]! + f.weight[r]! * f.achieved;
    }
  }
  // Per suffix and rule: candidate weights, largest first, as [weight, how many] ("at least how many more units").
  const top: Array<Array<Array<[number, number]>>> = new Array(K + 1);
  top[K] = Array.from({ length: R }, () => []);
  for (let k = K - 1; k >= 0; k--) {
    const f = families[k]!;
    top[k] = top[k + 1]!.map((list, r) => {
      const w = f.weight[r]!;
      if (candidates(f) === 0 || w <= 0) return list;
      const at = list.findIndex(([x]) => x < w);
      const next = [...list];
      next.splice(at === -1 ? next.length : at, 0, [w, candidates(f)]);
      return next;
    });
  }
  // Per suffix: credits (GLH) per unit of each rule's figure, at best: closing a deficit d costs ≥ d × ratio.
  const ratio = (field: 'credits' | 'glh') => {
    const out: number[][] = new Array(K + 1);
    out[K] = new Array<number>(R).fill(Infinity);
    for (let k = K - 1; k >= 0; k--) {
      const f = families[k]!;
      let cheapest = Infinity;
      for (let n = 1; n <= candidates(f); n++) cheapest = Math.min(cheapest, f[field][n]! - f[field][n - 1]!);
      out[k] = out[k + 1]!.map((best, r) => (f.weight[r]! > 0 ? Math.min(best, cheapest / f.weight[r]!) : best));
    }
    return out.map((row) => row.map((x) => (x === Infinity ? 0 : x)));
  };
  const creditRatio = ratio('credits');
  const glhRatio = ratio('glh');
  const maxSize = families.reduce((n, f) => n + candidates(f), 0);
  const sums = [...base];

  const unitsNeeded = (k: number): number => {
    let lb = 0;
    for (let r = 0; r < R; r++) {
      if (rules[r]!.bound !== 'min') continue;
      let deficit = rules[r]!.limit - sums[r]! - free[k]![r]!;
      if (deficit <= EPS) continue;
      let units = 0;
      for (const [w, n] of top[k]![r]!) {
        const take = Math.min(n, Math.ceil(deficit / w - EPS));
        units += take;
        deficit -= take * w;
        if (deficit <= EPS) break;
      }
      if (deficit > EPS) return Infinity;
      lb = Math.max(lb, units);
    }
    return lb;
  };
  const costNeeded = (k: number, perWeight: number[][]): number => {
    let lb = 0;
    for (let r = 0; r < R; r++) {
      if (rules[r]!.bound !== 'min') continue;
      const deficit = rules[r]!.limit - sums[r]! - free[k]![r]!;
      if (deficit > EPS) lb = Math.max(lb, deficit * perWeight[k]![r]!);
    }
    return lb;
  };

  const run = (budget: Cost, firstOnly: boolean): Cost | null => {
    let best: Cost | null = null;
    let done = false;
    const dfs = (k: number, size: number, credits: number, glh: number): void => {
      for (let r = 0; r < R; r++) {
        if (rules[r]!.bound === 'min' && sums[r]! + reach[k]![r]! < rules[r]!.limit - EPS) return;
      }
      if (size + unitsNeeded(k) > budget.size) return;
      const creditsBound = credits + costNeeded(k, creditRatio);
      if (creditsBound > (best ?? budget).credits + EPS) return;
      const glhBound = glh + costNeeded(k, glhRatio);
      if (glhBound > budget.glh + EPS) return;
      // Branch and bound: GLH only decides between equal credits.
      if (best && Math.abs(creditsBound - best.credits) <= EPS && glhBound >= best.glh - EPS) return;
      if (k === K) {
        best = { size, credits, glh };
        done = firstOnly;
        return;
      }
      const f = families[k]!;
      const most = f.achieved + candidates(f);
      // Counting achieved units is free: use them all first, then add, then leave some out (ceilings).
      for (let n = f.achieved; n <= most && !done; n++) visit(f, k, n, size, credits, glh);
      for (let n = f.achieved - 1; n >= 0 && !done; n--) visit(f, k, n, size, credits, glh);
    };
    const visit = (f: Family, k: number, n: number, size: number, credits: number, glh: number) => {
      for (let r = 0; r < R; r++) {
        if (rules[r]!.bound === 'max' && sums[r]! + f.weight[r]! * n > rules[r]!.limit + EPS) return;
      }
      const extra = Math.max(0, n - f.achieved);
      if (size + extra > budget.size) return;
      for (let r = 0; r < R; r++) sums[r]! += f.weight[r]! * n;
      dfs(k + 1, size + extra, credits + f.credits[extra]!, glh + f.glh[extra]!);
      for (let r = 0; r < R; r++) sums[r]! -= f.weight[r]! * n;
    };
    dfs(0, baseCost.size, baseCost.credits, baseCost.glh);
    return best;
  };

  if (limit) return run(limit, true);
  const start = unitsNeeded(0);
  for (let size = baseCost.size + (start === Infinity ? maxSize + 1 : start); size <= baseCost.size + maxSize; size++) {
    const found = run({ size, credits: Infinity, glh: Infinity }, false);
    if (found) return found;
  }
  return null;
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
