// Rules and results in plain English.
import type { QualificationSpec, Rule } from '../spec/schema';

function groupLabel(spec: QualificationSpec, id: string): string {
  const group = spec.groups.find((g) => g.id === id);
  if (!group) return id;
  return id.length <= 3 ? id : group.title;
}

/** "group A", "groups B, C or E", "the themes Delivery or Handling problems" */
export function groupsPhrase(spec: QualificationSpec, groups: readonly string[] | undefined): string {
  if (!groups) return '';
  const labels = groups.map((g) => groupLabel(spec, g));
  const shortIds = groups.every((g) => g.length <= 3);
  const noun = shortIds ? (groups.length === 1 ? 'group' : 'groups') : groups.length === 1 ? 'theme' : 'themes';
  const list = labels.length === 1 ? labels[0]! : `${labels.slice(0, -1).join(', ')} or ${labels[labels.length - 1]!}`;
  return `${noun} ${list}`;
}

function levelPhrase(spec: QualificationSpec, levels: readonly number[]): string {
  const prefix = spec.framework === 'SCQF' ? 'SCQF level' : 'level';
  const list =
    levels.length === 1 ? String(levels[0]) : `${levels.slice(0, -1).join(', ')} or ${levels[levels.length - 1]!}`;
  return `${prefix} ${list}`;
}

const plural = (n: number, one: string, many = `${one}s`) => `${n} ${n === 1 ? one : many}`;
const fmt = (n: number) => String(Math.round(n * 100) / 100);

/** The rule in words, independent of any candidate. */
export function describeRule(spec: QualificationSpec, rule: Rule): string {
  const from = 'groups' in rule && rule.groups ? ` from ${groupsPhrase(spec, rule.groups)}` : '';
  switch (rule.kind) {
    case 'allOfGroup': {
      const group = spec.groups.find((g) => g.id === rule.group);
      return `All units of ${groupsPhrase(spec, [rule.group])}${group && rule.group.length <= 3 ? ` (${group.title})` : ''}`;
    }
    case 'minUnits':
      return `At least ${plural(rule.min, 'unit')}${from}`;
    case 'minCredits':
      return `At least ${plural(rule.min, 'credit')}${from}`;
    case 'maxCredits':
      return `At most ${plural(rule.max, 'credit')}${from}`;
    case 'minCreditsAtLevel':
      return `At least ${plural(rule.min, 'credit')} at ${levelPhrase(spec, [rule.level])} or above${from}`;
    case 'maxUnitsAtLevels':
      return `At most ${plural(rule.max, 'unit')} at ${levelPhrase(spec, rule.levels)}${from}`;
    case 'minGlh':
      return `At least ${rule.min} guided learning hours${from}`;
  }
}

/** What the figure means for this rule, e.g. "needs 2 more units from groups B, C or E". */
export function explainResult(
  spec: QualificationSpec,
  rule: Rule,
  current: number,
  satisfied: boolean,
  context: { missingUnits?: string[]; leftOut?: number; mode: 'award' | 'route' },
): string {
  const from = 'groups' in rule && rule.groups ? ` from ${groupsPhrase(spec, rule.groups)}` : '';
  switch (rule.kind) {
    case 'allOfGroup': {
      const missing = context.missingUnits ?? [];
      return satisfied
        ? `all units of ${groupsPhrase(spec, [rule.group])} are in`
        : `needs ${plural(missing.length, 'more unit')} from ${groupsPhrase(spec, [rule.group])}: ${missing.join(', ')}`;
    }
    case 'minUnits':
      return satisfied
        ? `${plural(current, 'unit')}${from} (at least ${rule.min} needed)`
        : `needs ${plural(rule.min - current, 'more unit')}${from}`;
    case 'minCredits':
      return satisfied
        ? `${plural(Number(fmt(current)), 'credit')}${from} (at least ${rule.min} needed)`
        : `needs ${plural(Number(fmt(rule.min - current)), 'more credit')}${from}`;
    case 'minCreditsAtLevel':
      return satisfied
        ? `${fmt(current)} credits at ${levelPhrase(spec, [rule.level])} or above${from} (at least ${rule.min} needed)`
        : `needs ${plural(Number(fmt(rule.min - current)), 'more credit')} at ${levelPhrase(spec, [rule.level])} or above${from}`;
    case 'minGlh':
      return satisfied
        ? `${fmt(current)} guided learning hours${from} (at least ${rule.min} needed)`
        : `needs ${fmt(rule.min - current)} more guided learning hours${from}`;
    case 'maxCredits':
      if (satisfied) {
        const extra = context.leftOut
          ? `; ${plural(Number(fmt(context.leftOut)), 'credit')} over the ceiling cannot count`
          : '';
        return `${plural(Number(fmt(current)), 'credit')}${from} (at most ${rule.max} count)${extra}`;
      }
      return `${plural(Number(fmt(current)), 'credit')}${from}: ${fmt(current - rule.max)} over the maximum of ${rule.max}`;
    case 'maxUnitsAtLevels':
      if (satisfied) {
        const extra = context.leftOut ? `; ${plural(context.leftOut, 'unit')} over the limit cannot count` : '';
        return `${plural(current, 'unit')} at ${levelPhrase(spec, rule.levels)}${from} (at most ${rule.max})${extra}`;
      }
      return `${plural(current, 'unit')} at ${levelPhrase(spec, rule.levels)}${from}: only ${rule.max} allowed`;
  }
}
