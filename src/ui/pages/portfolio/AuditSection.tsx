import { formatDateTime } from '../../../domain';
import { useLiveQuery } from 'dexie-react-hooks';
import type { Person } from '../../../domain';
import { auditLog } from '../../../storage';
import { ShowMore, useShownList } from '../../components/ShowMore';

/** The append-only record of who did what, when. */
export function AuditSection({ portfolioId, people }: { portfolioId: string; people: Person[] }) {
  const entries = useLiveQuery(() => auditLog(portfolioId), [portfolioId]);
  const list = useShownList(entries ?? []);
  const name = (id: string | null) => (id ? (people.find((p) => p.id === id)?.name ?? 'someone') : 'no one chosen');
  return (
    <details className="notes">
      <summary>Audit log ({entries?.length ?? 0} most recent entries)</summary>
      <ol className="audit">
        {list.visible.map((a) => (
          <li key={a.id}>
            <time dateTime={a.at}>{formatDateTime(a.at)}</time> — {name(a.actorId)}: {a.action} {a.recordType}
            {a.summary && ` (${a.summary})`} <span className="meta">device {a.deviceId.slice(0, 8)}</span>
          </li>
        ))}
      </ol>
      <ShowMore list={list} />
    </details>
  );
}
