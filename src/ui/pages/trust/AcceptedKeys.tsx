import { formatDateTime } from '../../../domain';
import { useLiveQuery } from 'dexie-react-hooks';
import { knownDevices, loadTrustState, withdrawAcceptance } from '../../../storage';
import { usePeople } from '../../data/hooks';
import { ScrollTable } from '../../components/ScrollTable';
import { FullFingerprint, shortFingerprint, useAction } from './common';

/** Keys people on this device accepted by hand (withdrawable), and the key each known device id signs with. */
export function AcceptedKeys() {
  const trust = useLiveQuery(loadTrustState, []);
  const devices = useLiveQuery(knownDevices, []);
  const people = usePeople() ?? [];
  const { run, outcome } = useAction();
  const name = (id: string) => people.find((p) => p.id === id)?.name ?? id;
  const acceptances = trust?.acceptances ?? [];
  return (
    <section aria-labelledby="accepted-heading">
      <h2 id="accepted-heading">Keys accepted by hand</h2>
      {acceptances.length === 0 ? (
        <p>None.</p>
      ) : (
        <ScrollTable
          label="Table of keys accepted by hand"
          columns={['Fingerprint', 'Device', 'Speaks for', <span className="visually-hidden">Withdraw</span>]}
        >
          {acceptances.map((a) => (
            <tr key={a.deviceKey}>
              <td>
                <FullFingerprint fingerprint={a.deviceKey} />
              </td>
              <td>
                <code>{a.deviceId}</code>
              </td>
              <td>{a.personIds.map(name).join(', ')}</td>
              <td>
                <button
                  type="button"
                  className="secondary small"
                  aria-label={`Withdraw key ${shortFingerprint(a.deviceKey)}`}
                  onClick={() =>
                    void run(async () => {
                      await withdrawAcceptance(a.deviceKey);
                      return 'Acceptance withdrawn: changes signed by that key will be held.';
                    })
                  }
                >
                  Withdraw
                </button>
              </td>
            </tr>
          ))}
        </ScrollTable>
      )}
      {outcome}
      <h2 id="devices-heading">Known devices</h2>
      <p className="meta">
        Each device id is bound to the key it was first seen with; another key under it is refused.
      </p>
      {devices && devices.length > 0 ? (
        <ScrollTable label="Table of known devices" columns={['Device', 'Key fingerprint', 'First seen']}>
          {devices.map((d) => (
            <tr key={d.deviceId}>
              <td>
                <code>{d.deviceId}</code>
              </td>
              <td>
                <FullFingerprint fingerprint={d.deviceKey} />
              </td>
              <td>{formatDateTime(d.firstSeen)}</td>
            </tr>
          ))}
        </ScrollTable>
      ) : (
        <p>No other device yet.</p>
      )}
    </section>
  );
}
