// A caseload summary's shape, its format and its schema: apart from the code that works summaries out
// (caseload.ts), so the home screen, which only reads stored summaries, does not load progress and rules code.
import { z } from '../zod';

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
