import { describe, expect, it } from 'vitest';
import { checkRoute, evaluateAward, planCompletion, type QualificationSpec, type Rule } from '../../../src/domain';
import { bundledSpecFiles, loadSpec } from './loadSpecs';
import { subsets } from './reference';

const QUALIFICATIONS = [
  'svq2-customer-service-scqf5',
  'svq3-customer-service-scqf6',
  'svq4-customer-service-scqf8',
  'btec-l3-cert-customer-service-specialists',
  'btec-l3-dip-customer-service-specialists',
  'vtct-l3-dip-customer-service',
];

const failing = (spec: QualificationSpec, route: string[]) =>
  checkRoute(spec, route)
    .rules.filter((r) => !r.satisfied)
    .map((r) => r.ruleId);

/** Units a rule counts (outside the mandatory groups, which every route has). */
function optionalContributors(spec: QualificationSpec, rule: Rule): string[] {
  const mandatory = new Set(spec.groups.filter((g) => g.kind === 'mandatory').map((g) => g.id));
  return spec.units
    .filter((u) => !mandatory.has(u.group ?? ''))
    .filter((u) => {
      if (rule.kind === 'allOfGroup') return u.group === rule.group;
      if (rule.groups && !rule.groups.includes(u.group ?? '')) return false;
      if (rule.kind === 'minCreditsAtLevel') return u.level !== null && u.level >= rule.level;
      if (rule.kind === 'maxUnitsAtLevels') return u.level !== null && rule.levels.includes(u.level);
      return true;
    })
    .map((u) => u.code);
}

/**
 * A route that breaks exactly `ruleId`. Starting points: the planner's minimal route for the spec without
 * that rule, with and without the optional units the rule counts (minimal routes rarely overshoot a rule
 * they were not asked to meet), and the given valid route; then small edits (remove ≤ 2, add ≤ 2 units).
 */
function breakAlone(spec: QualificationSpec, valid: string[], ruleId: string): string[] | null {
  const rule = spec.rules.find((r) => r.id === ruleId)!;
  const without = { ...spec, rules: spec.rules.filter((r) => r.id !== ruleId) };
  const starts = [
    planCompletion(without, [], { exclude: optionalContributors(spec, rule) }),
    planCompletion(without, []),
  ].filter((p) => p.possible);
  for (const base of [...starts.map((p) => p.addUnits), valid]) {
    const outside = spec.units.map((u) => u.code).filter((c) => !base.includes(c));
    const removals = [[], ...base.map((c) => [c]), ...subsets(base).filter((s) => s.length === 2)];
    const additions = [
      [],
      ...outside.map((c) => [c]),
      ...outside.flatMap((a, i) => outside.slice(i + 1).map((b) => [a, b])),
    ];
    for (const remove of removals) {
      for (const add of additions) {
        const route = [...base.filter((c) => !remove.includes(c)), ...add];
        const f = failing(spec, route);
        if (f.length === 1 && f[0] === ruleId) return route;
      }
    }
  }
  return null;
}

describe('bundled specs', () => {
  it('all seven bundled specs parse', () => {
    const files = bundledSpecFiles().sort();
    expect(files).toEqual([...QUALIFICATIONS, 'skillscfa-l4-customer-service-units'].map((id) => `${id}.json`).sort());
    for (const f of files) expect(() => loadSpec(f.replace(/\.json$/, ''))).not.toThrow();
  });

  it('the unit bank states no credits (null, never 0) and has no award rules', () => {
    const bank = loadSpec('skillscfa-l4-customer-service-units');
    expect(bank.kind).toBe('unit-bank');
    expect(bank.rules).toEqual([]);
    expect(bank.units.every((u) => u.credits === null)).toBe(true);
  });

  describe.each(QUALIFICATIONS)('%s', (id) => {
    const spec = loadSpec(id);
    const minimal = planCompletion(spec, []);

    it('a minimal valid route passes both as achieved units and as a planned route', () => {
      expect(minimal.possible).toBe(true);
      expect(evaluateAward(spec, minimal.addUnits).achieved).toBe(true);
      expect(checkRoute(spec, minimal.addUnits).valid).toBe(true);
      // Minimal: dropping any one unit loses the award.
      for (const code of minimal.addUnits) {
        expect(
          evaluateAward(
            spec,
            minimal.addUnits.filter((c) => c !== code),
          ).achieved,
        ).toBe(false);
      }
    });

    it('nothing achieved: every "at least" rule fails and explains what is needed', () => {
      const result = evaluateAward(spec, []);
      expect(result.achieved).toBe(false);
      for (const r of result.rules) {
        if (r.required > 0 && r.kind !== 'maxCredits' && r.kind !== 'maxUnitsAtLevels') {
          expect(r.satisfied).toBe(false);
          expect(r.explanation).toMatch(/^needs /);
        }
      }
    });

    it('each rule broken alone fails with its explanation (or is implied by the others)', () => {
      const route = minimal.addUnits;
      for (const rule of spec.rules) {
        const broken = breakAlone(spec, route, rule.id);
        if (broken) {
          const result = checkRoute(spec, broken).rules.find((r) => r.ruleId === rule.id)!;
          expect(result.satisfied).toBe(false);
          expect(result.explanation).toMatch(/^needs |over the maximum|only \d+ allowed/);
          if (rule.kind === 'allOfGroup') expect(result.explanation).toMatch(/: [A-Z0-9]/);
        } else {
          expect(IMPLIED[id] ?? [], `rule ${rule.id} could not be broken alone`).toContain(rule.id);
        }
      }
    });
  });
});

