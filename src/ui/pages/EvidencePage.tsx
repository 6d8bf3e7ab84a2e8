import { useState } from 'react';
import { Link, useParams } from 'react-router';
import { EVIDENCE_TYPE_LABELS, formatDate } from '../../domain';
import { useActingPersonId, usePortfolio } from '../data/hooks';
import { EvidenceEditor } from '../components/EvidenceEditor';
import { usePortfolioRoutes, useReadOnly } from '../data/openedPortfolio';
import {
  CriteriaSection,
  DeleteEvidence,
  EvidenceMedia,
  EvidenceSignatures,
  IqaSample,
} from './evidence/EvidenceSections';

export function EvidencePage() {
  const { portfolioId, evidenceId } = useParams();
  const data = usePortfolio(portfolioId);
  const acting = useActingPersonId();
  const links = usePortfolioRoutes();
  const readOnly = useReadOnly();
  const [error, setError] = useState<string | null>(null);
  if (data === undefined) return <p role="status">Loading…</p>;
  const evidence = data?.evidence.find((e) => e.id === evidenceId);
  if (!data || !evidence) return <p className="alert">This evidence is not on this device (or was deleted).</p>;
  const { spec, enrolment, people } = data;
  const mappings = data.mappings.filter((m) => m.evidenceId === evidence.id);
  const media = data.media.filter((m) => m.evidenceId === evidence.id);
  const signatures = data.signatures.filter((s) => s.subjectId === evidence.id);
  const recorder = people.find((p) => p.id === evidence.recordedBy);
  const actingPerson = readOnly ? undefined : people.find((p) => p.id === acting);
  const linkedForm = evidence.formId ? data.forms.find((f) => f.id === evidence.formId && !f.deleted) : undefined;

  return (
    <article>
      <p className="breadcrumb">
        <Link to={links.portfolio(enrolment.id)}>Portfolio</Link> ›
      </p>
      <h1>{evidence.title}</h1>
      <p className="meta">
        <span className="tag">{evidence.type}</span> {EVIDENCE_TYPE_LABELS[evidence.type]} · {formatDate(evidence.date)}
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
          Recorded on the form <Link to={links.form(enrolment.id, linkedForm.id)}>{linkedForm.title}</Link>: its fields,
          signatures and print layout are there.
        </p>
      )}
      {evidence.description && <p className="pre-line">{evidence.description}</p>}
      {!readOnly && <EvidenceEditor key={evidence.id} evidence={evidence} spec={spec} signed={signatures.length > 0} />}
      <EvidenceMedia media={media} />
      <CriteriaSection
        portfolioId={enrolment.id}
        route={enrolment.route}
        evidenceId={evidence.id}
        spec={spec}
        mappings={mappings}
        onError={setError}
      />
      <EvidenceSignatures signatures={signatures} />
      {actingPerson?.roles.includes('iqa') && (
        <IqaSample portfolioId={enrolment.id} evidenceId={evidence.id} iqa={actingPerson} />
      )}
      {!readOnly && <DeleteEvidence portfolioId={enrolment.id} evidenceId={evidence.id} onError={setError} />}
    </article>
  );
}
