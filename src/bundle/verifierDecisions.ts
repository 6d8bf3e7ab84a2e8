// A verifier's sampling decisions leave their device as a small signed, partial bundle: the assessor opens it
// and merges the decisions into the portfolio they hold.
import { emptyRecordSet, newDecision, type Decision, type Enrolment, type Person } from '../domain';
import { deviceId, newId, nowIso } from '../storage';
import { writeBundle, type ExportedBundle } from './export';

/** One unit sampled by an internal quality assurer or external verifier. */
export interface VerifierSample {
  unitCode: string;
  outcome: 'met' | 'not-yet';
  comments: string;
}

export interface VerifierDecisionsInput {
  enrolment: Enrolment;
  verifier: Person;
  samples: VerifierSample[];
  /** ISO date-time of the decisions; defaults to the clock's now. */
  now?: string;
}

/** The `sample` Decision records for a verifier's samples, made on this device at `at`. */
export function sampleDecisions(
  { enrolment, verifier, samples }: VerifierDecisionsInput,
  device: string,
  at: string,
): Decision[] {
  return samples.map((s) =>
    newDecision(
      { id: newId(), now: at, device },
      {
        portfolioId: enrolment.id,
        kind: 'sample',
        unitCode: s.unitCode,
        outcome: s.outcome,
        assessorId: verifier.id,
        date: at.slice(0, 10),
        comments: s.comments,
      },
    ),
  );
}

/** Writes the verifier's decisions as a partial bundle carrying only the enrolment, the verifier and the decisions. */
export async function exportVerifierDecisions(input: VerifierDecisionsInput): Promise<ExportedBundle> {
  const at = input.now ?? nowIso();
  const records = { ...emptyRecordSet(), enrolments: [input.enrolment], people: [input.verifier] };
  records.decisions = sampleDecisions(input, await deviceId(), at);
  return writeBundle({ records, mediaBlobs: new Map(), audit: [] }, { partial: true });
}
