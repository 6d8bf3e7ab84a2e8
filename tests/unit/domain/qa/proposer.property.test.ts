// The sample proposer's promises (issue 12): every assessor and unit covered over the period, each method and
// site too; a trainee assessor's decisions all sampled; the rate each risk sets met; the same inputs give the
// same sample; every item says why it was chosen.
import { describe, expect, it } from 'vitest';
import fc from 'fast-check';
import {
  assessorRate,
  entriesOf,
  planCoverage,
  proposeSample,
  sampleCount,
  EVIDENCE_TYPES,
  type AssessorRisk,
  type PortfolioWork,
  type ProposalInput,
} from '../../../../src/domain';

const PERIOD = { periodStart: '2026-03-01', periodEnd: '2026-08-31' };
const UNITS = ['F1', 'F2', 'A10', 'B2', 'C3', 'D2', 'D3', 'C5'];
const dateIn = fc
  .integer({ min: 0, max: 183 })
  .map((d) => new Date(Date.UTC(2026, 2, 1 + d)).toISOString().slice(0, 10));

const assessorArb = (id: string): fc.Arbitrary<AssessorRisk> =>
  fc.record({
    id: fc.constant(id),
    name: fc.constant(`Assessor ${id}`),
    status: fc.constantFrom('qualified' as const, 'qualified' as const, 'working-towards' as const),
    staffSince: fc.option(fc.constantFrom('2019-05-01', '2025-11-01', '2026-02-01'), { nil: null }),
    earlierDisagreements: fc.constantFrom(0, 0, 0, 1, 3),
  });

const unitArb = (unitCode: string) =>
  fc.record({
    unitCode: fc.constant(unitCode),
    methods: fc.uniqueArray(fc.constantFrom(...EVIDENCE_TYPES), { maxLength: 3 }),
    lastEvidenceDate: fc.option(dateIn, { nil: null }),
    signedOffOn: fc.option(dateIn, { nil: null, freq: 2 }),
  });

const inputArb: fc.Arbitrary<ProposalInput> = fc.integer({ min: 1, max: 5 }).chain((n) => {
  const ids = Array.from({ length: n }, (_, i) => `a${i}`);
  const portfolioArb = (i: number): fc.Arbitrary<PortfolioWork> =>
    fc.record({
      id: fc.constant(`p${i}`),
      candidateId: fc.constant(`c${i}`),
      assessorId: fc.constantFrom(...ids),
      site: fc.constantFrom('Glen Parks', 'Harbour Office', ''),
      startDate: fc.constant('2026-01-10'),
      units: fc.subarray(UNITS, { minLength: 1 }).chain((codes) => fc.tuple(...codes.map(unitArb))),
      completedOn: fc.constant(null),
    });
  return fc.record({
    specId: fc.constant('svq2-customer-service-scqf5'),
    periodStart: fc.constant(PERIOD.periodStart),
    periodEnd: fc.constant(PERIOD.periodEnd),
    newQualification: fc.boolean(),
    changedUnits: fc.subarray(UNITS, { maxLength: 2 }),
    assessors: fc.tuple(...ids.map(assessorArb)),
    portfolios: fc
      .integer({ min: 0, max: 25 })
      .chain((k) => fc.tuple(...Array.from({ length: k }, (_, i) => portfolioArb(i)))),
  });
});

const entries = (input: ProposalInput) =>
  entriesOf(input.portfolios, new Set(input.assessors.map((a) => a.id)), '', input.periodStart, input.periodEnd);

