import { formatDateTime } from '../../../domain';
import type { EvidenceTypeCode } from '../../../domain';
import type { FileInput } from '../../../storage';
import { SignatureField, type SignatureValue } from '../../capture/SignatureField';
import type { SaveProblem } from '../../components/SaveProblem';
import { formatBytes } from '../../components/StorageMeter';

/** Who signs each type of evidence when it is recorded; types not listed need no signature. */
export const SIGNER: Partial<Record<EvidenceTypeCode, string>> = {
  O: "Assessor's signature",
  'Q&A': "Assessor's signature",
  PD: "Assessor's signature",
  WT: "Witness's signature",
  EWT: "Expert witness's signature",
};

/** Says a draft was restored, with the way to drop it. */
export function RestoredBanner({ at, onDiscard }: { at: string; onDiscard: () => void }) {
  return (
    <p className="banner" role="status">
      Restored your unsaved evidence from {formatDateTime(at)}.{' '}
      <button type="button" className="secondary" onClick={onDiscard}>
        Discard it and start afresh
      </button>
    </p>
  );
}

/** Media captured before a reload, kept with the draft; each can be removed before saving. */
export function RestoredMedia({ files, onChange }: { files: FileInput[]; onChange: (files: FileInput[]) => void }) {
  if (files.length === 0) return null;
  return (
    <ul aria-label="Media restored from your draft">
      {files.map((f, i) => (
        <li key={i}>
          {f.name} ({formatBytes(f.blob.size)}){' '}
          <button type="button" className="secondary" onClick={() => onChange(files.filter((_, j) => j !== i))}>
            Remove {f.name}
          </button>
        </li>
      ))}
    </ul>
  );
}

interface EvidenceSignatureProps {
  type: EvidenceTypeCode;
  signerLabel: string;
  defaultName: string;
  value: SignatureValue | null;
  onChange: (value: SignatureValue | null) => void;
  /** Why Save was refused for want of this signature, said beside it. */
  problem: string | null;
}

/** Where a missing signature sends focus: the signer's name, the first thing to fill in. */
export const SIGNATURE_FIELD = '[data-field="signature"] input';

/** What new evidence lacks before it can be saved: a title, then the signature its type needs. */
export function missingForSave(
  title: string,
  signerLabel: string | undefined,
  signature: SignatureValue | null,
): SaveProblem | null {
  if (!title.trim()) return { message: 'Give the evidence a title.' };
  if (signerLabel && !signature)
    return { message: `${signerLabel} is needed for this type of evidence.`, field: SIGNATURE_FIELD };
  return null;
}

/** The signature this type of evidence needs: the assessor's, a witness's or an expert witness's. */
export function EvidenceSignature({
  type,
  signerLabel,
  defaultName,
  value,
  onChange,
  problem,
}: EvidenceSignatureProps) {
  return (
    <div data-field="signature">
      <h2>Signature</h2>
      <SignatureField
        label={signerLabel}
        defaultName={defaultName}
        defaultRole={type === 'WT' ? 'Witness' : type === 'EWT' ? 'Expert witness' : 'Assessor'}
        value={value}
        onChange={onChange}
        required
      />
      {problem && <p className="field-error">{problem}</p>}
    </div>
  );
}
