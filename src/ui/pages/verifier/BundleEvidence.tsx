import { EVIDENCE_TYPE_LABELS, formatDate, countOf } from '../../../domain';
import { Link } from 'react-router';
import type { VerifiedBundle } from '../../../bundle';
import { MediaFile } from '../../components/MediaView';
import { ShowMore, useShownList } from '../../components/ShowMore';

/** The bundle's evidence with its media and signatures, straight from the bundle (nothing is stored). */
export function BundleEvidence({
  bundle,
  evidenceLink,
}: {
  bundle: VerifiedBundle;
  /** Where an item's own read-only page is. */
  evidenceLink: (evidenceId: string) => string;
}) {
  const evidence = bundle.records.evidence.filter((e) => !e.deleted);
  // Only the shown items look up their media and signatures.
  const list = useShownList(evidence);
  return (
    <section aria-labelledby="v-evidence">
      <h2 id="v-evidence">Evidence ({evidence.length})</h2>
      <ul className="evidence-list">
        {list.visible.map((e) => (
          <li key={e.id}>
            <Link to={evidenceLink(e.id)}>
              <strong>{e.title}</strong>
            </Link>{' '}
            <span className="tag">{e.type}</span>{' '}
            <span className="meta">
              {EVIDENCE_TYPE_LABELS[e.type]} · {formatDate(e.date)} ·{' '}
              {countOf(e.criteria.length, 'criterion', 'criteria')}
            </span>
            {bundle.records.media
              .filter((m) => m.evidenceId === e.id && !m.deleted)
              .map((m) => (
                <MediaFile key={m.id} media={m} blob={bundle.media.get(m.id)} />
              ))}
            {bundle.records.signatures
              .filter((s) => s.subjectId === e.id && !s.deleted)
              .map((s) => (
                <p key={s.id} className="meta">
                  Signed by {s.typedName} ({s.role}) {formatDate(s.signedAt)}
                </p>
              ))}
          </li>
        ))}
      </ul>
      <ShowMore list={list} />
    </section>
  );
}
