// One evidence-type vocabulary. Evidence records carry one of EVIDENCE_TYPES; each spec lists the evidence
// its seed allows in the seed's own words and says, per entry, which record type it is recorded as (or why
// none). A new record type is one edit here; a spec's new entry is one edit in its JSON.
import { z } from './zod';
import type { QualificationSpec, Unit } from './spec/schema';

export const EVIDENCE_TYPES = ['O', 'Q&A', 'P', 'RA', 'PD', 'WT', 'EWT', 'RPL'] as const;
export const EvidenceTypeCode = z.enum(EVIDENCE_TYPES);
export type EvidenceTypeCode = z.infer<typeof EvidenceTypeCode>;
export const EVIDENCE_TYPE_LABELS: Record<EvidenceTypeCode, string> = {
  O: 'Observation',
  'Q&A': 'Questions and answers',
  P: 'Product',
  RA: 'Reflective account / personal statement',
  PD: 'Professional discussion',
  WT: 'Witness testimony',
  EWT: 'Expert witness testimony',
  RPL: 'Recognition of prior learning',
};

/** Why a spec's evidence type has no record type when the spec was written before the mapping existed. */
export const NOT_MAPPED = 'Not mapped: the spec was written before evidence types named their record type';
// Before the mapping, simulation was recognised by these codes; stored and bundled specs of that time still are.
const SIMULATION_CODES_BEFORE_MAPPING = new Set(['S', 'SIM']);

/** An evidence type as a spec lists it, mapped to the record type it is recorded as. */
export const SpecEvidenceType = z.lazy(() =>
  z
    .object({
      code: z
        .string()
        .min(1)
        .nullable()
        .describe(
          'Short code exactly as the seed prints it (O, Q&A, P, RA …); null where the seed prints none: never invented',
        ),
      name: z.string().min(1).describe("The seed's own words for this evidence"),
      recordType: EvidenceTypeCode.nullable()
        .optional()
        .describe(
          'The record type evidence of this kind is recorded as; null when none fits. Every spec in specs/ states it; ' +
            'absent only in specs stored before the mapping existed, which are read as not mapped',
        ),
      noRecordType: z
        .string()
        .min(1)
        .optional()
        .describe('Why there is no record type (required exactly when recordType is null)'),
      simulation: z
        .literal(true)
        .optional()
        .describe('Simulation: not a type of its own but the simulation flag on evidence of any record type'),
      units: z
        .array(z.string().min(1))
        .min(1)
        .optional()
        .describe('Codes of the units the seed gives this evidence for; absent means every unit'),
    })
    .strict()
    .transform(({ recordType, ...rest }) => {
      if (recordType !== undefined) return { ...rest, recordType };
      const simulation =
        rest.simulation ?? (rest.code !== null && SIMULATION_CODES_BEFORE_MAPPING.has(rest.code) ? true : undefined);
      return {
        ...rest,
        recordType: null,
        noRecordType: rest.noRecordType ?? NOT_MAPPED,
        ...(simulation && { simulation }),
      };
    }),
);
export type SpecEvidenceType = z.infer<typeof SpecEvidenceType>;

/** Problems zod cannot see in a spec's evidence types, as [path within evidenceTypes, message]. */
export function evidenceTypeIssues(spec: Pick<QualificationSpec, 'evidenceTypes' | 'units'>): Array<[string, string]> {
  const issues: Array<[string, string]> = [];
  const unitCodes = new Set(spec.units.map((u) => u.code));
  const codes = new Set<string>();
  spec.evidenceTypes.forEach((t, i) => {
    if (t.code !== null && codes.has(t.code)) issues.push([`[${i}].code`, `duplicate evidence type code "${t.code}"`]);
    if (t.code !== null) codes.add(t.code);
    if (t.recordType === null && !t.noRecordType) issues.push([`[${i}]`, 'no record type: say why in "noRecordType"']);
    if (t.recordType !== null && t.noRecordType)
      issues.push([`[${i}].noRecordType`, 'has a record type, so "noRecordType" must be absent']);
    if (t.simulation && t.recordType !== null)
      issues.push([`[${i}].recordType`, 'simulation is a flag on evidence: its recordType is null']);
    t.units?.forEach((code, j) => {
      if (!unitCodes.has(code)) issues.push([`[${i}].units[${j}]`, `unknown unit "${code}"`]);
    });
  });
  return issues;
}

const FORBIDS_SIMULATION =
  /simulation (is )?not (allowed|permitted|permissible)|must not be simulated|not permissible/i;

/** Whether the unit's evidence requirements bar simulated evidence. */
export function unitForbidsSimulation(unit: Unit): boolean {
  return (unit.evidenceRequirements ?? []).some((text) => FORBIDS_SIMULATION.test(text));
}

/**
 * The spec's evidence types a unit allows: those given for it (or for every unit), without simulation where
 * the unit's requirements forbid it. Without a unit: every evidence type of the spec.
 */
export function evidenceTypesForUnit(spec: QualificationSpec, unit: Unit | undefined): SpecEvidenceType[] {
  if (!unit) return spec.evidenceTypes;
  const forbidsSimulation = unitForbidsSimulation(unit);
  return spec.evidenceTypes.filter(
    (t) => (!t.units || t.units.includes(unit.code)) && !(t.simulation && forbidsSimulation),
  );
}

/** Whether simulated evidence may count for a unit (or, without one, anywhere in the qualification). */
export function simulationAllowed(spec: QualificationSpec, unit: Unit | undefined): boolean {
  return evidenceTypesForUnit(spec, unit).some((t) => t.simulation);
}
