import { describe, expect, it } from 'vitest';
import {
  addDays,
  caseloadRow,
  computeProgress,
  mappingsOf,
  newDecision,
  summarisePortfolio,
  viewCaseload,
  type CaseloadAction,
  type CaseloadEntry,
  type Decision,
  type Evidence,
  type Person,
  type PortfolioSummary,
} from '../../../src/domain';
import { installTestClock } from '../clock';
import { aPerson, anEnrolment, anEvidenceItem, fresh } from '../factories';
import { loadSpec } from './loadSpecs';

installTestClock();
const svq2 = loadSpec('svq2-customer-service-scqf5');
const F1 = ['F1|pc|F1.1|F1.1', 'F1|pc|F1.2|F1.2'];
const link = (key: string) => ({ unitCode: key.split('|')[0]!, criterionKey: key });

function portfolio({ route = ['F1', 'F2', 'A10', 'B2', 'C3', 'D2', 'D3'] } = {}) {
  const candidate = aPerson();
  const enrolment = anEnrolment(candidate.id, { route });
  const input = (evidence: Evidence[], decisions: Decision[] = [], people: Person[] = []) => ({
    enrolment,
    people: [candidate, ...people],
    evidence,
    mappings: mappingsOf(evidence),
    decisions,
    signatures: [],
  });
  return { enrolment, input };
}

const signOff = (portfolioId: string, unitCode: string, assessorId: string) =>
  newDecision(fresh(), { portfolioId, kind: 'unit-signoff', unitCode, outcome: 'met', assessorId, date: '2026-06-01' });

describe('summarisePortfolio', () => {
  it('gives the portfolio page’s overall figure, evidence dates, and units whose criteria are all covered', () => {
    const { enrolment, input } = portfolio();
    const evidence = [
      anEvidenceItem(enrolment.id, { date: '2026-03-01', criteria: [link(F1[0]!)] }),
      anEvidenceItem(enrolment.id, { date: '2026-05-20', criteria: [link(F1[1]!), link('F2|pc|F2.1|F2.1.1')] }),
      { ...anEvidenceItem(enrolment.id, { date: '2027-01-01' }), deleted: true },
    ];
    const summary = summarisePortfolio(svq2, input(evidence));
    expect(summary.coverage).toBe(computeProgress(svq2, input(evidence), '2026-06-01').overallCoverage);
    expect(summary.coverage).toBeGreaterThan(0);
    expect(summary).toMatchObject({
      evidenceCount: 2,
      lastEvidenceDate: '2026-05-20',
      oldestEvidenceDate: '2026-03-01',
      readyForSignOff: ['F1'],
      rules: 'route-meets-rules',
      routeUnits: 7,
      achievedUnits: 0,
      declarationSigned: false,
    });
  });

  it('a sign-off by an assessor working towards the award is countersigning due, and no longer ready', () => {
    const { enrolment, input } = portfolio();
    const trainee = aPerson({ name: 'Tia', roles: ['assessor'], assessorStatus: 'working-towards' });
    const evidence = [anEvidenceItem(enrolment.id, { criteria: F1.map(link) })];
    const summary = summarisePortfolio(svq2, input(evidence, [signOff(enrolment.id, 'F1', trainee.id)], [trainee]));
    expect(summary.countersignDue).toEqual(['F1']);
    expect(summary.readyForSignOff).toEqual([]);
    expect(summary.achievedUnits).toBe(0);
    expect(summary.assessorStatuses).toEqual({ [trainee.id]: 'working-towards' });
  });

  it('a unit judged “not yet” on a criterion is not ready, even with evidence for all of it', () => {
    const { enrolment, input } = portfolio();
    const evidence = [anEvidenceItem(enrolment.id, { criteria: F1.map(link) })];
    const notYet = newDecision(fresh(), {
      portfolioId: enrolment.id,
      kind: 'criterion',
      unitCode: 'F1',
      criterionKey: F1[0]!,
      outcome: 'not-yet',
      assessorId: 'a',
      date: '2026-06-01',
    });
    expect(summarisePortfolio(svq2, input(evidence, [notYet])).readyForSignOff).toEqual([]);
  });

  it('counts simulated evidence where the unit bars simulation, and says when the route breaks the rules', () => {
    const { enrolment, input } = portfolio({ route: ['F1'] });
    const evidence = [
      anEvidenceItem(enrolment.id, { simulation: true, criteria: [link('A10|pc|A10.1|A10.1')] }),
      anEvidenceItem(enrolment.id, { simulation: true, criteria: [link('A11|pc|A11.1|A11.1')] }),
    ];
    const summary = summarisePortfolio(svq2, input(evidence));
    expect(summary.simulationProblems).toBe(1);
    expect(summary.rules).toBe('route-breaks-rules');
    expect(summary.brokenRules.length).toBeGreaterThan(0);
    expect(summarisePortfolio(svq2, portfolio({ route: [] }).input([])).rules).toBe('no-route');
  });
});

const summary = (fields: Partial<PortfolioSummary> = {}): PortfolioSummary => ({
  format: 1,
  portfolioId: 'p1',
  qualificationTitle: 'SVQ 2',
  coverage: 0.5,
  achievedUnits: 0,
  routeUnits: 7,
  rules: 'route-meets-rules',
  brokenRules: [],
  evidenceCount: 3,
  lastEvidenceDate: '2026-05-20',
  oldestEvidenceDate: '2026-03-01',
  simulationProblems: 0,
  countersignDue: [],
  readyForSignOff: [],
  declarationSigned: true,
  assessorStatuses: {},
  ...fields,
});

