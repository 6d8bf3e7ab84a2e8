// The exact search behind planCompletion: how many units of each family of interchangeable units to count,
// pruned by what the remaining families can still reach and what closing a deficit must cost at least.
import { EPS, type CompiledRule, type CompiledSpec } from './compile';

/** What a completion costs, compared in this order. */
export interface Cost {
  size: number;
  credits: number;
  glh: number;
}

/**
 * Units with the same weight in every rule are interchangeable for the rules; only their credits and GLH
 * differ. Adding n of them is best done cheapest first (by credits, then GLH), so a family is searched as
 * "how many", never "which".
 */
export interface Family {
  weight: number[];
  /** achieved units: free to count, though a ceiling may leave some out */
  achieved: number;
  /** running cost of adding the n cheapest candidates: credits[n], glh[n] */
  credits: number[];
  glh: number[];
}

export interface Problem {
  compiled: CompiledSpec;
  families: Family[];
  /** figures and cost of units already fixed (phase 2) */
  base: number[];
  baseCost: Cost;
}

/**
 * What the families from index k onwards can still contribute, per rule r (row k = families.length is the
 * empty suffix). These bound the search: a branch that cannot reach a rule, or only at a higher cost than
 * the best found, is cut.
 */
interface SuffixBounds {
  /** A rule's figure if every unit of families k.. counted (achieved and candidates). */
  reachable: number[][];
  /** What the achieved units of families k.. add to a rule's figure at no cost. */
  achievedFigure: number[][];
  /** Candidate weights in families k.., largest first, as [weight, how many]: at least how many more units. */
  heaviestFirst: Array<Array<Array<[number, number]>>>;
  /** Fewest credits (GLH) per unit of a rule's figure any candidate of families k.. gives: a deficit d costs ≥ d × this. */
  creditsPerFigure: number[][];
  glhPerFigure: number[][];
}

const candidateCount = (f: Family) => f.credits.length - 1;

function reachableAndAchieved(
  families: Family[],
  ruleCount: number,
): Pick<SuffixBounds, 'reachable' | 'achievedFigure'> {
  const rows = () => Array.from({ length: families.length + 1 }, () => new Array<number>(ruleCount).fill(0));
  const reachable = rows();
  const achievedFigure = rows();
  for (let k = families.length - 1; k >= 0; k--) {
    const f = families[k]!;
    for (let r = 0; r < ruleCount; r++) {
      reachable[k]![r] = reachable[k + 1]![r]! + f.weight[r]! * (f.achieved + candidateCount(f));
      achievedFigure[k]![r] = achievedFigure[k + 1]![r]! + f.weight[r]! * f.achieved;
    }
  }
  return { reachable, achievedFigure };
}

function heaviestCandidatesFirst(families: Family[], ruleCount: number): SuffixBounds['heaviestFirst'] {
  const out: SuffixBounds['heaviestFirst'] = new Array(families.length + 1);
  out[families.length] = Array.from({ length: ruleCount }, () => []);
  for (let k = families.length - 1; k >= 0; k--) {
    const f = families[k]!;
    out[k] = out[k + 1]!.map((list, r) => {
      const w = f.weight[r]!;
      if (candidateCount(f) === 0 || w <= 0) return list;
      const at = list.findIndex(([x]) => x < w);
      const next = [...list];
      next.splice(at === -1 ? next.length : at, 0, [w, candidateCount(f)]);
      return next;
    });
  }
  return out;
}

function cheapestPerFigure(families: Family[], ruleCount: number, field: 'credits' | 'glh'): number[][] {
  const out: number[][] = new Array(families.length + 1);
  out[families.length] = new Array<number>(ruleCount).fill(Infinity);
  for (let k = families.length - 1; k >= 0; k--) {
    const f = families[k]!;
    let cheapestUnit = Infinity;
    for (let n = 1; n <= candidateCount(f); n++) cheapestUnit = Math.min(cheapestUnit, f[field][n]! - f[field][n - 1]!);
    out[k] = out[k + 1]!.map((best, r) => (f.weight[r]! > 0 ? Math.min(best, cheapestUnit / f.weight[r]!) : best));
  }
  return out.map((row) => row.map((x) => (x === Infinity ? 0 : x)));
}

function suffixBounds(families: Family[], ruleCount: number): SuffixBounds {
  return {
    ...reachableAndAchieved(families, ruleCount),
    heaviestFirst: heaviestCandidatesFirst(families, ruleCount),
    creditsPerFigure: cheapestPerFigure(families, ruleCount, 'credits'),
    glhPerFigure: cheapestPerFigure(families, ruleCount, 'glh'),
  };
}

/** Lower bounds on what the "at least" rules still need from families k.., given the figures so far. */
interface StillNeeded {
  /** At least how many more units; Infinity if some rule cannot be met. */
  units(k: number): number;
  /** At least what closing the largest deficit costs, in credits or GLH (by the per-figure table given). */
  cost(k: number, perFigure: number[][]): number;
}

