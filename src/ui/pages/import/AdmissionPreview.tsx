// What a bundle will change on this device before the person says yes (docs/trust.md, "What the person sees"):
// refusals, the signing key's standing, added/changed/removed/held per record type, and every decision.
import { formatFingerprint, type KeyStanding } from '../../../domain';
import type { Admission } from '../../../storage';
import { ScrollTable } from '../../components/ScrollTable';

const TABLE_NAMES: Record<string, string> = {
  enrolments: 'portfolio',
  people: 'people',
  evidence: 'evidence',
  media: 'media files',
  decisions: 'decisions',
  signatures: 'signatures',
  forms: 'recording forms',
};

export function standingText(standing: KeyStanding, personName: string | null): string {
  switch (standing.kind) {
    case 'self':
      return 'this device’s own key';
    case 'certified':
      return `certified by your centre for ${personName ?? 'its holder'}`;
    case 'accepted':
      return `accepted on this device for ${personName ?? 'its holder'}`;
    case 'revoked':
      return `revoked by your centre${standing.revocation.reason ? `: ${standing.revocation.reason}` : ''}`;
    case 'unknown':
      return `not accepted on this device: ${standing.reason}`;
  }
}

export function AdmissionPreview({ admission }: { admission: Admission }) {
  if (admission.refusals.length > 0) {
    return (
      <div className="alert" role="alert" data-testid="bundle-refused">
        <p>This bundle is refused: it tries to change what it has no right to. Nothing will be written.</p>
        <ul>
          {admission.refusals.map((r) => (
            <li key={r}>{r}</li>
          ))}
        </ul>
      </div>
    );
  }
  const rows = Object.entries(admission.summary.byTable);
  return (
    <div data-testid="bundle-preview">
      <p>
        Signed by key <code className="fingerprint">{formatFingerprint(admission.signer.entry.deviceKey)}</code>:{' '}
        {standingText(admission.signer.standing, admission.signer.personName)}.
      </p>
      {rows.length === 0 ? (
        <p>Nothing in this bundle is new to this device.</p>
      ) : (
        <ScrollTable
          label="What will change on this device"
          className="preview"
          columns={['Records', 'Added', 'Changed', 'Removed', 'Held']}
        >
          {rows.map(([table, c]) => (
            <tr key={table}>
              <th scope="row">{TABLE_NAMES[table] ?? table}</th>
              <td>{c.added}</td>
              <td>{c.changed}</td>
              <td>{c.removed}</td>
              <td>{c.held}</td>
            </tr>
          ))}
        </ScrollTable>
      )}
      {admission.summary.decisions.length > 0 && (
        <>
          <h3>Decisions and sign-offs</h3>
          <ul>
            {admission.summary.decisions.map((d, i) => (
              <li key={i}>{d}</li>
            ))}
          </ul>
        </>
      )}
      <HeldReasons admission={admission} />
    </div>
  );
}

function HeldReasons({ admission }: { admission: Admission }) {
  const reasons = [...new Set(admission.held.map((h) => h.reason))];
  if (reasons.length === 0) return null;
  return (
    <div className="notice" data-testid="held-preview">
      <p>
        {admission.held.length} change{admission.held.length === 1 ? '' : 's'} will be kept aside, not applied, until
        someone allowed to make them vouches for them:
      </p>
      <ul>
        {reasons.map((r) => (
          <li key={r}>{r}</li>
        ))}
      </ul>
    </div>
  );
}
