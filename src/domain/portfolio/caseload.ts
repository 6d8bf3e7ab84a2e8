// A caseload: the portfolios a person works on, each reduced to a small summary that is cheap to keep and to show.
// The summary is a pure function of one portfolio's records and its spec, and does not depend on today's date
// (what does — currency, overdue — is worked out when shown), so a stored summary stays good until the
// portfolio's records change.
import type { QualificationSpec } from '../spec/schema';
import { SUMMARY_FORMAT, type PortfolioSummary, type RulesStatus } from './caseloadSummary';
import { computeProgress, type PortfolioInput, type UnitProgress } from './progress';

const readyForSignOff = (u: UnitProgress) =>
  u.inRoute && u.total > 0 && u.covered === u.total && u.notYet === 0 && !u.signOff;

function rulesStatus(awardAchieved: boolean, routeValid: boolean, routeLength: number): RulesStatus {
  if (awardAchieved) return 'award-achieved';
  if (routeLength === 0) return 'no-route';
  return routeValid ? 'route-meets-rules' : 'route-breaks-rules';
}

/** One portfolio's summary: the figures and checks of its progress that a caseload shows. */
export function summarisePortfolio(spec: QualificationSpec, input: PortfolioInput): PortfolioSummary {
  // The date only feeds currency flags, which the summary leaves out (they are worked out when shown).
  const progress = computeProgress(spec, input, '9999-12-31');
  const dates = input.evidence
    .filter((e) => !e.deleted)
    .map((e) => e.date)
    .sort();
  const assessorStatuses: Record<string, string> = {};
  for (const u of progress.units) {
    if (!u.signOff) continue;
    const assessor = input.people.find((p) => p.id === u.signOff!.assessorId);
    assessorStatuses[u.signOff.assessorId] = assessor?.assessorStatus ?? 'unknown';
  }
  return {
    format: SUMMARY_FORMAT,
    portfolioId: input.enrolment.id,
    qualificationTitle: spec.title,
    coverage: progress.overallCoverage,
    achievedUnits: progress.achievedUnits.length,
    routeUnits: input.enrolment.route.length,
    rules: rulesStatus(progress.award.achieved, progress.route.valid, input.enrolment.route.length),
    brokenRules: progress.route.valid ? [] : progress.route.rules.filter((r) => !r.satisfied).map((r) => r.explanation),
    evidenceCount: dates.length,
    lastEvidenceDate: dates.at(-1) ?? null,
    oldestEvidenceDate: dates[0] ?? null,
    simulationProblems: progress.flags.filter((f) => f.kind === 'simulation').length,
    countersignDue: progress.units.filter((u) => u.awaitingCountersignature).map((u) => u.unit.code),
    readyForSignOff: progress.units.filter(readyForSignOff).map((u) => u.unit.code),
    declarationSigned: !progress.flags.some((f) => f.kind === 'authenticity'),
    assessorStatuses,
  };
}
