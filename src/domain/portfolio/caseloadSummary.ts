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
export const portfolioSummarySchema: z.ZodType<PortfolioSummary> = z.lazy(() =>
  z.object({
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
  }),
);

const isCount = (v: unknown) => typeof v === 'number' && Number.isInteger(v) && v >= 0;
const isTexts = (v: unknown) => Array.isArray(v) && v.every((x) => typeof x === 'string');
const isDateOrNull = (v: unknown) => v === null || typeof v === 'string';
const RULES_STATUSES: readonly unknown[] = ['award-achieved', 'route-meets-rules', 'route-breaks-rules', 'no-route'];

/**
 * A stored summary of this format read back, checked field by field without the schema: the home screen reads 60
 * of them at every start, where zod (compiled-free, as the CSP requires) measured tens of ms on a cold page. A
 * summary of another format, or one that fails this, goes through portfolioSummarySchema (readSummary).
 */
function holdsCurrentShape(s: Record<string, unknown>): boolean {
  return (
    s.format === SUMMARY_FORMAT &&
    typeof s.portfolioId === 'string' &&
    typeof s.qualificationTitle === 'string' &&
    typeof s.coverage === 'number' &&
    s.coverage >= 0 &&
    s.coverage <= 1 &&
    [s.achievedUnits, s.routeUnits, s.evidenceCount, s.simulationProblems].every(isCount) &&
    RULES_STATUSES.includes(s.rules) &&
    [s.brokenRules, s.countersignDue, s.readyForSignOff].every(isTexts) &&
    isDateOrNull(s.lastEvidenceDate) &&
    isDateOrNull(s.oldestEvidenceDate) &&
    typeof s.declarationSigned === 'boolean' &&
    typeof s.assessorStatuses === 'object' &&
    s.assessorStatuses !== null &&
    Object.values(s.assessorStatuses).every((v) => typeof v === 'string')
  );
}

/** A stored summary, checked: one this format wrote by its fields, any other by the schema; null if it fails. */
export function readSummary(value: unknown): PortfolioSummary | null {
  if (typeof value !== 'object' || value === null) return null;
  if (holdsCurrentShape(value as Record<string, unknown>)) return value as PortfolioSummary;
  const parsed = portfolioSummarySchema.safeParse(value);
  return parsed.success ? parsed.data : null;
}
