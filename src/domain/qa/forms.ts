// What the centre-QA screens' forms accept, checked where the input comes in (zod), each problem in words naming
// the field. The record schemas check the stored shape; these check what a person typed, before a record is made.
import { z } from '../zod';
import { TEXT_LIMITS } from '../limits';
import { limitedText } from '../records/meta';
import { APPEAL_OUTCOMES, APPEAL_STAGES } from '../records/appeal';
import { CPD_KINDS } from '../records/cpd';
import { SampleStage } from '../records/iqaDecision';

const date = (what: string) =>
  z
    .string()
    .trim()
    .regex(/^\d{4}-\d{2}-\d{2}$/, `Give ${what} as a date.`);
const optionalDate = (what: string) =>
  z
    .string()
    .trim()
    .regex(/^(\d{4}-\d{2}-\d{2})?$/, `Give ${what} as a date, or leave it empty.`)
    .transform((v) => v || null);
const required = (message: string, max: number = TEXT_LIMITS.title) => limitedText(max).trim().min(1, message);
const text = (max: number = TEXT_LIMITS.longText) => limitedText(max).trim().default('');

export const PlanForm = z
  .object({
    iqaId: z.string().min(1, 'Choose the IQA whose plan this is.'),
    specId: z.string().min(1, 'Choose the qualification.'),
    title: text(TEXT_LIMITS.title),
    periodStart: date('the start of the period'),
    periodEnd: date('the end of the period'),
    newQualification: z.boolean().default(false),
    /** Unit codes, separated by commas or spaces. */
    changedUnits: z
      .string()
      .default('')
      .transform((v) => [...new Set(v.split(/[\s,]+/).filter(Boolean))]),
  })
  .refine((p) => p.periodStart <= p.periodEnd, {
    message: 'The period must end on or after its start.',
    path: ['periodEnd'],
  });
export type PlanForm = z.output<typeof PlanForm>;

export const DecisionForm = z
  .object({
    portfolioId: z.string().min(1, 'Choose the candidate’s portfolio.'),
    unitCode: z.string().min(1, 'Choose the unit sampled.'),
    evidenceId: z
      .string()
      .default('')
      .transform((v) => v || null),
    stage: SampleStage,
    outcome: z.enum(['agree', 'disagree'], { message: 'Say whether you agree with the assessor’s decision.' }),
    feedback: text(),
    date: date('the date of the decision'),
    actionText: text(),
    actionDue: optionalDate('the action’s due date'),
  })
  .refine((d) => d.outcome === 'agree' || d.feedback.length > 0, {
    message: 'Give the assessor feedback: say why you disagree.',
    path: ['feedback'],
  })
  .refine((d) => !d.actionText || d.actionDue, {
    message: 'Give the action a due date.',
    path: ['actionDue'],
  })
  .refine((d) => !d.actionDue || d.actionText, {
    message: 'Say what the assessor should do by the due date.',
    path: ['actionText'],
  })
  .refine((d) => !d.actionDue || d.actionDue >= d.date, {
    message: 'The action cannot be due before the decision is made.',
    path: ['actionDue'],
  });
export type DecisionForm = z.output<typeof DecisionForm>;

export const StandardisationForm = z.object({
  activity: required('Name the activity, e.g. “Standardisation meeting: observation records”.'),
  date: date('the date of the activity'),
  ledBy: z.string().min(1, 'Choose who led it.'),
  attendees: z.array(z.string().min(1)).min(1, 'Tick at least one person who attended.'),
  specId: z
    .string()
    .default('')
    .transform((v) => v || null),
  units: z
    .string()
    .default('')
    .transform((v) => [...new Set(v.split(/[\s,]+/).filter(Boolean))]),
  evidenceLookedAt: text(),
  outcome: required('Say what the activity concluded.', TEXT_LIMITS.longText),
  actions: text(),
});
export type StandardisationForm = z.output<typeof StandardisationForm>;

export const CpdForm = z.object({
  personId: z.string().min(1, 'Choose whose record this is.'),
  date: date('the date of the activity'),
  kind: z.enum(CPD_KINDS),
  activity: required('Name the activity.'),
  hours: z.coerce
    .number({ message: 'Give the hours as a number, e.g. 1.5.' })
    .min(0, 'Hours cannot be negative.')
    .max(1000, 'Hours must be 1000 or fewer.'),
  reflection: text(),
  evidence: text(),
});
export type CpdForm = z.output<typeof CpdForm>;

export const AppealStageForm = z.object({
  stage: z.enum(APPEAL_STAGES),
  date: date('the date of each stage'),
  by: z
    .string()
    .default('')
    .transform((v) => v || null),
  notes: text(),
});

export const AppealForm = z
  .object({
    candidateId: z.string().min(1, 'Choose the candidate who appeals.'),
    portfolioId: z
      .string()
      .default('')
      .transform((v) => v || null),
    decisionAppealed: required('Say which decision is appealed.', TEXT_LIMITS.longText),
    lodgedOn: date('the date the appeal was lodged'),
    stages: z.array(AppealStageForm).default([]),
    outcome: z.enum(APPEAL_OUTCOMES),
    outcomeDate: optionalDate('the date of the outcome'),
    outcomeNotes: text(),
  })
  .refine((a) => a.outcome === 'pending' || a.outcomeDate, {
    message: 'Give the date of the outcome.',
    path: ['outcomeDate'],
  })
  .refine((a) => a.stages.every((s) => s.date >= a.lodgedOn), {
    message: 'A stage cannot come before the appeal was lodged.',
    path: ['stages'],
  });
export type AppealForm = z.output<typeof AppealForm>;

/** The first problem of a failed parse, in words, and the field it names (for focus and aria-invalid). */
export function firstFormProblem(error: z.ZodError): { message: string; field: string } {
  const issue = error.issues[0]!;
  return { message: issue.message, field: String(issue.path[0] ?? '') };
}
