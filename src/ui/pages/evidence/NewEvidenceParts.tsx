import type { EvidenceTypeCode } from '../../../domain';
import type { FileInput } from '../../../storage';
import { SignatureField, type SignatureValue } from '../../capture/SignatureField';
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
      Restored your unsaved evidence from {at.replace('T', ' ')}.{' '}
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
}

/** The signature this type of evidence needs: the assessor's, a witness's or an expert witness's. */
export function EvidenceSignature({ type, signerLabel, defaultName, value, onChange }: EvidenceSignatureProps) {
  return (
    <>
      <h2>Signature</h2>
      <SignatureField
        label={signerLabel}
        defaultName={defaultName}
        defaultRole={type === 'WT' ? 'Witness' : type === 'EWT' ? 'Expert witness' : 'Assessor'}
        value={value}
        onChange={onChange}
        required
      />
    </>
  );
}
