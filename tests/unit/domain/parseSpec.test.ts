import { describe, expect, it } from 'vitest';
import { parseSpec, SpecError } from '../../../src/domain';
import { loadSpec, testSpecHeader } from './loadSpecs';

const source = { file: 'test.txt', section: 'structure' };
const valid = () => ({
  ...testSpecHeader('test-qual', 'Test qualification', source),
  groups: [
    { id: 'M', title: 'Mandatory', kind: 'mandatory' },
    { id: 'A', title: 'Optional', kind: 'optional' },
  ],
  units: [
    {
      code: 'U1',
      referenceNumber: null,
      title: 'One',
      level: 3,
      credits: 5,
      glh: null,
      group: 'M',
      outcomes: [],
      source,
    },
    {
      code: 'U2',
      referenceNumber: null,
      title: 'Two',
      level: 3,
      credits: 4,
      glh: null,
      group: 'A',
      outcomes: [],
      source,
    },
  ],
  rules: [
    { id: 'all-m', kind: 'allOfGroup', group: 'M' },
    { id: 'a-credits', kind: 'minCredits', groups: ['A'], min: 4 },
  ],
  evidenceTypes: [],
});

function issuesOf(json: unknown, file = 'bad.json') {
  try {
    parseSpec(json, file);
  } catch (e) {
    expect(e).toBeInstanceOf(SpecError);
    return (e as SpecError).issues;
  }
  throw new Error('expected parseSpec to reject');
}

describe('parseSpec', () => {
  it('accepts a valid spec and fills defaults', () => {
    expect(parseSpec(valid()).kind).toBe('qualification');
  });

  it('rejects bad JSON, naming the file', () => {
    try {
      parseSpec('{"id": ', 'broken.json');
      throw new Error('expected rejection');
    } catch (e) {
      expect((e as SpecError).message).toMatch(/^broken\.json: \$: bad JSON: /);
    }
  });

  it('rejects a rule naming an unknown group, with its path', () => {
    const spec = valid();
    spec.rules[1] = { id: 'a-credits', kind: 'minCredits', groups: ['Z'], min: 4 };
    expect(issuesOf(spec)).toEqual([{ path: '$.rules[1].groups[0]', message: 'rule names unknown group "Z"' }]);
  });

  it('rejects an allOfGroup rule naming an unknown group', () => {
    const spec = valid();
    spec.rules[0] = { id: 'all-m', kind: 'allOfGroup', group: 'Q' };
    expect(issuesOf(spec)).toEqual([{ path: '$.rules[0].group', message: 'rule names unknown group "Q"' }]);
  });

  it('rejects a unit in an unknown group', () => {
    const spec = valid();
    spec.units[1]!.group = 'Z';
    expect(issuesOf(spec)).toEqual([{ path: '$.units[1].group', message: 'unknown group "Z"' }]);
  });

  it('rejects duplicate unit codes', () => {
    const spec = valid();
    spec.units[1]!.code = 'U1';
    expect(issuesOf(spec)).toEqual([{ path: '$.units[1].code', message: 'duplicate unit code "U1"' }]);
  });

  it('rejects negative credits', () => {
    const spec = valid();
    spec.units[0]!.credits = -5;
    const issues = issuesOf(spec);
    expect(issues).toHaveLength(1);
    expect(issues[0]!.path).toBe('$.units[0].credits');
    expect(issues[0]!.message).toMatch(/>=0/);
  });

  it('rejects an unknown rule kind, listing the known ones', () => {
    const spec = valid() as unknown as { rules: unknown[] };
    spec.rules[1] = { id: 'x', kind: 'atLeastHalf', min: 1 };
    expect(issuesOf(spec)).toEqual([
      {
        path: '$.rules[1].kind',
        message:
          'unknown rule kind (expected one of allOfGroup, minUnits, minCredits, maxCredits, minCreditsAtLevel, maxUnitsAtLevels, minGlh)',
      },
    ]);
  });

  it('rejects unknown fields rather than silently ignoring a typo', () => {
    const spec = { ...valid(), credit: 55 };
    expect(issuesOf(spec)).toEqual([{ path: '$', message: 'unknown field "credit"' }]);
  });

  it('rejects a spec that leaves out a required figure (an unstated value is written null)', () => {
    const spec = valid() as Record<string, unknown>;
    delete spec.credits;
    expect(issuesOf(spec)[0]!.path).toBe('$.credits');
  });

  it('reports every problem at once', () => {
    const spec = valid();
    spec.units[1]!.code = 'U1';
    spec.rules[1] = { id: 'a-credits', kind: 'minCredits', groups: ['Z'], min: 4 };
    expect(issuesOf(spec).map((i) => i.path)).toEqual(['$.units[1].code', '$.rules[1].groups[0]']);
  });

  it('the message names the file, the JSON path and the problem on one line each', () => {
    const spec = valid();
    spec.units[1]!.code = 'U1';
    expect(() => parseSpec(spec, 'specs/x.json')).toThrow('specs/x.json: $.units[1].code: duplicate unit code "U1"');
  });

  it('round-trips a bundled spec', () => {
    const spec = loadSpec('vtct-l3-dip-customer-service');
    expect(parseSpec(JSON.parse(JSON.stringify(spec)))).toEqual(spec);
  });
});
