// A verified bundle: what it holds, what it would change here, and what can be done with it.
import { countOf, formatFingerprint, type Person, formatDateTime } from '../../../domain';
import type { VerifiedBundle } from '../../../bundle';
import type { Admission } from '../../../storage';
import { Facts, type Fact } from '../../components/Facts';
import { formatBytes } from '../../components/StorageMeter';
import { AcceptSignerForm } from './AcceptSignerForm';
import { AdmissionPreview } from './AdmissionPreview';
import { ReportCheck } from './ReportCheck';

interface BundleSummaryProps {
  bundle: VerifiedBundle;
  admission: Admission;
  /** Whether this device holds the bundle's portfolio already (then it can only be merged). */
  onDevice: boolean;
  writing: boolean;
  peopleHere: Person[];
  onApply: (mode: 'restore' | 'merge') => void;
  onOpenReadOnly: () => void;
  onAcceptSigner: (personIds: string[]) => void;
}

export function BundleSummary(props: BundleSummaryProps) {
  const { bundle, admission, onDevice, writing, onApply, onOpenReadOnly } = props;
  const refused = admission.refusals.length > 0;
  const unknownSigner = admission.signer.standing.kind === 'unknown';
  const people = [
    ...bundle.records.people,
    ...props.peopleHere.filter((p) => !bundle.records.people.some((b) => b.id === p.id)),
  ];
  return (
    <div className="panel" data-testid="bundle-summary">
      <p>
        ✓ Verified: {countOf(bundle.payloadFiles, 'file')}, {formatBytes(bundle.payloadBytes)}; every hash and the
        signature check out.
      </p>
      <BundleFacts bundle={bundle} people={people} />
      <ReportCheck bundle={bundle} />
      <AdmissionPreview admission={admission} />
      {unknownSigner && !refused && (
        <AcceptSignerForm
          deviceKey={bundle.signer.deviceKey}
          people={people}
          suggested={bundle.sender?.personId ?? null}
          onAccept={props.onAcceptSigner}
        />
      )}
      {refused ? null : onDevice ? (
        <button type="button" disabled={writing} onClick={() => onApply('merge')}>
          Merge into my copy
        </button>
      ) : bundle.scope === 'changes' ? (
        <p className="alert" data-testid="partial-bundle">
          This bundle holds only changes
          {bundle.changesSince ? ` since ${formatDateTime(bundle.changesSince)}` : ''}, not the whole portfolio, and
          this device does not have the portfolio to merge them into. Ask the sender for a full bundle
          (&ldquo;Everything&rdquo;).
        </p>
      ) : (
        <button type="button" disabled={writing} onClick={() => onApply('restore')}>
          Add to this device
        </button>
      )}{' '}
      <button type="button" className="secondary" onClick={onOpenReadOnly}>
        Open read-only (verifier)
      </button>
    </div>
  );
}

/**
 * Whose portfolio the bundle holds, when and by which device it was signed, and how much it carries. `people`: the
 * bundle's and this device's, so a verifier's decisions bundle (which carries no candidate) still names them.
 */
export function BundleFacts({ bundle, people }: { bundle: VerifiedBundle; people: Person[] }) {
  const enrolment = bundle.records.enrolments[0];
  const name = (id: string | undefined) => people.find((p) => p.id === id)?.name;
  const samples = bundle.records.decisions.filter((d) => d.kind === 'sample' && !d.deleted);
  const sampledBy = [...new Set(samples.map((d) => name(d.assessorId) ?? 'a verifier'))];
  const facts: Fact[] = [
    ['Candidate', name(enrolment?.candidateId) ?? '—'],
    ...(samples.length > 0
      ? [
          [
            'Sampling decisions',
            `${sampledBy.join(', ')} on ${samples.length === 1 ? 'unit' : 'units'} ${samples.map((d) => d.unitCode).join(', ')}`,
          ] as [string, string],
        ]
      : []),
    ['Qualification', `${enrolment?.specId ?? ''} ${enrolment?.specVersion ?? ''}`],
    ['Exported', formatDateTime(bundle.exportedAt)],
    ['Sent by', bundle.sender ? `${bundle.sender.name} (as the sending device says)` : '—'],
    [
      'Signed by key',
      <>
        <code className="fingerprint">{formatFingerprint(bundle.signer.deviceKey)}</code> (short form{' '}
        <code>{bundle.signer.fingerprint}</code>, as scripts/verify-signature.sh prints it) —{' '}
        {bundle.signer.known ? `device known (${bundle.signer.label})` : 'device not seen on this device before'}
      </>,
    ],
    [
      'Contents',
      `${bundle.records.evidence.length} evidence, ${bundle.media.size} media, ${countOf(bundle.records.decisions.length, 'decision')}`,
    ],
  ];
  return <Facts facts={facts} />;
}
