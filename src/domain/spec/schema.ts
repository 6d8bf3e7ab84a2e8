// The qualification spec format. One JSON file per qualification in specs/; this zod schema is the
// single source of truth (specs/schema.json is generated from it). A value the seed does not state is
// null (or absent), never 0.
import { z } from '../zod';
import { SpecEvidenceType } from '../evidenceTypes';

/** Where a value came from: the seed file and the section (heading or table) within it. */
export const SourceRef = z
  .object({
    file: z.string().min(1).describe('Seed file name, e.g. 000_552b4dfa4c9139c1.txt'),
    section: z.string().min(1).describe('Heading, table or page the value was read from'),
  })
  .strict();
export type SourceRef = z.infer<typeof SourceRef>;

const nonNegativeOrNull = z.number().nonnegative().nullable();
const levelOrNull = z.number().int().min(1).max(12).nullable();

export const Criterion = z
  .object({
    id: z.string().min(1).describe('As printed: "1", "1.1", "a" …; unique within its unit'),
    text: z.string().min(1),
  })
  .strict();
export type Criterion = z.infer<typeof Criterion>;

export const OutcomeKind = z.enum(['element', 'learning-outcome', 'performance-group']);

/** An element (SVQ), a learning outcome (RQF/BTEC) or a heading that groups performance criteria. */
export const Outcome = z
  .object({
    id: z.string().min(1).describe('As printed: "F1.1", "1", "LO1"; or a running number for an unnumbered heading'),
    kind: OutcomeKind,
    title: z.string().min(1),
    criteria: z.array(Criterion).describe('Performance criteria or assessment criteria, in printed order'),
  })
  .strict();
export type Outcome = z.infer<typeof Outcome>;

export const Unit = z
  .object({
    code: z.string().min(1).describe('Unit code exactly as printed (CFACSF5, F1, BUS59, "1")'),
    referenceNumber: z.string().min(1).nullable().describe('Regulator unit reference number, e.g. D/506/1942'),
    title: z.string().min(1),
    level: levelOrNull.describe('SCQF or RQF level of the unit'),
    credits: nonNegativeOrNull,
    glh: nonNegativeOrNull,
    group: z.string().min(1).nullable().describe('Id of the group the unit belongs to (null in a unit bank)'),
    summary: z.string().nullable().optional(),
    outcomes: z.array(Outcome),
    knowledge: z
      .array(Criterion)
      .optional()
      .describe('Knowledge and understanding items, numbered as printed; unique ids within the unit'),
    evidenceRequirements: z.array(z.string().min(1)).optional(),
    source: SourceRef,
  })
  .strict();
export type Unit = z.infer<typeof Unit>;

export const Group = z
  .object({
    id: z.string().min(1),
    title: z.string().min(1),
    kind: z.enum(['mandatory', 'optional', 'theme']),
    description: z.string().optional(),
    source: SourceRef.optional(),
  })
  .strict();
export type Group = z.infer<typeof Group>;

const ruleBase = {
  id: z.string().min(1),
  text: z.string().min(1).optional().describe('The rule as the seed words it'),
  source: SourceRef.optional(),
};
const groupsField = z
  .array(z.string().min(1))
  .min(1)
  .optional()
  .describe('Groups the rule counts; absent means every unit of the qualification');
const count = z.number().int().nonnegative();

export const Rule = z.discriminatedUnion('kind', [
  z.object({ ...ruleBase, kind: z.literal('allOfGroup'), group: z.string().min(1) }).strict(),
  z.object({ ...ruleBase, kind: z.literal('minUnits'), groups: groupsField, min: count }).strict(),
  z.object({ ...ruleBase, kind: z.literal('minCredits'), groups: groupsField, min: z.number().nonnegative() }).strict(),
  z.object({ ...ruleBase, kind: z.literal('maxCredits'), groups: groupsField, max: z.number().nonnegative() }).strict(),
  z
    .object({
      ...ruleBase,
      kind: z.literal('minCreditsAtLevel'),
      groups: groupsField,
      level: z.number().int().min(1).max(12).describe('Counts credits of units at this level or above'),
      min: z.number().nonnegative(),
    })
    .strict(),
  z
    .object({
      ...ruleBase,
      kind: z.literal('maxUnitsAtLevels'),
      groups: groupsField,
      levels: z.array(z.number().int().min(1).max(12)).min(1),
      max: count,
    })
    .strict(),
  z.object({ ...ruleBase, kind: z.literal('minGlh'), groups: groupsField, min: z.number().nonnegative() }).strict(),
]);
export type Rule = z.infer<typeof Rule>;
export type RuleKind = Rule['kind'];

export const QualificationSpec = z
  .object({
    $schema: z.string().optional(),
    id: z.string().regex(/^[a-z0-9]+(?:-[a-z0-9]+)*$/, 'id must be lower-case words joined by hyphens'),
    version: z.string().min(1).describe('Version of this spec data (bump when the transcription changes)'),
    title: z.string().min(1),
    awardingBody: z.string().min(1),
    qualificationNumbers: z
      .array(z.object({ scheme: z.string().min(1), value: z.string().min(1) }).strict())
      .describe('e.g. {scheme: "QN", value: "603/5449/5"}'),
    framework: z.enum(['SCQF', 'RQF']).nullable(),
    level: levelOrNull,
    credits: nonNegativeOrNull.describe('Credit value of the qualification where stated'),
    tqt: nonNegativeOrNull.describe('Total qualification time in hours where stated'),
    glh: nonNegativeOrNull.describe('Guided learning hours where stated'),
    kind: z.enum(['qualification', 'unit-bank']).default('qualification'),
    source: SourceRef,
    groups: z.array(Group),
    units: z.array(Unit).min(1),
    rules: z.array(Rule),
    evidenceTypes: z
      .array(SpecEvidenceType)
      .describe('The evidence the seed allows, in its own words, each mapped to a record type (or why none)'),
    notes: z.array(z.string()).optional().describe('Transcription notes: contradictions, omissions in the seed'),
  })
  .strict();
export type QualificationSpec = z.infer<typeof QualificationSpec>;
export type QualificationSpecInput = z.input<typeof QualificationSpec>;
