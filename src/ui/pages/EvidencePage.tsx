import { useState } from 'react';
import { Link, useNavigate, useParams } from 'react-router';
import { EVIDENCE_TYPE_LABELS, unitCriteria } from '../../domain';
import { deleteEvidence, setEvidenceMappings, signEvidenceSample } from '../../storage';
import { SignatureField, type SignatureValue } from '../capture/SignatureField';
import type { Person } from '../../domain';
import { useActingPersonId, usePortfolio } from '../data/hooks';
import { CriteriaPicker, type PickedCriterion } from '../components/CriteriaPicker';
import { MediaView } from '../components/MediaView';
import { EvidenceEditor } from '../components/EvidenceEditor';
import { routes } from '../routes';

export function EvidencePage() {
  const { portfolioId, evidenceId } = useParams();
  const data = usePortfolio(portfolioId);
  const acting = useActingPersonId();
  const navigate = useNavigate();
  const [editing, setEditing] = useState<PickedCriterion[] | null>(null);
  const [error, setError] = useState<string | null>(null);
  if (data === undefined) return <p role="status">Loading…</p>;
  const evidence = data?.evidence.find((e) => e.id === evidenceId);
  if (!data || !evidence) return <p className="alert">This evidence is not on this device (or was deleted).</p>;
  const { spec, enrolment, people } = data;
  const mappings = data.mappings.filter((m) => m.evidenceId === evidence.id);
  const media = data.media.filter((m) => m.evidenceId === evidence.id);
  const signatures = data.signatures.filter((s) => s.subjectId === evidence.id);
  const refs = new Map(spec ? spec.units.flatMap((u) => unitCriteria(u)).map((r) => [r.key, r]) : []);
  const recorder = people.find((p) => p.id === evidence.recordedBy);
  const actingPerson = people.find((p) => p.id === acting);
  const linkedForm = evidence.formId ? data.forms.find((f) => f.id === evidence.formId && !f.deleted) : undefined;

  return (
    <article>
      <p className="breadcrumb">
        <Link to={routes.portfolio(enrolment.id)}>Portfolio</Link> ›
      </p>
      <h1>{evidence.title}</h1>
      <p className="meta">
        <span className="tag">{evidence.type}</span> {EVIDENCE_TYPE_LABELS[evidence.type]} · {evidence.date}
        {evidence.location && ` · ${evidence.location}`}
        {recorder && ` · recorded by ${recorder.name}`}
        {evidence.simulation && ' · simulation'}
      </p>
      {error && (
        <p className="alert" role="alert">
          {error}
        </p>
      )}
      {linkedForm && (
        <p data-testid="evidence-form-link">
          Recorded on the form <Link to={routes.form(enrolment.id, linkedForm.id)}>{linkedForm.title}</Link>: its fields, signatures and print layout are there.
        </p>
      )}
      {evidence.description && <p className="pre-line">{evidence.description}</p>}
      <EvidenceEditor key={evidence.id} evidence={evidence} spec={spec} signed={signatures.length > 0} />
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
      <section aria-labelledby="mapped-heading">
        <h2 id="mapped-heading">Criteria covered ({mappings.length})</h2>
        {editing && spec ? (
          <>
            <CriteriaPicker spec={spec} route={enrolment.route} value={editing} onChange={setEditing} />
            <button
              type="button"
              onClick={() =>
                void setEvidenceMappings(enrolment.id, evidence.id, editing)
                  .then(() => setEditing(null))
                  .catch((e: Error) => setError(e.message))
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
                  <Link to={routes.unit(enrolment.id, m.unitCode)}>
                    <strong>
                      {m.unitCode} {refs.get(m.criterionKey)?.label ?? m.criterionKey}
                    </strong>
                  </Link>{' '}
                  {refs.get(m.criterionKey)?.text}
                </li>
              ))}
            </ul>
            <button type="button" className="secondary" onClick={() => setEditing(mappings.map((m) => ({ unitCode: m.unitCode, criterionKey: m.criterionKey })))}>
              Change criteria
            </button>
          </>
        )}
      </section>
      {signatures.length > 0 && (
        <section aria-label="Signatures">
          <h2>Signatures</h2>
          {signatures.map((s) => (
            <figure key={s.id} className="signature">
              {s.image && <img src={s.image} alt={`Signature of ${s.typedName}`} />}
              <figcaption>
                {s.typedName}, {s.role}, {s.signedAt.replace('T', ' ').slice(0, 16)}
              </figcaption>
            </figure>
          ))}
        </section>
      )}
      {actingPerson?.roles.includes('iqa') && <IqaSample portfolioId={enrolment.id} evidenceId={evidence.id} iqa={actingPerson} />}
      <p>
        <button
          type="button"
          className="secondary danger"
          onClick={() => {
            if (window.confirm('Delete this evidence? It is kept as a deletion record so other devices learn of it.')) {
              deleteEvidence(enrolment.id, evidence.id).then(
                () => navigate(routes.portfolio(enrolment.id)),
                (e: Error) => setError(`${e.message} The evidence was not deleted.`),
              );
            }
          }}
        >
          Delete evidence
        </button>
      </p>
    </article>
  );
}

/** The internal quality assurer signs the item as sampled: the index of evidence shows their signature and date. */
function IqaSample({ portfolioId, evidenceId, iqa }: { portfolioId: string; evidenceId: string; iqa: Person }) {
  const [signature, setSignature] = useState<SignatureValue | null>(null);
  const [message, setMessage] = useState<string | null>(null);
  return (
    <section aria-labelledby="iqa-sample-heading">
      <h2 id="iqa-sample-heading">Internal quality assurance</h2>
      <SignatureField label="Internal quality assurer's signature" defaultName={iqa.name} defaultRole="Internal quality assurer" value={signature} onChange={setSignature} required />
      <button
        type="button"
        disabled={!signature}
        onClick={() =>
          signature &&
          signEvidenceSample(portfolioId, evidenceId, { ...signature, personId: iqa.id }).then(
            () => {
              setSignature(null);
              setMessage('Signed as sampled.');
            },
            (e: Error) => setMessage(`${e.message}`),
          )
        }
      >
        Sign as sampled
      </button>
      {message && <p role="status">{message}</p>}
    </section>
  );
}

