import { describe, expect, it } from 'vitest';
import {
  computeProgress,
  countOf,
  describeProgress,
  criterionKey,
  currencyCutoff,
  simulationAllowed,
  type PortfolioInput,
} from '../../../src/domain';
import { loadSpec } from './loadSpecs';

const meta = (id: string) => ({
  id,
  createdAt: '2026-01-01T00:00:00Z',
  updatedAt: '2026-01-01T00:00:00Z',
  rev: 1,
  clock: { d: 1 },
  deviceId: 'd',
  deleted: false,
  schemaVersion: 3,
});
const person = (id: string, assessorStatus: 'qualified' | 'working-towards' | 'not-applicable' = 'not-applicable') => ({
  ...meta(id),
  name: id,
  roles: ['assessor' as const],
  centre: '',
  registrationNumber: '',
  jobTitle: '',
  assessorStatus,
  email: '',
  iqaStatus: 'not-applicable' as const,
  staffSince: null,
  earlierDisagreements: 0,
  sites: [],
});
const evidence = (id: string, date: string, simulation = false) => ({
  ...meta(id),
  portfolioId: 'p',
  type: 'O' as const,
  simulation,
  title: id,
  description: '',
  date,
  location: '',
  recordedBy: null,
  mediaIds: [],
  formId: null,
  criteria: [],
});
const mapping = (id: string, evidenceId: string, unitCode: string, key: string) => ({
  ...meta(id),
  portfolioId: 'p',
  evidenceId,
  unitCode,
  criterionKey: key,
});
const signOff = (id: string, unitCode: string, assessorId: string, countersignedBy: string | null = null) => ({
  ...meta(id),
  portfolioId: 'p',
  kind: 'unit-signoff' as const,
  unitCode,
  criterionKey: null,
  outcome: 'met' as const,
  assessorId,
  date: '2026-06-01',
  comments: '',
  signatureId: null,
  countersignedBy,
  countersignatureId: null,
  candidateSignatureId: null,
});

function input(overrides: Partial<PortfolioInput> = {}): PortfolioInput {
  return {
    enrolment: {
      ...meta('p'),
      candidateId: 'c',
      specId: 'svq2-customer-service-scqf5',
      specVersion: '1.0.0',
      route: ['F1', 'F2', 'A10', 'B2', 'C3', 'D2', 'D3'],
      startDate: '2026-01-01',
      assessorId: 'a',
      iqaId: null,
      centre: '',
      registrationNumber: '',
      site: '',
    },
    people: [person('a', 'qualified'), person('t', 'working-towards')],
    evidence: [],
    mappings: [],
    decisions: [],
    signatures: [],
    ...overrides,
  };
}

const spec = loadSpec('svq2-customer-service-scqf5');
const f11 = criterionKey('F1', 'criterion', 'F1.1', 'F1.1');
const f12 = criterionKey('F1', 'criterion', 'F1.2', 'F1.2');

