import { formatDateTime } from '../../../domain';
import { useState } from 'react';
import { useLiveQuery } from 'dexie-react-hooks';
import { listConflicts, resolveConflict } from '../../../storage';
import { ShowMore, useShownList } from '../../components/ShowMore';
import { useDeviceNames } from '../../syncing/deviceLabel';

/** Concurrent edits kept when bundles were merged: both versions, for the person to compare. */
export function ConflictsSection({ portfolioId }: { portfolioId: string }) {
  const conflicts = useLiveQuery(() => listConflicts(portfolioId), [portfolioId]);
  const [error, setError] = useState<string | null>(null);
  const list = useShownList(conflicts ?? []);
  const deviceName = useDeviceNames();
  if (!conflicts || conflicts.length === 0) return null;
  const resolve = (c: (typeof conflicts)[number], choice: 'kept' | 'other') => {
    setError(null);
    resolveConflict(c, choice).catch((e: Error) => setError(`${e.message} Both versions are still kept.`));
  };
  return (
    <section aria-labelledby="conflicts-heading" className="alert">
      <h2 id="conflicts-heading">Changes made on two devices at once ({conflicts.length})</h2>
      <p>
        Both versions were kept. Compare them and choose which one stands; the choice travels to other devices as a new
        revision.
      </p>
      {error && <p role="alert">{error}</p>}
      <ul>
        {list.visible.map((c) => (
          <li key={c.id}>
            {c.table} {c.recordId.slice(0, 8)}: in force from {deviceName(c.conflict.kept.deviceId)} (
            {formatDateTime(c.conflict.kept.updatedAt)}); other version from {deviceName(c.conflict.other.deviceId)} (
            {formatDateTime(c.conflict.other.updatedAt)}).
            <ConflictDiff kept={c.conflict.kept} other={c.conflict.other} />
            <button type="button" className="secondary small" onClick={() => resolve(c, 'kept')}>
              Keep the version in force
            </button>{' '}
            <button type="button" className="secondary small" onClick={() => resolve(c, 'other')}>
              Use the other version
            </button>
          </li>
        ))}
      </ul>
      <ShowMore list={list} />
    </section>
  );
}

/** The fields in which two versions differ, side by side. */
function ConflictDiff({ kept, other }: { kept: object; other: object }) {
  const a = kept as Record<string, unknown>;
  const b = other as Record<string, unknown>;
  const skip = new Set(['rev', 'clock', 'updatedAt', 'deviceId', 'createdAt', 'schemaVersion']);
  const keys = [...new Set([...Object.keys(a), ...Object.keys(b)])].filter(
    (k) => !skip.has(k) && JSON.stringify(a[k]) !== JSON.stringify(b[k]),
  );
  return (
    <dl className="diff">
      {keys.map((k) => (
        <div key={k}>
          <dt>{k}</dt>
          <dd>
            in force: <q>{JSON.stringify(a[k])}</q> · other: <q>{JSON.stringify(b[k])}</q>
          </dd>
        </div>
      ))}
    </dl>
  );
}
