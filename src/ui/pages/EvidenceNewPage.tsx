import { useRef, useState, type FormEvent } from 'react';
import { Link, useNavigate, useParams, useSearchParams } from 'react-router';
import { EVIDENCE_TYPES, type EvidenceTypeCode } from '../../domain';
import { saveEvidence } from '../../storage';
import { useActingPersonId, usePortfolio } from '../data/hooks';
import { CriteriaPicker } from '../components/CriteriaPicker';
import { EvidenceFields } from '../components/EvidenceFields';
import { MediaCapture } from '../capture/MediaCapture';
import type { SaveProblem } from '../components/SaveProblem';
import { routes } from '../routes';
import { evidenceInput, useEvidenceDraft } from './evidence/useEvidenceDraft';
import {
  EvidenceSignature,
  RestoredBanner,
  RestoredMedia,
  SaveBar,
  SIGNATURE_FIELD,
  SIGNER,
  missingForSave,
  signerOf,
} from './evidence/NewEvidenceParts';

export function EvidenceNewPage() {
  const { portfolioId } = useParams();
  const [params] = useSearchParams();
  const navigate = useNavigate();
  const data = usePortfolio(portfolioId);
  const acting = useActingPersonId();
  const asked = params.get('type') ?? '';
  const initialType = (EVIDENCE_TYPES as readonly string[]).includes(asked) ? (asked as EvidenceTypeCode) : 'P';
  const d = useEvidenceDraft(portfolioId, initialType);
  const { draft, signature, error } = d;
  const [saving, setSaving] = useState(false);
  const [problem, setProblem] = useState<SaveProblem | null>(null);
  const form = useRef<HTMLFormElement>(null);

  if (data === undefined || !d.loaded) return <p role="status">Loading…</p>;
  if (data === null || !data.spec)
    return <p className="alert">This portfolio or its qualification spec is not on this device.</p>;
  const { spec, enrolment, people } = data;
  const signerLabel = SIGNER[draft.type];
  const actingPerson = people.find((p) => p.id === acting);

  async function submit(e: FormEvent) {
    e.preventDefault();
    const missing = missingForSave(draft.title, signerLabel, signature);
    setProblem(missing);
    if (missing) return;
    setSaving(true);
    try {
      const files = [...d.restoredFiles, ...d.files];
      const signerId = signerOf(draft.type, actingPerson)?.id ?? null;
      const saved = await saveEvidence(evidenceInput(draft, signature, files, enrolment.id, acting ?? null, signerId));
      await d.clearStored();
      void navigate(routes.evidence(enrolment.id, saved.id));
    } catch (err) {
      setProblem({ message: `Not saved: ${(err as Error).message}` });
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
      <form ref={form} onSubmit={(e) => void submit(e)} className="panel evidence-form" aria-label="Evidence">
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
            acting={actingPerson}
            value={signature}
            onChange={d.setSignature}
            problem={problem?.field === SIGNATURE_FIELD ? problem.message : null}
          />
        )}
        <SaveBar problem={problem} formRef={form} saving={saving} />
      </form>
    </section>
  );
}
