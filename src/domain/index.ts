// The pure domain core: no React, no Dexie, no DOM (enforced by ESLint).
export * from './spec/schema';
export { parseSpec, SpecError, jsonPath, type SpecIssue } from './spec/parse';
export { evaluateAward, checkRoute, type AwardEvaluation, type RouteCheck, type RuleResult } from './rules/evaluate';
export { planCompletion, type CompletionPlan, type PlanOptions } from './rules/plan';
export { describeRule, groupsPhrase } from './rules/explain';
export { compareCodes } from './rules/compile';
export * from './spec/criteria';
export * from './spec/labels';
export * from './records';
export * from './evidenceTypes';
export * from './mediaTypes';
export * from './portfolio/progress';
export * from './portfolio/caseload';
export * from './portfolio/caseloadView';
export * from './calendar';
export * from './portfolio/summary';
export * from './portfolio/reconcile';
export * from './forms';
export * from './trust';
export * from './limits';
export * from './syncLink';
export * from './dates';
export { z } from './zod';
export * from './qa';
// screen start: machine strings ordered without an ICU collator
export * from './order';
// caseload (home screen speed): the summary's shape and schema, apart from the code that works it out
export * from './portfolio/caseloadSummary';
// phone: who may sign as what (issue 13, point 12)
export * from './signerRoles';
// verifier: open referrals from sampling decisions (issue 13, point 5)
export * from './portfolio/referrals';