// Rules no route can break on its own, because the other rules imply them; each entry is proved below
// (exhaustive search where the optional units are few enough, arithmetic otherwise).
const IMPLIED: Record<string, string[]> = {
  // 31 mandatory credits + at most 9 from group B + at most 14 from group A = 54 < 55.
  'vtct-l3-dip-customer-service': ['group-a-min-15'],
  'svq4-customer-service-scqf8': [
    'min-credits',
    'min-credits-level-8',
    'further-two-BCE',
    'min-optional-units',
    'min-units-total',
  ],
  'btec-l3-cert-customer-service-specialists': ['all-mandatory', 'min-units', 'min-glh'],
  'btec-l3-dip-customer-service-specialists': ['all-mandatory', 'min-units', 'min-glh'],
};

describe('implied rules', () => {
  it('VTCT: group A needs 15 credits because 55 overall with at most 9 from group B forces it', () => {
    const spec = loadSpec('vtct-l3-dip-customer-service');
    const credits = (group: string) =>
      spec.units.filter((u) => u.group === group).reduce((s, u) => s + (u.credits ?? 0), 0);
    const bound = (id: string) => {
      const rule = spec.rules.find((r) => r.id === id)!;
      return 'min' in rule ? rule.min : 'max' in rule ? rule.max : NaN;
    };
    expect(credits('M') + bound('group-b-max-9') + (bound('group-a-min-15') - 1)).toBeLessThan(bound('total-min-55'));
  });

  it.each(Object.keys(IMPLIED).filter((id) => id !== 'vtct-l3-dip-customer-service'))(
    '%s, exhaustively',
    (id) => {
      const spec = loadSpec(id);
      const optional = spec.units.filter((u) => spec.groups.find((g) => g.id === u.group)?.kind !== 'mandatory');
      const mandatory = spec.units.filter((u) => !optional.includes(u)).map((u) => u.code);
      const breakable = new Set<string>();
      const consider = (route: string[]) => {
        const f = failing(spec, route);
        if (f.length === 1) breakable.add(f[0]!);
      };
      for (const opts of subsets(optional.map((u) => u.code))) {
        consider([...mandatory, ...opts]);
        // and with one mandatory unit missing
        for (const m of mandatory) consider([...mandatory.filter((c) => c !== m), ...opts]);
      }
      for (const ruleId of IMPLIED[id]!) expect(breakable.has(ruleId), ruleId).toBe(false);
    },
    60_000,
  ); // exhaustive over every subset of units: seconds, more on a loaded CI machine
});