describe('portfolio progress', () => {
  it('coverage per unit follows the mappings of live evidence only', () => {
    const p = computeProgress(
      spec,
      input({
        evidence: [evidence('e1', '2026-05-01'), { ...evidence('e2', '2026-05-01'), deleted: true }],
        mappings: [mapping('m1', 'e1', 'F1', f11), mapping('m2', 'e2', 'F1', f12)],
      }),
      '2026-11-26',
    );
    const f1 = p.units.find((u) => u.unit.code === 'F1')!;
    expect([f1.covered, f1.total, f1.coverage]).toEqual([1, 2, 0.5]);
    expect(f1.criteria.find((c) => c.ref.key === f11)!.evidenceIds).toEqual(['e1']);
  });

  it('signed-off units count as achieved, except an uncountersigned trainee sign-off', () => {
    const p = computeProgress(
      spec,
      input({ decisions: [signOff('d1', 'F1', 'a'), signOff('d2', 'F2', 't'), signOff('d3', 'A10', 't', 'a')] }),
      '2026-11-26',
    );
    expect(p.achievedUnits).toEqual(['F1', 'A10']);
    expect(p.flags.filter((f) => f.kind === 'countersign').map((f) => f.unitCode)).toEqual(['F2']);
    expect(p.award.achieved).toBe(false);
    expect(p.plan).toEqual({ possible: true, addUnits: ['B2', 'C3', 'D2', 'D3', 'F2'] });
  });

  it('flags evidence older than two years, and only that', () => {
    expect(currencyCutoff('2026-11-26')).toBe('2024-11-26');
    const p = computeProgress(
      spec,
      input({ evidence: [evidence('old', '2024-11-25'), evidence('edge', '2024-11-26')] }),
      '2026-11-26',
    );
    expect(p.flags.filter((f) => f.kind === 'currency').map((f) => f.evidenceId)).toEqual(['old']);
  });

  it('flags a missing candidate declaration until it is signed', () => {
    const unsigned = computeProgress(spec, input(), '2026-11-26');
    expect(unsigned.flags.some((f) => f.kind === 'authenticity')).toBe(true);
    const signed = computeProgress(
      spec,
      input({
        signatures: [
          {
            ...meta('s'),
            portfolioId: 'p',
            personId: 'c',
            typedName: 'C',
            role: 'Candidate',
            signedAt: '2026-01-01T00:00:00Z',
            purpose: 'declaration',
            subjectId: 'p',
            image: '',
            statement: '',
          },
        ],
      }),
      '2026-11-26',
    );
    expect(signed.flags.some((f) => f.kind === 'authenticity')).toBe(false);
  });

  it('flags route criteria without evidence (sufficiency)', () => {
    const p = computeProgress(
      spec,
      input({ evidence: [evidence('e1', '2026-05-01')], mappings: [mapping('m1', 'e1', 'F1', f11)] }),
      '2026-11-26',
    );
    expect(p.flags.find((f) => f.kind === 'sufficiency' && f.unitCode === 'F1')!.message).toBe(
      'F1: 1 of 2 criteria has no evidence yet.',
    );
  });

  it('simulation: allowed where the spec lists it, except units whose requirements forbid it', () => {
    // SVQ2 lists S (simulation) as an evidence type; C5 is a unit whose Annexe C text forbids a realistic working environment.
    expect(
      simulationAllowed(
        spec,
        spec.units.find((u) => u.code === 'F1'),
      ),
    ).toBe(true);
    const vtct = loadSpec('vtct-l3-dip-customer-service');
    const bus59 = vtct.units.find((u) => u.code === 'BUS59')!;
    expect(simulationAllowed(vtct, bus59)).toBe(false);
    const simulated = input({
      evidence: [evidence('sim', '2026-05-01', true)],
      mappings: [mapping('m', 'sim', 'F1', f11)],
    });
    expect(computeProgress(spec, simulated, '2026-11-26').flags.some((f) => f.kind === 'simulation')).toBe(false);
    const noSimulation = { ...spec, evidenceTypes: spec.evidenceTypes.filter((t) => t.code !== 'S') };
    const flagged = computeProgress(noSimulation, simulated, '2026-11-26').flags.filter((f) => f.kind === 'simulation');
    expect(flagged.map((f) => f.message)).toEqual(['“sim” is simulated, but simulation is not allowed for F1.']);
  });

  it('flags a route that breaks the rules of combination', () => {
    const p = computeProgress(spec, input({ enrolment: { ...input().enrolment, route: ['F1', 'F2'] } }), '2026-11-26');
    expect(p.flags.find((f) => f.kind === 'route')!.message).toMatch(/needs 5 more units/);
  });
});

const judged = (
  id: string,
  key: string,
  outcome: 'met' | 'not-yet',
  date: string,
  updatedAt = `${date}T12:00:00Z`,
  deleted = false,
) => ({
  ...meta(id),
  updatedAt,
  deleted,
  portfolioId: 'p',
  kind: 'criterion' as const,
  unitCode: 'F1',
  criterionKey: key,
  outcome,
  assessorId: 'a',
  date,
  comments: '',
  signatureId: null,
  countersignedBy: null,
  countersignatureId: null,
  candidateSignatureId: null,
});

