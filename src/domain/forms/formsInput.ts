// The portfolio records the computed forms read, and the names they print from them.
import type { Decision, Enrolment, Evidence, FormRecord, IqaDecision, Mapping, Person, Signature } from '../records';
import type { QualificationSpec } from '../spec/schema';
import type { PrefillContext } from './formData';

export type Deletable = { deleted?: boolean };
/** The records the derived forms read: a subset of a loaded portfolio (storage's PortfolioData fits). */
export interface FormsInput {
  enrolment: Pick<Enrolment, 'candidateId' | 'assessorId' | 'iqaId' | 'route'>;
  people: ReadonlyArray<Pick<Person, 'id' | 'name' | 'roles' | 'assessorStatus'> & Partial<Pick<Person, 'iqaStatus'>>>;
  evidence: ReadonlyArray<
    Pick<
      Evidence,
      'id' | 'type' | 'simulation' | 'title' | 'description' | 'date' | 'location' | 'mediaIds' | 'formId' | 'createdAt'
    > &
      Deletable
  >;
  mappings: ReadonlyArray<Pick<Mapping, 'evidenceId' | 'unitCode' | 'criterionKey'> & Deletable>;
  decisions: ReadonlyArray<
    Pick<
      Decision,
      | 'id'
      | 'kind'
      | 'unitCode'
      | 'criterionKey'
      | 'outcome'
      | 'assessorId'
      | 'date'
      | 'signatureId'
      | 'countersignedBy'
      | 'candidateSignatureId'
      | 'updatedAt'
    > &
      Deletable
  >;
  signatures: ReadonlyArray<
    Pick<Signature, 'id' | 'personId' | 'typedName' | 'role' | 'signedAt' | 'subjectId'> & Deletable
  >;
  forms: ReadonlyArray<Pick<FormRecord, 'id' | 'formType' | 'data' | 'status'> & Deletable>;
  /** IQA sampling decisions: they fill the index of evidence's internal-verifier column (domain/qa/ivSampling). */
  iqaDecisions?: ReadonlyArray<
    Pick<IqaDecision, 'iqaId' | 'unitCode' | 'evidenceId' | 'date' | 'countersignedBy' | 'updatedAt'> & Deletable
  >;
  /**
   * Deleted (tombstoned) evidence of the portfolio, when `evidence` holds live items only: it keeps its evidence
   * index number, so deleting an item never renumbers the ones after it.
   */
  evidenceTombstones?: ReadonlyArray<Pick<Evidence, 'id' | 'createdAt'>>;
}

export const live = <T extends Deletable>(rows: ReadonlyArray<T>): T[] => rows.filter((r) => !r.deleted);

export const personName = (input: FormsInput, id: string | null | undefined) =>
  id ? (input.people.find((p) => p.id === id)?.name ?? '') : '';

export function candidateNameOf(input: FormsInput): string {
  return personName(input, input.enrolment.candidateId);
}

/** What a new form is prefilled with for this portfolio. */
export function prefillContext(input: FormsInput, spec: QualificationSpec | null): PrefillContext {
  return {
    spec,
    candidateName: candidateNameOf(input),
    assessorName: personName(input, input.enrolment.assessorId),
    iqaName: personName(input, input.enrolment.iqaId),
  };
}
