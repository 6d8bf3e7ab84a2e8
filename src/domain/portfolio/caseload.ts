// A caseload: the portfolios a person works on, each reduced to a small summary that is cheap to keep and to show.
// The summary is a pure function of one portfolio's records and its spec, and does not depend on today's date
// (what does — currency, overdue — is worked out when shown), so a stored summary stays good until the
// portfolio's records change.
import type { QualificationSpec } from '../spec/schema';
import { z } from '../zod';
import { computeProgress, type PortfolioInput, type UnitProgress } from './progress';

/** Bumped when the summary's shape or meaning changes: stored summaries of another format are worked out again. */
export const SUMMARY_FORMAT = 1;

export type RulesStatus = 'award-achieved' | 'route-meets-rules' | 'route-breaks-rules' | 'no-route';

export interface PortfolioSummary {
  format: number;
  portfolioId: string;
  qualificationTitle: string;
  /** 0..1: the portfolio page's overall figure (criteria with evidence or judged met, signed-off units whole). */
  coverage: number;
  achievedUnits: number;
  routeUnits: number;
  rules: RulesStatus;
  /** The rules the route breaks, in words (empty unless `rules` is 'route-breaks-rules'). */
  brokenRules: string[];
  evidenceCount: number;
  lastEvidenceDate: string | null;
  oldestEvidenceDate: string | null;
  /** Simulated items where the spec bars simulation. */
  simulationProblems: number;
  /** Units signed off by an assessor working towards the award, waiting for a qualified one's countersignature. */
  countersignDue: string[];
  /** Route units whose every criterion has evidence or is judged met, none judged "not yet", not yet signed off. */
  readyForSignOff: string[];
  declarationSigned: boolean;
  /** The assessors whose status the summary read (countersigning): a change to one of them makes it stale. */
  assessorStatuses: Record<string, string>;
}

const codes = z.array(z.string());

/** A stored summary read back (it may come from another build of the app, or be damaged): checked before shown. */
export const portfolioSummarySchema: z.ZodType<PortfolioSummary> = z.object({
  format: z.number(),
  portfolioId: z.string(),
  qualificationTitle: z.string(),
  coverage: z.number().min(0).max(1),
  achievedUnits: z.number().int().min(0),
  routeUnits: z.number().int().min(0),
  rules: z.enum(['award-achieved', 'route-meets-rules', 'route-breaks-rules', 'no-route']),
  brokenRules: codes,
  evidenceCount: z.number().int().min(0),
  lastEvidenceDate: z.string().nullable(),
  oldestEvidenceDate: z.string().nullable(),
  simulationProblems: z.number().int().min(0),
  countersignDue: codes,
  readyForSignOff: codes,
  declarationSigned: z.boolean(),
  assessorStatuses: z.record(z.string(), z.string()),
});

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