const entry = (
  portfolioId: string,
  name: string,
  fields: Partial<PortfolioSummary> = {},
  specKey = 'svq2@1',
): CaseloadEntry => ({
  portfolioId,
  candidateId: `c-${portfolioId}`,
  candidateName: name,
  assessorId: 'a',
  assessorName: 'Jo',
  iqaId: null,
  specKey,
  qualificationTitle: specKey,
  startDate: '2026-01-10',
  summary: summary({ portfolioId, ...fields }),
  problem: null,
});

const TODAY = '2026-06-01';

describe('caseloadRow: today’s view of a summary', () => {
  it('a quiet portfolio needs nothing', () => {
    const row = caseloadRow(entry('p1', 'Annie'), [], 'assessor', TODAY);
    expect(row).toMatchObject({ flags: [], actions: [], needsAction: false, overdue: false });
  });

  it('flags currency, simulation, countersigning and a broken route; units ready are actions for the assessor only', () => {
    const e = entry('p1', 'Annie', {
      oldestEvidenceDate: '2024-05-31',
      simulationProblems: 2,
      countersignDue: ['F2'],
      rules: 'route-breaks-rules',
      readyForSignOff: ['F1'],
    });
    const row = caseloadRow(e, [], 'assessor', TODAY);
    expect(row.flags.map((f) => f.kind)).toEqual(['currency', 'simulation', 'countersign', 'route']);
    expect(row.actions.map((a) => [a.kind, a.unitCode])).toEqual([
      ['sign-off', 'F1'],
      ['countersign', 'F2'],
    ]);
    expect(row.needsAction).toBe(true);
    expect(caseloadRow(e, [], 'candidate', TODAY).actions).toEqual([]);
    // Exactly two years is still current.
    expect(caseloadRow(entry('p1', 'A', { oldestEvidenceDate: '2024-06-01' }), [], 'assessor', TODAY).flags).toEqual(
      [],
    );
  });

  it('no evidence for eight weeks is overdue, unless the award is achieved', () => {
    const stalled = entry('p1', 'Annie', { lastEvidenceDate: addDays(TODAY, -57) });
    expect(caseloadRow(stalled, [], 'assessor', TODAY)).toMatchObject({ overdue: true, needsAction: true });
    expect(
      caseloadRow(entry('p1', 'A', { lastEvidenceDate: addDays(TODAY, -56) }), [], 'assessor', TODAY).overdue,
    ).toBe(false);
    const done = entry('p1', 'Annie', { lastEvidenceDate: '2025-01-01', rules: 'award-achieved' });
    expect(caseloadRow(done, [], 'assessor', TODAY).overdue).toBe(false);
  });

  it('an action source’s action lands on its own portfolio, and is overdue once past its date', () => {
    const action = (portfolioId: string, due: string | null): CaseloadAction => ({
      id: `${portfolioId}-${due}`,
      portfolioId,
      kind: 'iqa-action',
      label: 'Answer the IQA’s feedback on F2',
      due,
    });
    const sources = [action('p1', '2026-05-31'), action('p2', '2026-06-30')];
    expect(caseloadRow(entry('p1', 'A'), sources, 'assessor', TODAY)).toMatchObject({
      overdue: true,
      needsAction: true,
    });
    const p2 = caseloadRow(entry('p2', 'B'), sources, 'assessor', TODAY);
    expect(p2.actions.map((a) => a.id)).toEqual(['p2-2026-06-30']);
    expect(p2.overdue).toBe(false);
  });
});

describe('viewCaseload: filter and sort', () => {
  const rows = [
    caseloadRow(entry('p1', 'Cara', { coverage: 0.9, readyForSignOff: ['F1'] }), [], 'assessor', TODAY),
    caseloadRow(
      entry('p2', 'Annie', { coverage: 0.2, lastEvidenceDate: '2026-01-15' }, 'vtct@1'),
      [],
      'assessor',
      TODAY,
    ),
    caseloadRow(entry('p3', 'Bea', { coverage: 0.5 }), [], 'assessor', TODAY),
    { ...caseloadRow(entry('p4', 'Dee'), [], 'assessor', TODAY), summary: null },
  ];
  const names = (view: Parameters<typeof viewCaseload>[1]) => viewCaseload(rows, view).map((r) => r.candidateName);

  it('sorts by name, progress (least first, unknown last), last evidence (oldest first) and what there is to do', () => {
    expect(names({ qualification: 'all', show: 'all', sort: 'name' })).toEqual(['Annie', 'Bea', 'Cara', 'Dee']);
    expect(names({ qualification: 'all', show: 'all', sort: 'progress' })).toEqual(['Annie', 'Bea', 'Cara', 'Dee']);
    expect(names({ qualification: 'all', show: 'all', sort: 'last-evidence' })).toEqual([
      'Annie',
      'Bea',
      'Cara',
      'Dee',
    ]);
    expect(names({ qualification: 'all', show: 'all', sort: 'actions' })[0]).toBe('Annie');
  });

  it('filters by qualification, by what needs action and by what is overdue', () => {
    expect(names({ qualification: 'vtct@1', show: 'all', sort: 'name' })).toEqual(['Annie']);
    expect(names({ qualification: 'all', show: 'needs-action', sort: 'name' })).toEqual(['Annie', 'Cara']);
    expect(names({ qualification: 'all', show: 'overdue', sort: 'name' })).toEqual(['Annie']);
    expect(names({ qualification: 'svq2@1', show: 'overdue', sort: 'name' })).toEqual([]);
  });
});