describe('worked combinations from the seeds', () => {
  it('SVQ2 Level 2 form 6 (F1, F2, A10, B2, C3, D2, D3) is a valid route', () => {
    const spec = loadSpec('svq2-customer-service-scqf5');
    const route = ['F1', 'F2', 'A10', 'B2', 'C3', 'D2', 'D3'];
    expect(checkRoute(spec, route).valid).toBe(true);
    expect(evaluateAward(spec, route).achieved).toBe(true);
  });

  it('SVQ2 form 6 checklist names A1, which the structure does not have: reported, not counted', () => {
    const spec = loadSpec('svq2-customer-service-scqf5');
    const result = evaluateAward(spec, ['F1', 'F2', 'A1', 'B2', 'C3', 'D2', 'D3']);
    expect(result.unknownCodes).toEqual(['A1']);
    expect(result.achieved).toBe(false);
    const theme = result.rules.find((r) => r.ruleId === 'min-one-impression-and-image')!;
    expect(theme.explanation).toBe('needs 1 more unit from theme Impression and image');
  });

  it('SVQ3 Level 3 form 6 (C7 and D11 both SCQF 7) breaks "only one option at SCQF 7 or 8"', () => {
    const spec = loadSpec('svq3-customer-service-scqf6');
    const route = ['F3', 'F4', 'A15', 'B10', 'B11', 'C7', 'D11'];
    const check = checkRoute(spec, route);
    expect(check.valid).toBe(false);
    const ceiling = check.rules.find((r) => r.kind === 'maxUnitsAtLevels')!;
    expect(ceiling.satisfied).toBe(false);
    expect(ceiling.current).toBe(2);
    expect(ceiling.explanation).toMatch(/^2 units at SCQF level 7 or 8 .*only 1 allowed$/);
    // As achieved units, leaving either SCQF 7 unit out empties a theme: not achieved, and the planner
    // needs exactly one more SCQF 6 option in that theme.
    expect(evaluateAward(spec, route).achieved).toBe(false);
    const plan = planCompletion(spec, route);
    expect(plan.possible).toBe(true);
    expect(plan.addUnits).toHaveLength(1);
    expect(spec.units.find((u) => u.code === plan.addUnits[0])!.level).toBe(6);
    expect(evaluateAward(spec, [...route, ...plan.addUnits]).achieved).toBe(true);
  });

  it('SVQ4: both mandatory units, one from each of B–E and two further from B, C or E', () => {
    const spec = loadSpec('svq4-customer-service-scqf8');
    const route = ['CFACSF5', 'CFACSF6', 'CFACSA17', 'CFACSB13', 'CFACSC8', 'CFACSD14', 'CFACSA18', 'CFACSD16'];
    expect(checkRoute(spec, route).valid).toBe(true);
    const short = evaluateAward(spec, route.slice(0, 6));
    expect(short.rules.find((r) => r.ruleId === 'further-two-BCE')!.explanation).toBe(
      'needs 2 more units from groups B, C or E',
    );
  });

  it('VTCT: 12 credits from group B make a route invalid, but as achieved units the extra 3 are left out', () => {
    const spec = loadSpec('vtct-l3-dip-customer-service');
    const mandatory = ['BUS59', 'CUS25', 'CUS26', 'CUS27', 'CUS30', 'ML9'];
    const groupA = ['CUS28', 'CUS32', 'CUS33', 'CUS31']; // 5 + 5 + 5 + 4 = 19 credits, level 3
    const groupB = ['CC39', 'BUS42', 'BUS39']; // 6 + 4 + 2 = 12 credits
    const route = [...mandatory, ...groupA, ...groupB];
    const check = checkRoute(spec, route);
    expect(check.valid).toBe(false);
    expect(check.rules.filter((r) => !r.satisfied).map((r) => r.ruleId)).toEqual(['group-b-max-9']);
    expect(check.rules.find((r) => r.ruleId === 'group-b-max-9')!.explanation).toBe(
      '12 credits from group B: 3 over the maximum of 9',
    );
    const award = evaluateAward(spec, route);
    // 31 + 19 = 50; at most 9 of B count → up to 59 ≥ 55.
    expect(award.achieved).toBe(true);
    expect(award.rules.find((r) => r.ruleId === 'group-b-max-9')!.current).toBeLessThanOrEqual(9);
  });

  it('VTCT: group A short of 15 credits is explained in credits', () => {
    const spec = loadSpec('vtct-l3-dip-customer-service');
    const result = evaluateAward(spec, ['BUS59', 'CUS25', 'CUS26', 'CUS27', 'CUS30', 'ML9', 'CUS28']);
    expect(result.rules.find((r) => r.ruleId === 'group-a-min-15')!.explanation).toBe(
      'needs 10 more credits from group A',
    );
    expect(result.rules.find((r) => r.ruleId === 'all-mandatory')!.explanation).toBe('all units of group M are in');
  });

  it('BTEC Diploma: missing mandatory units are named', () => {
    const spec = loadSpec('btec-l3-dip-customer-service-specialists');
    const result = evaluateAward(spec, ['1', '2', '3', '4', '5', '6']);
    expect(result.rules.find((r) => r.ruleId === 'all-mandatory')!.explanation).toBe(
      'needs 2 more units from group M: 7, 8',
    );
    expect(planCompletion(spec, ['1', '2', '3', '4', '5', '6'])).toEqual({ possible: true, addUnits: ['7', '8'] });
  });

  it('planner options: excluding a mandatory unit makes the award impossible; "only" restricts choices', () => {
    const spec = loadSpec('vtct-l3-dip-customer-service');
    expect(planCompletion(spec, [], { exclude: ['ML9'] })).toEqual({ possible: false, addUnits: [] });
    const only = [
      'BUS59',
      'CUS25',
      'CUS26',
      'CUS27',
      'CUS30',
      'ML9',
      'CUS5',
      'CUS6',
      'CUS14',
      'CUS18',
      'CUS19',
      'CUS28',
      'CUS32',
    ];
    const plan = planCompletion(spec, [], { only });
    expect(plan.possible).toBe(true);
    expect(plan.addUnits.every((c) => only.includes(c))).toBe(true);
    expect(evaluateAward(spec, plan.addUnits).achieved).toBe(true);
  });
});
