// Evidence index numbers: the number each piece of evidence is known by on every form of the portfolio ("EI 3").
// Forms cite these numbers in typed fields, so they never change once given.
import { compareCodePoints } from '../order';

/** What numbering needs of a piece of evidence: when it was recorded. */
export interface NumberedEvidence {
  id: string;
  createdAt: string;
  deleted?: boolean;
}

export interface EvidenceNumberingInput {
  /** The portfolio's evidence, live and (optionally) deleted. */
  evidence: ReadonlyArray<NumberedEvidence & { formId?: string | null }>;
  /** Deleted evidence kept apart, when `evidence` holds live items only: it keeps its number too. */
  evidenceTombstones?: ReadonlyArray<NumberedEvidence>;
}

/** The order evidence is numbered in: when it was recorded, then id (so the order is total). */
const byCreation = (a: NumberedEvidence, b: NumberedEvidence) =>
  compareCodePoints(a.createdAt, b.createdAt) || compareCodePoints(a.id, b.id);

/** Live evidence in index order, i.e. by evidence index number. */
export function evidenceInIndexOrder<E extends NumberedEvidence>(evidence: ReadonlyArray<E>): E[] {
  return evidence.filter((e) => !e.deleted).sort(byCreation);
}

/**
 * Evidence id → its evidence index number (1, 2, …). Evidence is numbered in the order it was recorded
 * (createdAt, then id), whatever its date, and deleted evidence (deleted rows in `evidence` and
 * `evidenceTombstones`) keeps its number, so adding back-dated evidence or deleting an item never renumbers the
 * others. Numbers of deleted items are never reused.
 */
export function evidenceNumbers(input: EvidenceNumberingInput): Map<string, number> {
  const all = new Map<string, NumberedEvidence>();
  for (const e of input.evidenceTombstones ?? []) all.set(e.id, e);
  for (const e of input.evidence) all.set(e.id, e);
  return new Map([...all.values()].sort(byCreation).map((e, i) => [e.id, i + 1]));
}

/** The evidence index number of the evidence recorded on a form, or null if none is recorded on it yet. */
export function formEvidenceNumber(input: EvidenceNumberingInput, formId: string): number | null {
  const recorded = evidenceInIndexOrder(input.evidence).find((e) => e.formId === formId);
  return recorded ? (evidenceNumbers(input).get(recorded.id) ?? null) : null;
}
