// What an EQA visit pack carries besides its portfolios: the centre's records (sampling plans, standardisation,
// CPD, appeals of the chosen portfolios, the people they name and the centre's staff), and two summaries only the
// IQA's device can make, as it holds every portfolio: each plan's coverage and the caseload per assessor.
import { type Appeal, type CpdRecord, type PlanCoverage, type RecordOf, type SamplingPlan } from '../domain';
import type { Standardisation } from '../domain';
import { todayIso } from './clock';
import { db } from './db';
import { peopleNamedIn } from './exchange';
import { planCoverageFor } from './qaQueries';
import { validRecords } from './read';

export interface PackCentreRecords {
  samplingPlans: SamplingPlan[];
  standardisations: Standardisation[];
  cpdRecords: CpdRecord[];
  appeals: Appeal[];
  people: Array<RecordOf<'people'>>;
}

/** A plan's coverage over all the centre's portfolios, as the IQA's device computed it at export. */
export type PackPlanCoverage = { planId: string } & Omit<PlanCoverage, 'overdue'> & { overdue: string[] };

/** Per assessor and qualification: candidates at the centre, and how many of them the pack holds. */
export interface PackCaseloadLine {
  assessorId: string;
  specId: string;
  candidates: number;
  inPack: number;
}

export interface PackCentre {
  records: PackCentreRecords;
  coverage: PackPlanCoverage[];
  caseload: PackCaseloadLine[];
}

const live = <T extends { deleted: boolean }>(rows: T[]) => rows.filter((r) => !r.deleted);

/** The centre part of a pack holding `portfolioIds`: appeals only of those portfolios, so none names one it lacks. */
export async function centreForPack(portfolioIds: readonly string[], today = todayIso()): Promise<PackCentre> {
  const d = db();
  const held = new Set(portfolioIds);
  const read = await d.transaction(
    'r',
    [d.samplingPlans, d.standardisations, d.cpdRecords, d.appeals, d.people, d.enrolments],
    async () => ({
      samplingPlans: live(validRecords('samplingPlans', await d.samplingPlans.toArray(), [])),
      standardisations: live(validRecords('standardisations', await d.standardisations.toArray(), [])),
      cpdRecords: live(validRecords('cpdRecords', await d.cpdRecords.toArray(), [])),
      appeals: live(validRecords('appeals', await d.appeals.toArray(), [])).filter(
        (a) => a.portfolioId !== null && held.has(a.portfolioId),
      ),
      people: live(validRecords('people', await d.people.toArray(), [])),
      enrolments: live(validRecords('enrolments', await d.enrolments.toArray(), [])),
    }),
  );
  const { people, enrolments, ...centre } = read;
  const staff = people.filter((p) => p.roles.some((r) => r === 'assessor' || r === 'iqa'));
  const named = peopleNamedIn(Object.values(centre), people);
  const records = { ...centre, people: people.filter((p) => staff.includes(p) || named.includes(p)) };
  const coverage: PackPlanCoverage[] = [];
  for (const plan of centre.samplingPlans) {
    const c = await planCoverageFor(plan, today);
    coverage.push({ planId: plan.id, ...c, overdue: c.overdue.map((i) => i.id) });
  }
  return { records, coverage, caseload: caseloadLines(enrolments, held) };
}

function caseloadLines(enrolments: Array<RecordOf<'enrolments'>>, held: Set<string>): PackCaseloadLine[] {
  const lines = new Map<string, PackCaseloadLine>();
  for (const e of enrolments) {
    if (!e.assessorId) continue;
    const key = `${e.assessorId} ${e.specId}`;
    const line = lines.get(key) ?? { assessorId: e.assessorId, specId: e.specId, candidates: 0, inPack: 0 };
    line.candidates += 1;
    if (held.has(e.id)) line.inPack += 1;
    lines.set(key, line);
  }
  return [...lines.values()].sort(
    (a, b) => a.assessorId.localeCompare(b.assessorId) || a.specId.localeCompare(b.specId),
  );
}
