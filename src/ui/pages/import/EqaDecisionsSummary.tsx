// An EQA's decisions on several portfolios of a visit pack, verified: who sent them, each candidate's decisions and
// what they would change here (admitted per portfolio under the ordinary trust rules), merged together or not at all.
import { formatDateTime, formatFingerprint, type Person } from '../../../domain';
import type { VerifiedEqaDecisions } from '../../../bundle';
import type { Admission } from '../../../storage';
import { formatBytes } from '../../components/StorageMeter';
import { AcceptSignerForm } from './AcceptSignerForm';
import { AdmissionPreview } from './AdmissionPreview';
import type { ReceivedDecisions } from './useBundleImport';

interface EqaDecisionsSummaryProps {
  decisions: ReceivedDecisions;
  /** The portfolios this device holds: the EQA's decisions merge only into those. */
  portfolioIdsHere: Set<string>;
  peopleHere: Person[];
  writing: boolean;
  onAcceptSigner: (personIds: string[]) => void;
  onMerge: () => void;
}

export function EqaDecisionsSummary(props: EqaDecisionsSummaryProps) {
  const { verified, admissions } = props.decisions;
  // The EQA (in every part) once, then this device's people: the candidates are here, not in the bundle.
  const byId = new Map<string, Person>();
  for (const p of [...verified.portfolios.flatMap((b) => b.records.people), ...props.peopleHere]) {
    if (!byId.has(p.id)) byId.set(p.id, p);
  }
  const people = [...byId.values()];
  const name = (id: string | undefined) => people.find((p) => p.id === id)?.name;
  const refused = admissions.some((a) => a.refusals.length > 0);
  const missing = verified.portfolios.filter((p) => !props.portfolioIdsHere.has(p.portfolioId));
  const unknownSigner = admissions[0]?.signer.standing.kind === 'unknown';
  return (
    <div className="panel" data-testid="eqa-decisions-summary">
      <p>
        ✓ Verified: an EQA’s decisions on {verified.portfolios.length} portfolio
        {verified.portfolios.length === 1 ? '' : 's'} ({formatBytes(verified.payloadBytes)}); every hash and the
        signature check out.
      </p>
      <dl className="facts">
        <div>
          <dt>Sent by</dt>
          <dd>{verified.sender ? `${verified.sender.name} (as the sending device says)` : '—'}</dd>
        </div>
        <div>
          <dt>Exported</dt>
          <dd>{formatDateTime(verified.exportedAt)}</dd>
        </div>
        <div>
          <dt>Signed by key</dt>
          <dd>
            <code className="fingerprint">{formatFingerprint(verified.signer.deviceKey)}</code>
          </dd>
        </div>
      </dl>
      {unknownSigner && !refused && (
        <AcceptSignerForm
          deviceKey={verified.signer.deviceKey}
          people={people}
          suggested={verified.sender?.personId ?? null}
          onAccept={props.onAcceptSigner}
        />
      )}
      <ul className="card-list" aria-label="Portfolios the EQA sampled">
        {verified.portfolios.map((part, i) => (
          <PartCard
            key={part.portfolioId}
            part={part}
            admission={admissions[i]!}
            here={props.portfolioIdsHere.has(part.portfolioId)}
            name={name}
          />
        ))}
      </ul>
      {!refused && (
        <button
          type="button"
          disabled={props.writing || missing.length > 0}
          onClick={props.onMerge}
          aria-describedby={missing.length > 0 ? 'eqa-missing' : undefined}
        >
          Merge the EQA’s decisions into {verified.portfolios.length === 1 ? 'the portfolio' : 'these portfolios'}
        </button>
      )}
      {missing.length > 0 && (
        <p id="eqa-missing" className="alert">
          {missing.length} of these portfolios {missing.length === 1 ? 'is' : 'are'} not on this device: open the
          decisions on the device that made the pack. Nothing has been merged.
        </p>
      )}
    </div>
  );
}

interface PartCardProps {
  part: VerifiedEqaDecisions['portfolios'][number];
  admission: Admission;
  /** Whether this device holds the portfolio. */
  here: boolean;
  name: (id: string | undefined) => string | undefined;
}

/** One candidate's portfolio: the EQA's decisions on it and what they would change here. */
function PartCard({ part, admission, here, name }: PartCardProps) {
  const enrolment = part.records.enrolments[0]!;
  return (
    <li className="card" data-testid="eqa-decisions-portfolio">
      <h3>
        {name(enrolment.candidateId) ?? 'A candidate not on this device'}{' '}
        <span className="meta">
          {enrolment.specId} {enrolment.specVersion}
        </span>
      </h3>
      <ul>
        {part.records.decisions.map((d) => (
          <li key={d.id}>
            Unit {d.unitCode}: {d.outcome === 'met' ? 'agreed' : 'referred back'} by {name(d.assessorId) ?? 'the EQA'}
            {d.comments && ` — ${d.comments}`}
          </li>
        ))}
      </ul>
      {!here && <p className="alert">This portfolio is not on this device: its decisions cannot be merged here.</p>}
      <AdmissionPreview admission={admission} />
    </li>
  );
}
