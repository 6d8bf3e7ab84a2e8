import { useState } from 'react';
import { SignatureField, type SignatureValue } from '../capture/SignatureField';

interface SignAndSubmitProps {
  /** The signature field's legend, e.g. "Candidate's signature". */
  label: string;
  defaultName?: string;
  role: string;
  /** The button's text, e.g. "Sign the declaration". */
  action: string;
  /** Stores the signature; once it has, the field is emptied. */
  onSign: (signature: SignatureValue) => Promise<unknown>;
  onError: (e: Error) => void;
}

/** A required signature and the button that stores it, enabled once the field is signed. */
export function SignAndSubmit({ label, defaultName, role, action, onSign, onError }: SignAndSubmitProps) {
  const [signature, setSignature] = useState<SignatureValue | null>(null);
  return (
    <>
      <SignatureField
        label={label}
        defaultName={defaultName}
        role={role}
        value={signature}
        onChange={setSignature}
        required
      />
      <button
        type="button"
        disabled={!signature}
        onClick={() => signature && void onSign(signature).then(() => setSignature(null), onError)}
      >
        {action}
      </button>
    </>
  );
}
