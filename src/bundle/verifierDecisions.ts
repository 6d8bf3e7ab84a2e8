// A verifier's sampling decisions leave their device as a small signed, partial bundle: the assessor opens it
// and merges the decisions into the portfolio they hold.
import { freshMeta, type Decision, type Enrolment, type Person } from '../domain';
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
function sampleDecisions(
  { enrolment, verifier, samples }: VerifierDecisionsInput,
  device: string,
  at: string,
): Decision[] {
  return samples.map((s) => ({
    ...freshMeta(newId(), device, at),
    portfolioId: enrolment.id,
    kind: 'sample',
    unitCode: s.unitCode,
    criterionKey: null,
    outcome: s.outcome,
    assessorId: verifier.id,
    date: at.slice(0, 10),
    comments: s.comments,
    signatureId: null,
    countersignedBy: null,
    countersignatureId: null,
    candidateSignatureId: null,
  }));
}

/** Writes the verifier's decisions as a partial bundle carrying only the enrolment, the verifier and the decisions. */
export async function exportVerifierDecisions(input: VerifierDecisionsInput): Promise<ExportedBundle> {
  const at = input.now ?? nowIso();
  const decisions = sampleDecisions(input, await deviceId(), at);
  return writeBundle(
    {
      records: {
        enrolments: [input.enrolment],
        people: [input.verifier],
        evidence: [],
        media: [],
        decisions,
        signatures: [],
        forms: [],
      },
      mediaBlobs: new Map(),
      audit: [],
    },
    { partial: true },
  );
}
