// Form 4, the index of evidence, computed: every piece of evidence by its evidence index number.
import { EVIDENCE_TYPE_LABELS } from '../../evidenceTypes';
import type { Evidence, EvidenceTypeCode } from '../../records';
import { unitCriteria } from '../../spec/criteria';
import { compareCodePoints } from '../../order';
import type { QualificationSpec } from '../../spec/schema';
import { coverageText } from '../criterionRefs';
import { evidenceInIndexOrder, evidenceNumbers } from '../evidenceNumbers';
import { formatDate } from '../../dates';
import { candidateNameOf, live, type FormsInput } from '../formsInput';
import { ivSamplingByEvidence } from '../../qa/ivSampling';

export interface IndexOfEvidenceRow {
  number: number;
  evidenceId: string;
  /** Description of evidence: the evidence's title. */
  description: string;
  /** Type and date, printed under the description. */
  type: EvidenceTypeCode;
  typeLabel: string;
  date: string;
  simulation: boolean;
  /** "Yes", or "No (where it is kept)": see isInPortfolio. */
  included: string;
  /** Criterion keys it is mapped to, in spec order. */
  criterionKeys: string[];
  units: string[];
  /** Units/elements evidence links to, as the seed writes them. */
  links: string;
  /** Internal verifier signature and date of sampling ("" until an IV has sampled it). */
  ivSampling: string;
}

export interface IndexOfEvidence {
  svqTitle: string;
  candidate: string;
  rows: IndexOfEvidenceRow[];
}

function isIvSignature(input: FormsInput, s: FormsInput['signatures'][number]): boolean {
  const role = s.role.toLowerCase();
  if (role === 'iqa' || role.includes('internal verifier') || role.includes('internal quality')) return true;
  const person = s.personId ? input.people.find((p) => p.id === s.personId) : undefined;
  return person?.roles.includes('iqa') === true && s.personId === input.enrolment.iqaId;
}

/**
 * "Included in portfolio": the item itself is in it — media attached, recorded on a form, or (for records that
 * are their own evidence: observation, Q&A, statements, testimony, discussion) written into the description.
 * A product or prior-learning item with nothing attached is held elsewhere: "No (<location>)".
 */
function isInPortfolio(e: Pick<Evidence, 'type' | 'mediaIds' | 'formId' | 'description'>): boolean {
  if (e.mediaIds.length > 0 || e.formId !== null) return true;
  return e.type !== 'P' && e.type !== 'RPL' && e.description.trim() !== '';
}

/** The column from IQA decisions, with each item's units from its live mappings. */
function iqaSampling(input: FormsInput, mappings: FormsInput['mappings']): Map<string, string> {
  if (!input.iqaDecisions?.length) return new Map();
  const evidence = input.evidence.map((e) => ({
    id: e.id,
    date: e.date,
    deleted: e.deleted,
    criteria: mappings.filter((m) => m.evidenceId === e.id),
  }));
  return ivSamplingByEvidence({ iqaDecisions: input.iqaDecisions, evidence, people: input.people });
}

/** Form 4, computed: every piece of live evidence, by its (stable) evidence index number, with the units/criteria it is mapped to. */
export function buildIndexOfEvidence(input: FormsInput, spec: QualificationSpec): IndexOfEvidence {
  const order = new Map<string, number>();
  let i = 0;
  for (const u of spec.units) for (const c of unitCriteria(u)) order.set(c.key, i++);
  const mappings = live(input.mappings);
  const signatures = live(input.signatures);
  const numbers = evidenceNumbers(input);
  const sampledByIqa = iqaSampling(input, mappings);
  const rows = evidenceInIndexOrder(input.evidence).map((e): IndexOfEvidenceRow => {
    const mine = mappings.filter((m) => m.evidenceId === e.id);
    const keys = [...new Set(mine.map((m) => m.criterionKey))].sort(
      (a, b) => (order.get(a) ?? Infinity) - (order.get(b) ?? Infinity) || a.localeCompare(b),
    );
    const units = [...new Set(mine.map((m) => m.unitCode))].sort(
      (a, b) => spec.units.findIndex((u) => u.code === a) - spec.units.findIndex((u) => u.code === b),
    );
    const inPortfolio = isInPortfolio(e);
    const iv = signatures
      .filter((s) => s.subjectId === e.id && isIvSignature(input, s))
      .sort((a, b) => compareCodePoints(b.signedAt, a.signedAt))[0];
    return {
      number: numbers.get(e.id) ?? 0,
      evidenceId: e.id,
      description: e.title,
      type: e.type,
      typeLabel: EVIDENCE_TYPE_LABELS[e.type],
      date: e.date,
      simulation: e.simulation,
      included: inPortfolio ? 'Yes' : e.location.trim() ? `No (${e.location.trim()})` : 'No',
      criterionKeys: keys,
      units,
      links: coverageText(spec, keys),
      // An IQA decision names the sampling (and its countersigning); a sampling signature alone still counts.
      ivSampling: sampledByIqa.get(e.id) ?? (iv ? `${iv.typedName} ${formatDate(iv.signedAt)}` : ''),
    };
  });
  return { svqTitle: spec.title, candidate: candidateNameOf(input), rows };
}