describe('criterion decisions in progress', () => {
  const mapped = {
    evidence: [evidence('e1', '2026-05-01')],
    mappings: [mapping('m1', 'e1', 'F1', f11), mapping('m2', 'e1', 'F1', f12)],
  };
  const f1 = (decisions: ReturnType<typeof judged>[]) =>
    computeProgress(spec, input({ ...mapped, decisions }), '2026-11-26').units.find((u) => u.unit.code === 'F1')!;

  it('a criterion judged "not yet" is not covered even with evidence mapped, and is flagged', () => {
    const p = computeProgress(
      spec,
      input({ ...mapped, decisions: [judged('d1', f11, 'not-yet', '2026-06-01')] }),
      '2026-11-26',
    );
    const unit = p.units.find((u) => u.unit.code === 'F1')!;
    expect(unit.criteria.map((c) => [c.ref.key, c.status])).toEqual([
      [f11, 'not-yet'],
      [f12, 'evidence'],
    ]);
    expect(unit.criteria[0]!.evidenceIds).toEqual(['e1']);
    expect([unit.covered, unit.notYet, unit.coverage]).toEqual([1, 1, 0.5]);
    expect(p.flags.find((f) => f.kind === 'sufficiency' && f.unitCode === 'F1')!.message).toBe(
      'F1: 1 of 2 criteria judged “not yet” by the assessor.',
    );
  });

  it('the latest decision counts: "met" after "not yet" covers the criterion again (assessed), and the other way round', () => {
    const metLater = f1([judged('d1', f11, 'not-yet', '2026-06-01'), judged('d2', f11, 'met', '2026-06-08')]);
    expect(metLater.criteria[0]!.status).toBe('met');
    expect(metLater.criteria[0]!.decision?.id).toBe('d2');
    expect([metLater.covered, metLater.notYet, metLater.assessedMet]).toEqual([2, 0, 1]);

    const notYetLater = f1([judged('d2', f11, 'met', '2026-06-08'), judged('d1', f11, 'not-yet', '2026-06-09')]);
    expect([notYetLater.criteria[0]!.status, notYetLater.covered]).toEqual(['not-yet', 1]);

    // Same date: the later change wins; a withdrawn (deleted) decision counts for nothing.
    const sameDay = f1([
      judged('d1', f11, 'met', '2026-06-08', '2026-06-08T09:00:00Z'),
      judged('d2', f11, 'not-yet', '2026-06-08', '2026-06-08T10:00:00Z'),
    ]);
    expect(sameDay.criteria[0]!.status).toBe('not-yet');
    const withdrawn = f1([judged('d1', f11, 'not-yet', '2026-06-08', undefined, true)]);
    expect([withdrawn.criteria[0]!.status, withdrawn.covered]).toEqual(['evidence', 2]);
  });

  it('a "met" decision counts as covered without mapped evidence; "not yet" lowers the overall coverage', () => {
    const p = computeProgress(spec, input({ decisions: [judged('d1', f11, 'met', '2026-06-01')] }), '2026-11-26');
    const unit = p.units.find((u) => u.unit.code === 'F1')!;
    expect([unit.criteria[0]!.status, unit.criteria[1]!.status, unit.covered]).toEqual(['met', 'none', 1]);

    const before = computeProgress(spec, input(mapped), '2026-11-26').overallCoverage;
    const after = computeProgress(
      spec,
      input({ ...mapped, decisions: [judged('d1', f11, 'not-yet', '2026-06-01')] }),
      '2026-11-26',
    ).overallCoverage;
    expect(after).toBeLessThan(before);
  });
});

describe('the progress summary', () => {
  it('counts criteria as the rows do (a signed-off unit is not 100%) and says each figure apart', () => {
    // F1 (2 criteria) signed off with one criterion evidenced; F2 signed off by a trainee, not countersigned.
    const p = computeProgress(
      spec,
      input({
        evidence: [evidence('e1', '2026-05-01')],
        mappings: [mapping('m1', 'e1', 'F1', f11)],
        decisions: [signOff('d1', 'F1', 'a'), signOff('d2', 'F2', 't')],
      }),
      '2026-11-26',
    );
    const total = p.units.filter((u) => u.inRoute).reduce((n, u) => n + u.total, 0);
    expect(p.summary).toEqual({
      criteriaEvidenced: 1,
      criteriaTotal: total,
      unitsSignedOff: 1,
      unitsAwaitingCountersignature: 1,
      unitsInRoute: 7,
    });
    expect(p.overallCoverage).toBe(1 / total);
    expect(describeProgress(p.summary)).toBe(
      `Criteria evidenced: 1 of ${total} (${Math.round((100 * 1) / total)}%) · Units signed off: 1 of 7 (1 awaiting countersignature)`,
    );
  });

  it('flags say counts with the right noun and verb: "1 of 1 criterion has", "3 of 3 criteria have"', () => {
    const p = computeProgress(spec, input({ enrolment: { ...input().enrolment, route: ['F1', 'B2'] } }), '2026-11-26');
    const messages = p.flags.filter((f) => f.kind === 'sufficiency').map((f) => f.message);
    expect(messages).toEqual([
      'F1: 2 of 2 criteria have no evidence yet.',
      'B2: 3 of 3 criteria have no evidence yet.',
    ]);
    const one = computeProgress(
      spec,
      input({ evidence: [evidence('e1', '2026-05-01')], mappings: [mapping('m1', 'e1', 'F1', f11)] }),
      '2026-11-26',
    );
    expect(one.flags.find((f) => f.unitCode === 'F1')!.message).toBe('F1: 1 of 2 criteria has no evidence yet.');
  });

  it('says a count with the right noun', () => {
    expect([countOf(1, 'criterion', 'criteria'), countOf(0, 'criterion', 'criteria'), countOf(2, 'record')]).toEqual([
      '1 criterion',
      '0 criteria',
      '2 records',
    ]);
  });
});
