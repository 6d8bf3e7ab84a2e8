import { formatDateTime, ROLE_LABELS } from '../../../domain';
import type { EvidenceTypeCode, Person, Role } from '../../../domain';
import type { FileInput } from '../../../storage';
import { SignatureField, type SignatureValue } from '../../capture/SignatureField';
import type { RefObject } from 'react';
import { SaveProblemAlert, type SaveProblem } from '../../components/SaveProblem';
import { formatBytes } from '../../components/StorageMeter';

/** Who signs each type of evidence when it is recorded; types not listed need no signature. */
export const SIGNER: Partial<Record<EvidenceTypeCode, string>> = {
  O: "Assessor's signature",
  'Q&A': "Assessor's signature",
  PD: "Assessor's signature",
  WT: "Witness's signature",
  EWT: "Expert witness's signature",
};

/** The role whose signature each type of evidence needs: who records it (the assessor) or who saw it (a witness). */
export const SIGNER_ROLE: Partial<Record<EvidenceTypeCode, Role>> = {
  O: 'assessor',
  'Q&A': 'assessor',
  PD: 'assessor',
  WT: 'witness',
  EWT: 'expert-witness',
};

/**
 * The person the signature is recorded as: the acting person when they hold the role; otherwise no one on this
 * device (a witness who signs with their typed name). An assessor's signature needs the acting assessor.
 */
export function signerOf(type: EvidenceTypeCode, acting: Person | undefined): Person | undefined {
  const role = SIGNER_ROLE[type];
  return role && acting?.roles.includes(role) ? acting : undefined;
}

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
  /** The person acting on this device, if any. */
  acting: Person | undefined;
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

/** The signature this type of evidence needs: the acting assessor's, a witness's or an expert witness's. */
export function EvidenceSignature({ type, signerLabel, acting, value, onChange, problem }: EvidenceSignatureProps) {
  const role = SIGNER_ROLE[type]!;
  const signer = signerOf(type, acting);
  // Only the acting assessor signs as assessor: a candidate recording evidence cannot make it look assessed.
  const cannotSign = role === 'assessor' && !signer;
  return (
    <div data-field="signature">
      {/* The signature's legend is its section's heading; the note that replaces it keeps one of its own. */}
      {cannotSign ? (
        <>
          <h2>{signerLabel}</h2>
          <p className="warning-note" data-testid="signer-needed">
            Only an assessor can sign this.{' '}
            {acting ? `${acting.name} is acting as ${rolesText(acting)}` : 'No one is acting'}: choose an assessor under
            “Acting as” at the top of the page to sign it, or save it as another type.
          </p>
        </>
      ) : (
        <SignatureField
          label={signerLabel}
          defaultName={signer?.name ?? ''}
          role={ROLE_LABELS[role]}
          value={value}
          onChange={onChange}
          required
          headingLevel={2}
        />
      )}
      {problem && <p className="field-error">{problem}</p>}
    </div>
  );
}

const rolesText = (p: Person) => p.roles.map((r) => ROLE_LABELS[r].toLowerCase()).join(', ');

interface SaveBarProps {
  problem: SaveProblem | null;
  formRef: RefObject<HTMLFormElement | null>;
  saving: boolean;
}

/** Save, kept in reach at the bottom of a phone's screen, with what it found beside it. */
export function SaveBar({ problem, formRef, saving }: SaveBarProps) {
  return (
    <div className="sticky-actions">
      <SaveProblemAlert problem={problem} formRef={formRef} />
      <button type="submit" disabled={saving}>
        {saving ? 'Saving…' : 'Save evidence'}
      </button>
    </div>
  );
}
