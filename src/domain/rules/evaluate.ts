import type { QualificationSpec, Rule } from '../spec/schema';
import { compileSpec, EPS, figuresOf, meets, resolveCodes, type CompiledSpec } from './compile';
import { describeRule, explainResult } from './explain';

export interface RuleResult {
  ruleId: string;
  kind: Rule['kind'];
  /** The rule in words ("At least 15 credits from group A"). */
  description: string;
  satisfied: boolean;
  /** The figure for the units that count (for a ceiling in evaluateAward: after leaving units out). */
  current: number;
  /** The bound: the minimum for "at least" rules, the maximum for ceilings. */
  required: number;
  explanation: string;
}

export interface AwardEvaluation {
  achieved: boolean;
  rules: RuleResult[];
  /** The units counted towards the award (a subset of the recognised achieved units). */
  countedUnits: string[];
  unknownCodes: string[];
}

export interface RouteCheck {
  valid: boolean;
  rules: RuleResult[];
  unknownCodes: string[];
}

interface UnitClass {
  /** unit indexes, spec order */
  members: number[];
  weight: number[];
}

/** Units with the same contribution to every rule are interchangeable: search over counts per class. */
function classesOf(compiled: CompiledSpec, indexes: readonly number[]): UnitClass[] {
  const byKey = new Map<string, UnitClass>();
  for (const i of indexes) {
    const weight = compiled.weights[i]!;
    const key = weight.join(',');
    const cls = byKey.get(key);
    if (cls) cls.members.push(i);
    else byKey.set(key, { members: [i], weight });
  }
  return [...byKey.values()];
}

interface SubsetChoice {
  indexes: number[];
  figures: number[];
  achieved: boolean;
}

const SEARCH_NODE_CAP = 200_000;

/**
 * Chooses which achieved units count. Units that touch no ceiling always count (every other rule only
 * gains from them); for the rest the search tries counts per class, pruning on ceilings. Returns a subset
 * meeting every rule when one exists; otherwise the subset meeting the most rules (then most progress).
 */
export function chooseCountedUnits(compiled: CompiledSpec, achieved: readonly number[]): SubsetChoice {
  const rules = compiled.rules;
  const maxRules = rules.map((r, i) => (r.bound === 'max' ? i : -1)).filter((i) => i >= 0);
  const free: number[] = [];
  const constrained: number[] = [];
  for (const i of achieved) {
    const w = compiled.weights[i]!;
    if (maxRules.some((r) => w[r]! > 0)) constrained.push(i);
    else free.push(i);
  }
  const base = figuresOf(compiled, free);
  if (constrained.length === 0) {
    return { indexes: free, figures: base, achieved: rules.every((r, i) => meets(r, base[i]!)) };
  }
  const classes = classesOf(compiled, constrained);
  // suffix[k][r]: the most classes k.. can add to rule r
  const suffix: number[][] = Array.from({ length: classes.length + 1 }, () => rules.map(() => 0));
  for (let k = classes.length - 1; k >= 0; k--) {
    const cls = classes[k]!;
    suffix[k] = suffix[k + 1]!.map((s, r) => s + cls.weight[r]! * cls.members.length);
  }
  const counts = classes.map(() => 0);
  let best: { counts: number[]; score: number; progress: number } | null = null;
  let found = false;
  let nodes = 0;

  const score = (sums: number[]) => {
    let satisfied = 0;
    let progress = 0;
    rules.forEach((r, i) => {
      if (meets(r, sums[i]!)) satisfied++;
      if (r.bound === 'min' && r.limit > 0) progress += Math.min(1, sums[i]! / r.limit);
    });
    return { satisfied, progress };
  };

  const dfs = (k: number, sums: number[], pruneUnreachable: boolean): void => {
    if (found || nodes++ > SEARCH_NODE_CAP) return;
    if (pruneUnreachable) {
      for (let r = 0; r < rules.length; r++) {
        const rule = rules[r]!;
        if (rule.bound === 'min' && sums[r]! + suffix[k]![r]! < rule.limit - EPS) return;
      }
    }
    if (k === classes.length) {
      const { satisfied, progress } = score(sums);
      if (satisfied === rules.length) found = true;
      if (!best || satisfied > best.score || (satisfied === best.score && progress > best.progress + EPS)) {
        best = { counts: [...counts], score: satisfied, progress };
      }
      return;
    }
    const cls = classes[k]!;
    // More units first: among subsets that work, the search settles on one that counts as much as it can.
    for (let n = cls.members.length; n >= 0; n--) {
      const next = sums.map((s, r) => s + cls.weight[r]! * n);
      if (maxRules.some((r) => next[r]! > rules[r]!.limit + EPS)) continue;
      counts[k] = n;
      dfs(k + 1, next, pruneUnreachable);
      if (found) return;
    }
    counts[k] = 0;
  };

  dfs(0, base, true);
  if (!found) {
    nodes = 0;
    dfs(0, base, false);
  }
  const chosen = [...free];
  const finalCounts = (best as { counts: number[] } | null)?.counts ?? classes.map(() => 0);
  classes.forEach((cls, k) => chosen.push(...cls.members.slice(0, finalCounts[k])));
  chosen.sort((a, b) => a - b);
  const figures = figuresOf(compiled, chosen);
  return { indexes: chosen, figures, achieved: rules.every((r, i) => meets(r, figures[i]!)) };
}

