import { describe, expect, it } from 'vitest';
import fc from 'fast-check';
import { checkRoute, evaluateAward, parseSpec, planCompletion, type QualificationSpec } from '../../../src/domain';
import { bruteAchieved, brutePlan, bruteRoute } from './reference';
import { testSpecHeader } from './loadSpecs';

const GROUPS = ['A', 'B', 'C'];
const source = { file: 'test', section: 'generated' };

const groupsArb = fc.option(fc.subarray(GROUPS, { minLength: 1 }), { nil: undefined });

const ruleArb = fc.oneof(
  fc.record({ kind: fc.constant('allOfGroup' as const), group: fc.constantFrom(...GROUPS) }),
  fc.record({ kind: fc.constant('minUnits' as const), groups: groupsArb, min: fc.integer({ min: 0, max: 5 }) }),
  fc.record({ kind: fc.constant('minCredits' as const), groups: groupsArb, min: fc.integer({ min: 0, max: 15 }) }),
  fc.record({ kind: fc.constant('maxCredits' as const), groups: groupsArb, max: fc.integer({ min: 0, max: 12 }) }),
  fc.record({
    kind: fc.constant('minCreditsAtLevel' as const),
    groups: groupsArb,
    level: fc.integer({ min: 1, max: 3 }),
    min: fc.integer({ min: 0, max: 10 }),
  }),
  fc.record({
    kind: fc.constant('maxUnitsAtLevels' as const),
    groups: groupsArb,
    levels: fc.subarray([1, 2, 3], { minLength: 1 }),
    max: fc.integer({ min: 0, max: 3 }),
  }),
  fc.record({ kind: fc.constant('minGlh' as const), groups: groupsArb, min: fc.integer({ min: 0, max: 60 }) }),
);

const unitArb = fc.record({
  group: fc.constantFrom(...GROUPS),
  level: fc.option(fc.integer({ min: 1, max: 3 }), { nil: null }),
  credits: fc.option(fc.integer({ min: 0, max: 6 }), { nil: null }),
  glh: fc.option(fc.integer({ min: 0, max: 30 }), { nil: null }),
});

export const specArb: fc.Arbitrary<QualificationSpec> = fc
  .record({
    units: fc.array(unitArb, { minLength: 1, maxLength: 8 }),
    rules: fc.array(ruleArb, { minLength: 1, maxLength: 4 }),
  })
  .map(({ units, rules }) =>
    parseSpec({
      ...testSpecHeader('random', 'Random', source),
      groups: GROUPS.map((id) => ({ id, title: `Group ${id}`, kind: 'optional' })),
      // Codes deliberately out of order so that "code order" tie-breaks are exercised.
      units: units.map((u, i) => ({
        code: `U${(i * 7) % 11}`,
        referenceNumber: null,
        title: `Unit ${i}`,
        outcomes: [],
        source,
        ...u,
      })),
      rules: rules.map((r, i) => ({ id: `r${i}`, ...r })),
      evidenceTypes: [],
    }),
  );

const withCodes = (spec: QualificationSpec) =>
  fc.subarray(spec.units.map((u) => u.code)).map((codes) => ({ spec, codes }));

const runs = { numRuns: 400 };

describe('rules engine against a brute-force reference', () => {
  it('evaluateAward: achieved iff some subset of the achieved units meets every rule', () => {
    fc.assert(
      fc.property(specArb.chain(withCodes), ({ spec, codes }) => {
        const result = evaluateAward(spec, codes);
        expect(result.achieved).toBe(bruteAchieved(spec, codes));
        // The counted units are achieved units, and when achieved they meet every rule as a route.
        expect(result.countedUnits.every((c) => codes.includes(c))).toBe(true);
        if (result.achieved) expect(checkRoute(spec, result.countedUnits).valid).toBe(true);
        expect(result.rules.every((r) => r.satisfied)).toBe(result.achieved);
      }),
      runs,
    );
  });

  it('evaluateAward: extra units never take an award away', () => {
    fc.assert(
      fc.property(specArb.chain(withCodes), ({ spec, codes }) => {
        if (!evaluateAward(spec, codes).achieved) return;
        expect(
          evaluateAward(
            spec,
            spec.units.map((u) => u.code),
          ).achieved,
        ).toBe(true);
      }),
      runs,
    );
  });

  it('checkRoute: each rule judged on the whole route, ceilings included', () => {
    fc.assert(
      fc.property(specArb.chain(withCodes), ({ spec, codes }) => {
        const result = checkRoute(spec, codes);
        const expected = bruteRoute(spec, codes);
        expect(result.rules.map((r) => r.satisfied)).toEqual(expected);
        expect(result.valid).toBe(expected.every(Boolean));
      }),
      runs,
    );
  });

  it('planCompletion: minimal, tie-broken exactly like the reference, and it achieves', () => {
    fc.assert(
      fc.property(specArb.chain(withCodes), ({ spec, codes }) => {
        const plan = planCompletion(spec, codes);
        expect(plan).toEqual(brutePlan(spec, codes));
        if (plan.possible) expect(evaluateAward(spec, [...codes, ...plan.addUnits]).achieved).toBe(true);
      }),
      runs,
    );
  });

  it('planCompletion: honours excluded units', () => {
    fc.assert(
      fc.property(
        specArb.chain((spec) =>
          fc
            .tuple(fc.subarray(spec.units.map((u) => u.code)), fc.subarray(spec.units.map((u) => u.code)))
            .map(([codes, exclude]) => ({ spec, codes, exclude })),
        ),
        ({ spec, codes, exclude }) => {
          const plan = planCompletion(spec, codes, { exclude });
          expect(plan).toEqual(brutePlan(spec, codes, exclude));
          expect(plan.addUnits.some((c) => exclude.includes(c))).toBe(false);
        },
      ),
      runs,
    );
  });

  it('unknown codes are reported and ignored', () => {
    fc.assert(
      fc.property(specArb.chain(withCodes), ({ spec, codes }) => {
        const withUnknown = evaluateAward(spec, [...codes, 'NOPE', 'NOPE']);
        expect(withUnknown.unknownCodes).toEqual(['NOPE']);
        expect(withUnknown.achieved).toBe(evaluateAward(spec, codes).achieved);
      }),
      { numRuns: 100 },
    );
  });
});