describe('the sample proposer', () => {
  it('covers every assessor, unit, method and site the period’s work shows', () => {
    fc.assert(
      fc.property(inputArb, (input) => {
        const { items } = proposeSample(input);
        const coverage = planCoverage({ ...input, items }, input, [], '2026-01-01');
        expect(coverage.gaps).toEqual([]);
        for (const e of entries(input)) {
          expect(items.some((i) => i.assessorId === e.assessorId)).toBe(true);
          expect(items.some((i) => i.unitCode === e.unitCode)).toBe(true);
          for (const m of e.methods)
            expect(items.some((i) => i.assessorId === e.assessorId && i.method === m)).toBe(true);
        }
      }),
      { numRuns: 150 },
    );
  });

  it('samples every decision of a trainee assessor, interim and summative', () => {
    fc.assert(
      fc.property(inputArb, (input) => {
        const { items } = proposeSample(input);
        const trainees = new Set(input.assessors.filter((a) => a.status === 'working-towards').map((a) => a.id));
        for (const e of entries(input).filter((x) => trainees.has(x.assessorId)))
          expect(
            items.some((i) => i.portfolioId === e.portfolioId && i.unitCode === e.unitCode && i.stage === e.stage),
          ).toBe(true);
      }),
      { numRuns: 150 },
    );
  });

  it('meets the rate each assessor’s risk sets, and at least half of the sign-offs of a changed unit', () => {
    fc.assert(
      fc.property(inputArb, (input) => {
        const { items, assessors } = proposeSample(input);
        const all = entries(input);
        for (const a of input.assessors) {
          const { rate } = assessorRate(a, input.periodStart, input.newQualification ?? false);
          const summative = all.filter((e) => e.assessorId === a.id && e.stage === 'summative');
          const sampled = summative.filter((e) => items.some((i) => i.id.startsWith(e.key)));
          expect(sampled.length).toBeGreaterThanOrEqual(sampleCount(rate, summative.length));
          expect(assessors.find((s) => s.assessorId === a.id)!.rate).toBe(rate);
          for (const unit of input.changedUnits ?? []) {
            const onUnit = summative.filter((e) => e.unitCode === unit);
            const hit = onUnit.filter((e) => items.some((i) => i.id.startsWith(e.key)));
            expect(hit.length).toBeGreaterThanOrEqual(sampleCount(Math.max(rate, 0.5), onUnit.length));
          }
        }
      }),
      { numRuns: 150 },
    );
  });

  it('gives the same sample for the same inputs, whatever their order', () => {
    fc.assert(
      fc.property(inputArb, (input) => {
        const reversed = {
          ...input,
          assessors: [...input.assessors].reverse(),
          portfolios: [...input.portfolios].reverse(),
        };
        expect(proposeSample(reversed)).toEqual(proposeSample(input));
      }),
      { numRuns: 100 },
    );
  });

  it('says why every item was chosen, and plans it within the period', () => {
    fc.assert(
      fc.property(inputArb, (input) => {
        for (const item of proposeSample(input).items) {
          expect(item.reason).toMatch(/^(Summative|Interim): unit \S+ .+\. .+/);
          expect(item.plannedDate >= input.periodStart && item.plannedDate <= input.periodEnd).toBe(true);
          expect(item.origin).toBe('proposed');
        }
      }),
      { numRuns: 100 },
    );
  });
});

describe('rates by risk', () => {
  const base: AssessorRisk = {
    id: 'a',
    name: 'Jo',
    status: 'qualified',
    staffSince: '2018-01-01',
    earlierDisagreements: 0,
  };
  it('sets 20% for an established assessor, 50% for a new one or one with disagreements, 100% for a trainee', () => {
    expect(assessorRate(base, '2026-03-01', false).rate).toBe(0.2);
    expect(assessorRate({ ...base, staffSince: '2025-09-01' }, '2026-03-01', false).rate).toBe(0.5);
    expect(assessorRate({ ...base, earlierDisagreements: 1 }, '2026-03-01', false).reasons).toEqual([
      '50%: 1 earlier disagreement(s)',
    ]);
    expect(assessorRate(base, '2026-03-01', true).rate).toBe(0.5);
    expect(assessorRate({ ...base, status: 'working-towards' }, '2026-03-01', false).rate).toBe(1);
    expect(sampleCount(0.2, 11)).toBe(3);
    expect(sampleCount(0.5, 4)).toBe(2);
  });
});
