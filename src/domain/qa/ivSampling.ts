// The forms' "Internal verifier signature and date of sampling" column (seed 001, form 4, index of evidence:
// "M A Kail 27.05.11") from IQA decisions: a decision on an evidence item fills that item's row; a decision on a
// unit fills the rows of the unit's evidence dated on or before it. A trainee IQA's decision shows its
// countersigner once countersigned, and says it awaits countersigning until then. Pure.
import type { IqaDecision, Person } from '../records';
import { formatDate } from '../dates';

type Live = { deleted?: boolean };

export interface IvSamplingInput {
  iqaDecisions: ReadonlyArray<
    Pick<IqaDecision, 'iqaId' | 'unitCode' | 'evidenceId' | 'date' | 'countersignedBy' | 'updatedAt'> & Live
  >;
  evidence: ReadonlyArray<{ id: string; date: string; criteria: ReadonlyArray<{ unitCode: string }> } & Live>;
  people: ReadonlyArray<Pick<Person, 'id' | 'name'> & Partial<Pick<Person, 'iqaStatus'>>>;
}

/** The column's text per evidence id ("K Hay 12.06.26"); evidence no decision sampled has no entry. */
export function ivSamplingByEvidence(input: IvSamplingInput): Map<string, string> {
  const person = new Map(input.people.map((p) => [p.id, p]));
  const name = (id: string) => person.get(id)?.name ?? 'IQA';
  const text = (d: IvSamplingInput['iqaDecisions'][number]) => {
    const base = `${name(d.iqaId)} ${formatDate(d.date)}`;
    if (d.countersignedBy) return `${base}, countersigned ${name(d.countersignedBy)}`;
    return person.get(d.iqaId)?.iqaStatus === 'working-towards' ? `${base} (awaiting countersignature)` : base;
  };
  const latest = new Map<string, IvSamplingInput['iqaDecisions'][number]>();
  const consider = (evidenceId: string, d: IvSamplingInput['iqaDecisions'][number]) => {
    const prev = latest.get(evidenceId);
    if (!prev || d.date > prev.date || (d.date === prev.date && d.updatedAt > prev.updatedAt))
      latest.set(evidenceId, d);
  };
  const live = input.evidence.filter((e) => !e.deleted);
  for (const d of input.iqaDecisions) {
    if (d.deleted) continue;
    if (d.evidenceId) consider(d.evidenceId, d);
    else
      for (const e of live)
        if (e.date <= d.date && e.criteria.some((c) => c.unitCode === d.unitCode)) consider(e.id, d);
  }
  return new Map([...latest].map(([id, d]) => [id, text(d)]));
}
