import { useState, type FormEvent } from 'react';
import { Link, useNavigate, useParams, useSearchParams } from 'react-router';
import { EVIDENCE_TYPES, type EvidenceTypeCode } from '../../domain';
import { saveEvidence } from '../../storage';
import { useActingPersonId, usePortfolio } from '../data/hooks';
import { CriteriaPicker } from '../components/CriteriaPicker';
import { EvidenceFields } from '../components/EvidenceFields';
import { MediaCapture } from '../capture/MediaCapture';
import { routes } from '../routes';
import { evidenceInput, useEvidenceDraft } from './evidence/useEvidenceDraft';
import { EvidenceSignature, RestoredBanner, RestoredMedia, SIGNER } from './evidence/NewEvidenceParts';

export function EvidenceNewPage() {
  const { portfolioId } = useParams();
  const [params] = useSearchParams();
  const navigate = useNavigate();
  const data = usePortfolio(portfolioId);
  const acting = useActingPersonId();
  const asked = params.get('type') ?? '';
  const initialType = (EVIDENCE_TYPES as readonly string[]).includes(asked) ? (asked as EvidenceTypeCode) : 'P';
  const d = useEvidenceDraft(portfolioId, initialType);
  const { draft, signature, error, setError } = d;
  const [saving, setSaving] = useState(false);

  if (data === undefined || !d.loaded) return <p role="status">Loading…</p>;
  if (data === null || !data.spec)
    return <p className="alert">This portfolio or its qualification spec is not on this device.</p>;
  const { spec, enrolment, people } = data;
  const signerLabel = SIGNER[draft.type];

  async function submit(e: FormEvent) {
    e.preventDefault();
    setError(null);
    if (!draft.title.trim()) return setError('Give the evidence a title.');
    if (signerLabel && !signature) return setError(`${signerLabel} is needed for this type of evidence.`);
    setSaving(true);
    try {
      const files = [...d.restoredFiles, ...d.files];
      const saved = await saveEvidence(evidenceInput(draft, signature, files, enrolment.id, acting ?? null));
      await d.clearStored();
      void navigate(routes.evidence(enrolment.id, saved.id));
    } catch (err) {
      setError((err as Error).message);
      setSaving(false);
    }
  }

  return (
    <section>
      <p className="breadcrumb">
        <Link to={routes.portfolio(enrolment.id)}>Portfolio</Link> ›
      </p>
      <h1>{draft.type === 'O' ? 'Record an observation' : 'Add evidence'}</h1>
      {d.restoredAt && <RestoredBanner at={d.restoredAt} onDiscard={() => void d.discard()} />}
      {error && (
        <p className="alert" role="alert">
          {error}
        </p>
      )}
      <form onSubmit={(e) => void submit(e)} className="panel" aria-label="Evidence">
        <EvidenceFields value={draft} onChange={d.set} spec={spec} />
        <h2>Media</h2>
        <RestoredMedia files={d.restoredFiles} onChange={d.setRestoredFiles} />
        <MediaCapture onFiles={d.setFiles} />
        <h2>Criteria</h2>
        <CriteriaPicker
          spec={spec}
          route={enrolment.route}
          value={draft.criteria}
          onChange={(v) => d.set('criteria', v)}
        />
        {signerLabel && (
          <EvidenceSignature
            key={d.signatureReset}
            type={draft.type}
            signerLabel={signerLabel}
            defaultName={people.find((p) => p.id === acting)?.name ?? ''}
            value={signature}
            onChange={d.setSignature}
          />
        )}
        <button type="submit" disabled={saving}>
          {saving ? 'Saving…' : 'Save evidence'}
        </button>
      </form>
    </section>
  );
}
