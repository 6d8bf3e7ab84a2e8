// Form 8's grid, computed: each knowledge item of a unit with the evidence (numbers and types) mapped to it.
import type { EvidenceTypeCode } from '../../records';
import { unitCriteria } from '../../spec/criteria';
import type { QualificationSpec } from '../../spec/schema';
import { shortRef } from '../criterionRefs';
import type { KnowledgeColumnKey } from '../definitions';
import { evidenceNumbers } from '../evidenceNumbers';
import { candidateNameOf, live, personName, type FormsInput } from '../formsInput';
import { buildUnitProgress } from './unitProgress';

export interface KnowledgeEvidenceRow {
  key: string;
  ref: string;
  text: string;
  /** EI: evidence index numbers of the evidence mapped to this item. */
  evidenceNumbers: number[];
  /** The seed's type-of-evidence ticks. */
  types: Record<Exclude<KnowledgeColumnKey, 'EI' | 'QA'>, boolean>;
  /** Q&A Date: dates of question-and-answer evidence. */
  qaDates: string[];
}

export interface KnowledgeEvidenceRecord {
  svqTitle: string;
  candidate: string;
  assessor: string;
  unitCode: string;
  unitTitle: string;
  rows: KnowledgeEvidenceRow[];
}

/** Form 8's grid, computed: each knowledge item of a unit with the evidence (numbers and types) mapped to it. */
export function buildKnowledgeEvidence(
  input: FormsInput,
  spec: QualificationSpec,
  unitCode: string,
): KnowledgeEvidenceRecord {
  const u = spec.units.find((x) => x.code === unitCode);
  const numbers = evidenceNumbers(input);
  const evidence = new Map(live(input.evidence).map((e) => [e.id, e]));
  const mappings = live(input.mappings);
  const rows = (u ? unitCriteria(u).filter((r) => r.kind === 'knowledge') : []).map((r): KnowledgeEvidenceRow => {
    const evs = [...new Set(mappings.filter((m) => m.criterionKey === r.key).map((m) => m.evidenceId))]
      .map((id) => evidence.get(id))
      .filter((e): e is NonNullable<typeof e> => !!e)
      .sort((a, b) => (numbers.get(a.id) ?? 0) - (numbers.get(b.id) ?? 0));
    const has = (t: EvidenceTypeCode) => evs.some((e) => e.type === t);
    return {
      key: r.key,
      ref: shortRef(r),
      text: r.text,
      evidenceNumbers: evs.map((e) => numbers.get(e.id) ?? 0),
      types: {
        O: has('O'),
        P: has('RA'),
        WT: has('WT'),
        S: evs.some((e) => e.simulation),
        APEL: has('RPL'),
        EWE: has('EWT'),
        PD: has('PD'),
      },
      qaDates: [...new Set(evs.filter((e) => e.type === 'Q&A').map((e) => e.date))].sort(),
    };
  });
  return {
    svqTitle: spec.title,
    candidate: candidateNameOf(input),
    assessor: personName(input, input.enrolment.assessorId),
    unitCode,
    unitTitle: u?.title ?? '',
    rows,
  };
}

/** Form 8 for the whole route: one record per unit of the unit progress record that lists knowledge items. */
export function buildKnowledgeEvidenceForRoute(input: FormsInput, spec: QualificationSpec): KnowledgeEvidenceRecord[] {
  const progress = buildUnitProgress(input, spec);
  return [...progress.mandatory, ...progress.option]
    .map((r) => buildKnowledgeEvidence(input, spec, r.unitCode))
    .filter((r) => r.rows.length > 0);
}