/** `figures` is read at each call: the bounds follow the search as it changes it. */
function stillNeeded(rules: CompiledRule[], bounds: SuffixBounds, figures: number[]): StillNeeded {
  const { achievedFigure, heaviestFirst } = bounds;
  return {
    units(k) {
      let atLeast = 0;
      for (let r = 0; r < rules.length; r++) {
        if (rules[r]!.bound !== 'min') continue;
        let missing = rules[r]!.limit - figures[r]! - achievedFigure[k]![r]!;
        if (missing <= EPS) continue;
        let units = 0;
        for (const [w, n] of heaviestFirst[k]![r]!) {
          const take = Math.min(n, Math.ceil(missing / w - EPS));
          units += take;
          missing -= take * w;
          if (missing <= EPS) break;
        }
        if (missing > EPS) return Infinity;
        atLeast = Math.max(atLeast, units);
      }
      return atLeast;
    },
    cost(k, perFigure) {
      let atLeast = 0;
      for (let r = 0; r < rules.length; r++) {
        if (rules[r]!.bound !== 'min') continue;
        const missing = rules[r]!.limit - figures[r]! - achievedFigure[k]![r]!;
        if (missing > EPS) atLeast = Math.max(atLeast, missing * perFigure[k]![r]!);
      }
      return atLeast;
    },
  };
}

/**
 * One depth-first pass over how many units of each family to count, within `budget`. `figures` holds each
 * rule's figure for the counts chosen so far; it is changed in place and restored on the way back.
 */
function branchAndBound(
  problem: Problem,
  bounds: SuffixBounds,
  needed: StillNeeded,
  figures: number[],
  budget: Cost,
  /** Stop at the first completion within budget (a yes/no question) instead of the cheapest. */
  firstOnly: boolean,
): Cost | null {
  const { families } = problem;
  const rules = problem.compiled.rules;
  const { reachable, creditsPerFigure, glhPerFigure } = bounds;
  let best: Cost | null = null;
  let done = false;

  const explore = (k: number, size: number, credits: number, glh: number): void => {
    for (let r = 0; r < rules.length; r++) {
      if (rules[r]!.bound === 'min' && figures[r]! + reachable[k]![r]! < rules[r]!.limit - EPS) return;
    }
    if (size + needed.units(k) > budget.size) return;
    const creditsBound = credits + needed.cost(k, creditsPerFigure);
    if (creditsBound > (best ?? budget).credits + EPS) return;
    const glhBound = glh + needed.cost(k, glhPerFigure);
    if (glhBound > budget.glh + EPS) return;
    // Branch and bound: GLH only decides between equal credits.
    if (best && Math.abs(creditsBound - best.credits) <= EPS && glhBound >= best.glh - EPS) return;
    if (k === families.length) {
      best = { size, credits, glh };
      done = firstOnly;
      return;
    }
    const f = families[k]!;
    const most = f.achieved + candidateCount(f);
    // Counting achieved units is free: use them all first, then add, then leave some out (ceilings).
    for (let n = f.achieved; n <= most && !done; n++) count(f, k, n, size, credits, glh);
    for (let n = f.achieved - 1; n >= 0 && !done; n--) count(f, k, n, size, credits, glh);
  };

  /** Counts n units of family k (achieved ones first), unless that breaks a ceiling or the size budget. */
  const count = (f: Family, k: number, n: number, size: number, credits: number, glh: number): void => {
    for (let r = 0; r < rules.length; r++) {
      if (rules[r]!.bound === 'max' && figures[r]! + f.weight[r]! * n > rules[r]!.limit + EPS) return;
    }
    const added = Math.max(0, n - f.achieved);
    if (size + added > budget.size) return;
    for (let r = 0; r < rules.length; r++) figures[r]! += f.weight[r]! * n;
    explore(k + 1, size + added, credits + f.credits[added]!, glh + f.glh[added]!);
    for (let r = 0; r < rules.length; r++) figures[r]! -= f.weight[r]! * n;
  };

  explore(0, problem.baseCost.size, problem.baseCost.credits, problem.baseCost.glh);
  return best;
}

/**
 * Search over how many units of each family to count. With `limit`, finds whether any completion costs at
 * most `limit` in every component; without, the cheapest completion (iterative deepening on size, then
 * branch and bound on credits and GLH).
 */
export function search(problem: Problem, limit?: Cost): Cost | null {
  const { compiled, families, base, baseCost } = problem;
  const bounds = suffixBounds(families, compiled.rules.length);
  // One figures array for every pass: each pass leaves it as it found it.
  const figures = [...base];
  const needed = stillNeeded(compiled.rules, bounds, figures);
  if (limit) return branchAndBound(problem, bounds, needed, figures, limit, true);
  const mostUnits = families.reduce((n, f) => n + candidateCount(f), 0);
  const fewestUnits = needed.units(0);
  const firstSize = baseCost.size + (fewestUnits === Infinity ? mostUnits + 1 : fewestUnits);
  for (let size = firstSize; size <= baseCost.size + mostUnits; size++) {
    const found = branchAndBound(problem, bounds, needed, figures, { size, credits: Infinity, glh: Infinity }, false);
    if (found) return found;
  }
  return null;
}
