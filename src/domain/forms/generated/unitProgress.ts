// Form 6, the unit progress and sign-off record, computed from the route and the unit sign-offs.
import { latestDecisions } from '../../portfolio/progress';
import { describeRule } from '../../rules/explain';
import type { QualificationSpec, Unit } from '../../spec/schema';
import { candidateNameOf, live, personName, type FormsInput } from '../formsInput';

export interface UnitProgressRecordRow {
  unitCode: string;
  title: string;
  signedOff: boolean;
  /** Assessor's signature: the signed name, or the assessor's name. */
  assessorSignature: string;
  assessorId: string | null;
  date: string;
  decisionId: string | null;
  /** Signed off by an assessor working towards their award and not yet countersigned. */
  countersignNeeded: boolean;
  countersignedBy: string;
}

export interface UnitProgressRecord {
  svqTitle: string;
  candidate: string;
  assessor: string;
  /** The rules of combination in the seed's words. */
  requirements: string[];
  checklist: {
    mandatory: Array<{ unitCode: string; completed: boolean }>;
    option: Array<{ unitCode: string; completed: boolean }>;
  };
  mandatory: UnitProgressRecordRow[];
  option: UnitProgressRecordRow[];
}

/** The sign-off that stands for each unit: the latest "met" unit sign-off. */
export function latestSignOffs(input: FormsInput): Map<string, FormsInput['decisions'][number]> {
  return latestDecisions(
    input.decisions.filter((d) => d.outcome === 'met'),
    'unit-signoff',
    (d) => d.unitCode,
  );
}

function isMandatory(spec: QualificationSpec, u: Unit): boolean {
  return spec.groups.some((g) => g.id === u.group && g.kind === 'mandatory');
}

/** Form 6, computed: the route's units with their sign-offs (assessor, date, countersignature still needed). */
export function buildUnitProgress(input: FormsInput, spec: QualificationSpec): UnitProgressRecord {
  const signOffs = latestSignOffs(input);
  const route = new Set(input.enrolment.route);
  if (route.size === 0) for (const u of spec.units) if (isMandatory(spec, u)) route.add(u.code);
  for (const code of signOffs.keys()) route.add(code);
  const units = spec.units.filter((u) => route.has(u.code));
  const signatures = live(input.signatures);
  const row = (u: Unit): UnitProgressRecordRow => {
    const d = signOffs.get(u.code);
    const assessorPerson = d ? input.people.find((p) => p.id === d.assessorId) : undefined;
    const signed = d?.signatureId ? signatures.find((s) => s.id === d.signatureId) : undefined;
    return {
      unitCode: u.code,
      title: u.title,
      signedOff: !!d,
      assessorSignature: d ? (signed?.typedName ?? assessorPerson?.name ?? d.assessorId) : '',
      assessorId: d?.assessorId ?? null,
      date: d?.date ?? '',
      decisionId: d?.id ?? null,
      countersignNeeded: !!d && assessorPerson?.assessorStatus === 'working-towards' && !d.countersignedBy,
      countersignedBy: d?.countersignedBy ? personName(input, d.countersignedBy) || d.countersignedBy : '',
    };
  };
  const mandatory = units.filter((u) => isMandatory(spec, u)).map(row);
  const option = units.filter((u) => !isMandatory(spec, u)).map(row);
  const requirements = [...new Set(spec.rules.map((r) => r.text ?? describeRule(spec, r)))];
  return {
    svqTitle: spec.title,
    candidate: candidateNameOf(input),
    assessor: personName(input, input.enrolment.assessorId),
    requirements,
    checklist: {
      mandatory: mandatory.map((r) => ({ unitCode: r.unitCode, completed: r.signedOff })),
      option: option.map((r) => ({ unitCode: r.unitCode, completed: r.signedOff })),
    },
    mandatory,
    option,
  };
}
