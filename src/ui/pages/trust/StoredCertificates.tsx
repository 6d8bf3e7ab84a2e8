import { countOf, formatDate } from '../../../domain';
import { useLiveQuery } from 'dexie-react-hooks';
import { loadTrustState } from '../../../storage';
import { ScrollTable } from '../../components/ScrollTable';
import { FullFingerprint } from './common';

const day = (iso: string) => formatDate(iso);

/**
 * The certificates and revocations this device holds (each kept only after its signature checked out). Only those
 * of a centre this device trusts count; the others are listed as not counting.
 */
export function StoredCertificates() {
  const trust = useLiveQuery(loadTrustState, []);
  if (!trust) return null;
  const counts = (centreKey: string) => (trust.centres.includes(centreKey) ? 'yes' : 'no: centre not trusted here');
  return (
    <section aria-labelledby="certificates-heading">
      <h2 id="certificates-heading">Certificates and revocations held</h2>
      {trust.certificates.length === 0 ? (
        <p>No certificates.</p>
      ) : (
        <ScrollTable label="Table of certificates held" columns={['Person', 'Roles', 'Device key', 'Valid', 'Counts']}>
          {trust.certificates.map((c) => (
            <tr key={c.id}>
              <td>{c.personName}</td>
              <td>
                {c.grants
                  .map(
                    (g) =>
                      `${g.role} (${g.status}, ${g.portfolios === 'all' ? 'all portfolios' : countOf(g.portfolios.length, 'portfolio')})`,
                  )
                  .join('; ')}
              </td>
              <td>
                <FullFingerprint fingerprint={c.deviceKey} />
              </td>
              <td>
                {day(c.validFrom)} to {day(c.validUntil)}
              </td>
              <td>{counts(c.centreKey)}</td>
            </tr>
          ))}
        </ScrollTable>
      )}
      {trust.revocations.length > 0 && (
        <ScrollTable label="Table of revocations held" columns={['Device key', 'Revoked', 'Reason', 'Counts']}>
          {trust.revocations.map((r) => (
            <tr key={r.id}>
              <td>
                <FullFingerprint fingerprint={r.deviceKey} />
              </td>
              <td>{day(r.revokedAt)}</td>
              <td>{r.reason || '—'}</td>
              <td>{counts(r.centreKey)}</td>
            </tr>
          ))}
        </ScrollTable>
      )}
    </section>
  );
}
