// Every rule of combination is a linear constraint: a figure summed over the chosen units (units, credits,
// credits at a level, GLH …) with a lower bound ("at least") or an upper bound ("at most", a ceiling).
// Compiling rules to per-unit weights lets one search serve every rule kind, and adding a qualification
// never needs code.
import type { QualificationSpec, Rule, Unit } from '../spec/schema';
import { compareCodePoints } from '../order';

export interface CompiledRule {
  rule: Rule;
  bound: 'min' | 'max';
  limit: number;
  /** Contribution of one unit to the rule's figure (0 when out of scope). */
  weight: (unit: Unit) => number;
}

/** Tolerance for sums of fractional credits. */
export const EPS = 1e-9;

function inGroups(groups: readonly string[] | undefined, unit: Unit): boolean {
  return groups === undefined || (unit.group !== null && groups.includes(unit.group));
}

export function compileRule(spec: QualificationSpec, rule: Rule): CompiledRule {
  switch (rule.kind) {
    case 'allOfGroup': {
      const size = spec.units.filter((u) => u.group === rule.group).length;
      return { rule, bound: 'min', limit: size, weight: (u) => (u.group === rule.group ? 1 : 0) };
    }
    case 'minUnits':
      return { rule, bound: 'min', limit: rule.min, weight: (u) => (inGroups(rule.groups, u) ? 1 : 0) };
    case 'minCredits':
      return { rule, bound: 'min', limit: rule.min, weight: (u) => (inGroups(rule.groups, u) ? (u.credits ?? 0) : 0) };
    case 'maxCredits':
      return { rule, bound: 'max', limit: rule.max, weight: (u) => (inGroups(rule.groups, u) ? (u.credits ?? 0) : 0) };
    case 'minCreditsAtLevel':
      return {
        rule,
        bound: 'min',
        limit: rule.min,
        weight: (u) => (inGroups(rule.groups, u) && u.level !== null && u.level >= rule.level ? (u.credits ?? 0) : 0),
      };
    case 'maxUnitsAtLevels':
      return {
        rule,
        bound: 'max',
        limit: rule.max,
        weight: (u) => (inGroups(rule.groups, u) && u.level !== null && rule.levels.includes(u.level) ? 1 : 0),
      };
    case 'minGlh':
      return { rule, bound: 'min', limit: rule.min, weight: (u) => (inGroups(rule.groups, u) ? (u.glh ?? 0) : 0) };
  }
}

export interface CompiledSpec {
  spec: QualificationSpec;
  rules: CompiledRule[];
  /** weights[unitIndex][ruleIndex] */
  weights: number[][];
  unitIndex: Map<string, number>;
}

const cache = new WeakMap<QualificationSpec, CompiledSpec>();

export function compileSpec(spec: QualificationSpec): CompiledSpec {
  const cached = cache.get(spec);
  if (cached) return cached;
  const rules = spec.rules.map((r) => compileRule(spec, r));
  const compiled: CompiledSpec = {
    spec,
    rules,
    weights: spec.units.map((u) => rules.map((r) => r.weight(u))),
    unitIndex: new Map(spec.units.map((u, i) => [u.code, i])),
  };
  cache.set(spec, compiled);
  return compiled;
}

/** Splits codes into known unit indexes (deduplicated, spec order) and unrecognised codes. */
export function resolveCodes(
  compiled: CompiledSpec,
  codes: Iterable<string>,
): { indexes: number[]; unknown: string[] } {
  const seen = new Set<number>();
  const unknown: string[] = [];
  for (const code of codes) {
    const i = compiled.unitIndex.get(code);
    if (i === undefined) {
      if (!unknown.includes(code)) unknown.push(code);
    } else seen.add(i);
  }
  return { indexes: [...seen].sort((a, b) => a - b), unknown };
}

export function figuresOf(compiled: CompiledSpec, indexes: readonly number[]): number[] {
  const sums = compiled.rules.map(() => 0);
  for (const i of indexes) {
    const w = compiled.weights[i]!;
    for (let r = 0; r < sums.length; r++) sums[r]! += w[r]!;
  }
  return sums;
}

export function meets(rule: CompiledRule, figure: number): boolean {
  return rule.bound === 'min' ? figure >= rule.limit - EPS : figure <= rule.limit + EPS;
}

/**
 * Natural order of unit codes: "2" before "10", "BUS13" before "CUS5"; letters without regard to case, then lower
 * case first. What Intl.Collator('en', { numeric: true }) gives for codes of letters and digits
 * (tests/unit/domain/compareCodes.test.ts checks), without building one: its first build cost a slow phone's
 * portfolio screen ~60 ms at 4×.
 */
export function compareCodes(a: string, b: string): number {
  const x = a.match(CODE_RUNS) ?? [];
  const y = b.match(CODE_RUNS) ?? [];
  for (let i = 0; i < Math.min(x.length, y.length); i++) {
    const order = compareRuns(x[i]!, y[i]!);
    if (order !== 0) return order;
  }
  if (x.length !== y.length) return x.length < y.length ? -1 : 1;
  // Equal but for case (or leading zeros): lower case first, then the shorter number, as the collator does.
  return compareCodePoints(swapCase(a), swapCase(b));
}

const CODE_RUNS = /\d+|\D+/g;
const isDigits = (run: string) => run.charCodeAt(0) >= 48 && run.charCodeAt(0) <= 57;
const swapCase = (s: string) => s.replace(/[a-z]+|[A-Z]+/g, (m) => (m[0]! >= 'a' ? m.toUpperCase() : m.toLowerCase()));

function compareRuns(x: string, y: string): number {
  const [dx, dy] = [isDigits(x), isDigits(y)];
  if (dx && dy) {
    const [nx, ny] = [x.replace(/^0+(?=\d)/, ''), y.replace(/^0+(?=\d)/, '')];
    return nx.length !== ny.length ? (nx.length < ny.length ? -1 : 1) : compareCodePoints(nx, ny);
  }
  // Digits before letters and other characters.
  if (dx !== dy) return dx ? -1 : 1;
  return compareCodePoints(x.toLowerCase(), y.toLowerCase());
}