function missingFromGroup(compiled: CompiledSpec, group: string, present: ReadonlySet<number>): string[] {
  return compiled.spec.units.filter((u, i) => u.group === group && !present.has(i)).map((u) => u.code);
}

function results(
  compiled: CompiledSpec,
  counted: readonly number[],
  all: readonly number[],
  mode: 'award' | 'route',
): RuleResult[] {
  const { spec } = compiled;
  const figures = figuresOf(compiled, counted);
  const allFigures = figuresOf(compiled, all);
  const present = new Set(counted);
  return compiled.rules.map((c, r) => {
    const current = figures[r]!;
    const satisfied = meets(c, current);
    const rule = c.rule;
    return {
      ruleId: rule.id,
      kind: rule.kind,
      description: describeRule(spec, rule),
      satisfied,
      current,
      required: c.limit,
      explanation: explainResult(spec, rule, current, satisfied, {
        mode,
        missingUnits: rule.kind === 'allOfGroup' ? missingFromGroup(compiled, rule.group, present) : undefined,
        leftOut: c.bound === 'max' ? allFigures[r]! - current : undefined,
      }),
    };
  });
}

/**
 * Is the award achieved? True when SOME subset of the achieved units meets every rule: extra units never
 * block an award (a ceiling is met by leaving units out). Unknown codes are reported and ignored.
 */
export function evaluateAward(spec: QualificationSpec, achievedUnitCodes: Iterable<string>): AwardEvaluation {
  const compiled = compileSpec(spec);
  const { indexes, unknown } = resolveCodes(compiled, achievedUnitCodes);
  const choice = chooseCountedUnits(compiled, indexes);
  return {
    achieved: choice.achieved,
    rules: results(compiled, choice.indexes, indexes, 'award'),
    countedUnits: choice.indexes.map((i) => spec.units[i]!.code),
    unknownCodes: unknown,
  };
}

/** A planned route judged as a whole: every chosen unit counts, so ceilings can be broken. */
export function checkRoute(spec: QualificationSpec, chosenUnitCodes: Iterable<string>): RouteCheck {
  const compiled = compileSpec(spec);
  const { indexes, unknown } = resolveCodes(compiled, chosenUnitCodes);
  const rules = results(compiled, indexes, indexes, 'route');
  return { valid: rules.every((r) => r.satisfied), rules, unknownCodes: unknown };
}
