// Signatures: the authenticity declaration here; evidence signatures in evidence.ts, sign-offs in signoffs.ts.
// Every signature is dated by the clock when it is written.
import type { Signature } from '../domain';
import { nowIso } from './clock';
import { write } from './write';

export interface NewSignature {
  typedName: string;
  role: string;
  personId: string | null;
  image: string;
  statement?: string;
}

/** The fields of a signature record: who signed, what (`subjectId`), why, and now. */
export function signatureFields(
  signature: NewSignature,
  portfolioId: string,
  purpose: Signature['purpose'],
  subjectId: string,
) {
  return { ...signature, portfolioId, purpose, subjectId, signedAt: nowIso() };
}

export async function signDeclaration(portfolioId: string, signature: NewSignature): Promise<Signature> {
  return write('the declaration', portfolioId, (ctx) =>
    ctx.put(
      'signatures',
      signatureFields(signature, portfolioId, 'declaration', portfolioId),
      'sign',
      'authenticity declaration',
    ),
  );
}
