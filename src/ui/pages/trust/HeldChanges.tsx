import { formatDateTime } from '../../../domain';
import { useLiveQuery } from 'dexie-react-hooks';
import { discardHeld, listHeld, type HeldRow } from '../../../storage';
import { ScrollTable } from '../../components/ScrollTable';
import { useKeyAcceptance } from './AcceptKeyForm';
import { shortFingerprint, useAction } from './common';

/** What a held change is, in a few words: its record type and what names it. */
function describe(row: HeldRow): string {
  const r = row.record;
  const detail = [r.kind, r.unitCode, r.title, r.name, r.purpose].filter((v) => typeof v === 'string').join(' ');
  return detail ? `${row.table}: ${detail}` : row.table;
}

/** Changes from other devices kept aside, on every portfolio: discard one, or accept the key that made it. */
export function HeldChanges() {
  const held = useLiveQuery(() => listHeld(), []);
  const { accept, form, said } = useKeyAcceptance();
  const { run, outcome } = useAction();
  return (
    <section aria-labelledby="held-heading">
      <h2 id="held-heading">Held changes</h2>
      <p className="meta">
        Changes from other devices whose keys may not make them here. They are never applied silently: accept the key
        that made them (after comparing its fingerprint), add its certificate, or discard them.
      </p>
      {said}
      {outcome}
      {form}
      {held && held.length > 0 ? (
        <ScrollTable
          label="Table of held changes"
          columns={[
            'Record',
            'Why it is held',
            'Made by key',
            'Received',
            <span className="visually-hidden">Actions</span>,
          ]}
        >
          {held.map((row) => (
            <tr key={row.id} data-testid="held-row">
              <td>{describe(row)}</td>
              <td>{row.reason}</td>
              <td>
                <code>{shortFingerprint(row.deviceKey)}</code>
              </td>
              <td>{formatDateTime(row.receivedAt)}</td>
              <td>
                <div className="actions">
                  <button
                    type="button"
                    className="secondary small"
                    onClick={() => accept({ deviceId: row.deviceId, deviceKey: row.deviceKey })}
                  >
                    Accept this key…
                  </button>
                  <button
                    type="button"
                    className="secondary small"
                    onClick={() =>
                      void run(async () => {
                        await discardHeld(row.id);
                        return 'Held change discarded.';
                      })
                    }
                  >
                    Discard
                  </button>
                </div>
              </td>
            </tr>
          ))}
        </ScrollTable>
      ) : (
        held && <p>No changes are held.</p>
      )}
    </section>
  );
}
