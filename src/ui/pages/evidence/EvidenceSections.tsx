import { useState } from 'react';
import { Link, useNavigate } from 'react-router';
import {
  unitCriteria,
  type Mapping,
  type MediaMeta,
  type Person,
  type QualificationSpec,
  type Signature,
  formatDateTime,
  criterionWithUnit,
} from '../../../domain';
import { deleteEvidence, setEvidenceMappings, signEvidenceSample } from '../../../storage';
import { SignAndSubmit } from '../../components/SignAndSubmit';
import { CriteriaPicker, type PickedCriterion } from '../../components/CriteriaPicker';
import { MediaView } from '../../components/MediaView';
import { routes } from '../../routes';
import { usePortfolioRoutes, useReadOnly } from '../../data/openedPortfolio';

interface CriteriaSectionProps {
  portfolioId: string;
  route: string[];
  evidenceId: string;
  spec: QualificationSpec | null;
  mappings: Mapping[];
  onError: (message: string) => void;
}

/** The criteria the evidence covers, each linked to its unit; changeable with the criteria picker. */
export function CriteriaSection({ portfolioId, route, evidenceId, spec, mappings, onError }: CriteriaSectionProps) {
  const [editing, setEditing] = useState<PickedCriterion[] | null>(null);
  const links = usePortfolioRoutes();
  const readOnly = useReadOnly();
  const refs = new Map(spec ? spec.units.flatMap((u) => unitCriteria(u)).map((r) => [r.key, r]) : []);
  return (
    <section aria-labelledby="mapped-heading">
      <h2 id="mapped-heading">Criteria covered ({mappings.length})</h2>
      {editing && spec ? (
        <>
          <CriteriaPicker spec={spec} route={route} value={editing} onChange={setEditing} />
          <button
            type="button"
            onClick={() =>
              void setEvidenceMappings(portfolioId, evidenceId, editing)
                .then(() => setEditing(null))
                .catch((e: Error) => onError(e.message))
            }
          >
            Save criteria
          </button>{' '}
          <button type="button" className="secondary" onClick={() => setEditing(null)}>
            Cancel
          </button>
        </>
      ) : (
        <>
          <ul data-testid="mapped-criteria">
            {mappings.map((m) => (
              <li key={m.id}>
                <Link to={links.unit(portfolioId, m.unitCode)}>
                  <strong>{criterionWithUnit(m.unitCode, refs.get(m.criterionKey)?.label ?? m.criterionKey)}</strong>
                </Link>{' '}
                {refs.get(m.criterionKey)?.text}
              </li>
            ))}
          </ul>
          {!readOnly && (
            <button
              type="button"
              className="secondary"
              onClick={() => setEditing(mappings.map((m) => ({ unitCode: m.unitCode, criterionKey: m.criterionKey })))}
            >
              Change criteria
            </button>
          )}
        </>
      )}
    </section>
  );
}

/** The evidence's photos, recordings and files. */
export function EvidenceMedia({ media }: { media: MediaMeta[] }) {
  return (
    <>
      {media.length > 0 && (
        <section aria-label="Media">
          <h2>Media</h2>
          <div className="media-grid">
            {media.map((m) => (
              <MediaView key={m.id} media={m} />
            ))}
          </div>
        </section>
      )}
    </>
  );
}

/** Who signed the evidence, with their drawn signature. */
export function EvidenceSignatures({ signatures }: { signatures: Signature[] }) {
  return (
    <>
      {signatures.length > 0 && (
        <section aria-label="Signatures">
          <h2>Signatures</h2>
          {signatures.map((s) => (
            <figure key={s.id} className="signature">
              {s.image && <img src={s.image} alt={`Signature of ${s.typedName}`} />}
              <figcaption>
                {s.typedName}, {s.role}, {formatDateTime(s.signedAt)}
              </figcaption>
            </figure>
          ))}
        </section>
      )}
    </>
  );
}

interface DeleteEvidenceProps {
  portfolioId: string;
  evidenceId: string;
  onError: (message: string) => void;
}

/** Deletes the evidence after asking, and goes back to the portfolio. */
export function DeleteEvidence({ portfolioId, evidenceId, onError }: DeleteEvidenceProps) {
  const navigate = useNavigate();
  return (
    <p>
      <button
        type="button"
        className="secondary danger"
        onClick={() => {
          if (window.confirm('Delete this evidence? It is kept as a deletion record so other devices learn of it.')) {
            deleteEvidence(portfolioId, evidenceId).then(
              () => navigate(routes.portfolio(portfolioId)),
              (e: Error) => onError(`${e.message} The evidence was not deleted.`),
            );
          }
        }}
      >
        Delete evidence
      </button>
    </p>
  );
}

/** The internal quality assurer signs the item as sampled: the index of evidence shows their signature and date. */
export function IqaSample({ portfolioId, evidenceId, iqa }: { portfolioId: string; evidenceId: string; iqa: Person }) {
  const [message, setMessage] = useState<string | null>(null);
  return (
    <section aria-labelledby="iqa-sample-heading">
      <h2 id="iqa-sample-heading">Internal quality assurance</h2>
      <SignAndSubmit
        label="Internal quality assurer's signature"
        defaultName={iqa.name}
        role="Internal quality assurer"
        action="Sign as sampled"
        onSign={(signature) =>
          signEvidenceSample(portfolioId, evidenceId, { ...signature, personId: iqa.id }).then(() =>
            setMessage('Signed as sampled.'),
          )
        }
        onError={(e) => setMessage(`${e.message}`)}
      />
      {message && <p role="status">{message}</p>}
    </section>
  );
}
