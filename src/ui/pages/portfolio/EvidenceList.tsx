import { useMemo, useState } from 'react';
import { Link } from 'react-router';
import { EVIDENCE_TYPE_LABELS, EVIDENCE_TYPES, formatDate, countOf } from '../../../domain';
import type { usePortfolio } from '../../data/hooks';
import { routes } from '../../routes';
import { LIST_PAGE, ShowMore, useShownList } from '../../components/ShowMore';

type PortfolioData = NonNullable<ReturnType<typeof usePortfolio>>;

/** The portfolio's evidence, newest first, findable by title, type, date or place. */
export function EvidenceList({ data }: { data: PortfolioData }) {
  const [query, setQuery] = useState('');
  const byEvidence = useMemo(() => {
    const counts = new Map<string, number>();
    for (const m of data.mappings) counts.set(m.evidenceId, (counts.get(m.evidenceId) ?? 0) + 1);
    return counts;
  }, [data.mappings]);
  const matching = useMemo(() => {
    const q = query.trim().toLowerCase();
    // data.evidence comes newest first: what an assessor just recorded is what they look for.
    return q
      ? data.evidence.filter((e) =>
          `${e.title} ${e.type} ${e.date} ${formatDate(e.date)} ${e.location}`.toLowerCase().includes(q),
        )
      : data.evidence;
  }, [data.evidence, query]);
  const list = useShownList(matching);
  return (
    <section aria-labelledby="evidence-heading">
      <h2 id="evidence-heading">Evidence ({data.evidence.length})</h2>
      <p className="meta">Types: {EVIDENCE_TYPES.map((t) => `${t} ${EVIDENCE_TYPE_LABELS[t]}`).join(' · ')}</p>
      {data.evidence.length === 0 ? (
        <p>No evidence yet.</p>
      ) : (
        <>
          {data.evidence.length > LIST_PAGE && (
            <label className="field">
              <span>Find evidence (title, type, date, place)</span>
              <input type="search" value={query} onChange={(e) => setQuery(e.target.value)} />
            </label>
          )}
          <ul className="evidence-list" aria-label="Evidence">
            {list.visible.map((e) => (
              <li key={e.id}>
                <Link to={routes.evidence(data.enrolment.id, e.id)}>
                  <strong>{e.title}</strong>
                </Link>{' '}
                <span className="tag">{e.type}</span>
                {e.simulation && <span className="tag">simulation</span>}
                <div className="meta">
                  {formatDate(e.date)}
                  {e.location && ` · ${e.location}`} · {countOf(byEvidence.get(e.id) ?? 0, 'criterion', 'criteria')} ·{' '}
                  {e.mediaIds.length} media
                </div>
              </li>
            ))}
          </ul>
          <ShowMore list={list} always>
            {query ? ` matching “${query}”` : ''}, newest first
          </ShowMore>
        </>
      )}
    </section>
  );
}
