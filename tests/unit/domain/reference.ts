// A deliberately naive reference for the rules engine: figures straight from the rule definitions and
// brute force over every subset. Only for small random specs in property tests.
import type { QualificationSpec, Rule, Unit } from '../../../src/domain';
import { compareCodes } from '../../../src/domain';

const inScope = (groups: string[] | undefined, u: Unit) => !groups || (u.group !== null && groups.includes(u.group));

export function ruleMet(spec: QualificationSpec, rule: Rule, units: Unit[]): boolean {
  const scoped = (groups?: string[]) => units.filter((u) => inScope(groups, u));
  const sum = (us: Unit[], f: (u: Unit) => number) => us.reduce((s, u) => s + f(u), 0);
  switch (rule.kind) {
    case 'allOfGroup':
      return spec.units.filter((u) => u.group === rule.group).every((u) => units.includes(u));
    case 'minUnits':
      return scoped(rule.groups).length >= rule.min;
    case 'minCredits':
      return sum(scoped(rule.groups), (u) => u.credits ?? 0) >= rule.min;
    case 'maxCredits':
      return sum(scoped(rule.groups), (u) => u.credits ?? 0) <= rule.max;
    case 'minCreditsAtLevel':
      return (
        sum(
          scoped(rule.groups).filter((u) => u.level !== null && u.level >= rule.level),
          (u) => u.credits ?? 0,
        ) >= rule.min
      );
    case 'maxUnitsAtLevels':
      return scoped(rule.groups).filter((u) => u.level !== null && rule.levels.includes(u.level)).length <= rule.max;
    case 'minGlh':
      return sum(scoped(rule.groups), (u) => u.glh ?? 0) >= rule.min;
  }
}

export function subsets<T>(items: T[]): T[][] {
  const out: T[][] = [];
  for (let mask = 0; mask < 1 << items.length; mask++) out.push(items.filter((_, i) => mask & (1 << i)));
  return out;
}

export function bruteAchieved(spec: QualificationSpec, codes: string[]): boolean {
  const units = spec.units.filter((u) => codes.includes(u.code));
  return subsets(units).some((s) => spec.rules.every((r) => ruleMet(spec, r, s)));
}

export function bruteRoute(spec: QualificationSpec, codes: string[]): boolean[] {
  const units = spec.units.filter((u) => codes.includes(u.code));
  return spec.rules.map((r) => ruleMet(spec, r, units));
}

export function brutePlan(
  spec: QualificationSpec,
  achieved: string[],
  exclude: string[] = [],
): { possible: boolean; addUnits: string[] } {
  const candidates = spec.units.filter((u) => !achieved.includes(u.code) && !exclude.includes(u.code));
  let best: { units: Unit[]; credits: number; glh: number; codes: string[] } | null = null;
  for (const extra of subsets(candidates)) {
    if (!bruteAchieved(spec, [...achieved, ...extra.map((u) => u.code)])) continue;
    const credits = extra.reduce((s, u) => s + (u.credits ?? 0), 0);
    const glh = extra.reduce((s, u) => s + (u.glh ?? 0), 0);
    const codes = extra.map((u) => u.code).sort(compareCodes);
    const better =
      !best ||
      extra.length < best.units.length ||
      (extra.length === best.units.length &&
        (credits < best.credits ||
          (credits === best.credits && (glh < best.glh || (glh === best.glh && lexLess(codes, best.codes))))));
    if (better) best = { units: extra, credits, glh, codes };
  }
  return best ? { possible: true, addUnits: best.codes } : { possible: false, addUnits: [] };
}

function lexLess(a: string[], b: string[]) {
  for (let i = 0; i < Math.min(a.length, b.length); i++) {
    const c = compareCodes(a[i]!, b[i]!);
    if (c !== 0) return c < 0;
  }
  return a.length < b.length;
}
