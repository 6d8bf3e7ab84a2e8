// /sync/log: what sync did and what it refused, newest first (the last 500 entries are kept).
import { Link } from 'react-router';
import { useLiveQuery } from 'dexie-react-hooks';
import { formatDateTime } from '../../../domain';
import { syncLog } from '../../../storage';
import { ScrollTable } from '../../components/ScrollTable';
import { routes } from '../../routes';
import { syncLayout } from '../../../sync';
import { useDeviceNames } from '../../syncing/deviceLabel';

const LEVEL_WORDS = { info: 'Done', warning: 'Note', error: 'Problem' } as const;

/** The device whose object an entry is about (its key names it), or a dash for the run's own entries. */
function deviceNameOf(key: string | null, deviceName: (id: string) => string): string {
  const id = key ? syncLayout.deviceOfKey(key) : null;
  return id ? deviceName(id) : '—';
}

export function SyncLogPage() {
  const entries = useLiveQuery(() => syncLog(200), []);
  const deviceName = useDeviceNames();
  return (
    <section>
      <h1>Sync log</h1>
      <p>
        <Link to={routes.sync()}>Back to Sync</Link>
      </p>
      {entries && entries.length === 0 && <p>Nothing logged yet.</p>}
      {entries && entries.length > 0 && (
        <ScrollTable label="Sync log, newest first" columns={['When', 'What', 'Device', 'Message']}>
          {entries.map((entry) => (
            <tr key={entry.id} data-testid="sync-log-row" data-level={entry.level}>
              <td>{formatDateTime(entry.at)}</td>
              <td>{LEVEL_WORDS[entry.level]}</td>
              <td data-testid="sync-log-device">{deviceNameOf(entry.key, deviceName)}</td>
              <td>{entry.message}</td>
            </tr>
          ))}
        </ScrollTable>
      )}
    </section>
  );
}
