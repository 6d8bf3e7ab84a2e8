// Conventions that give a form's plain fields a meaning: which fields are signature lines and where the rest of a
// signature is kept, and which unit a field belongs to. (What evidence a form is: ./formEvidence.)
import { ROLE_LABELS } from '../records';
import type { FormData, FormValue } from './formData';
import type { FormField } from './types';

const asString = (v: FormValue | undefined) => (typeof v === 'string' ? v : '');

/** The key of a signature line's typed name: "assessorSignature". */
export const signatureFieldKey = (who: string) => `${who}Signature`;

/**
 * A signature line of a form: a person field whose key ends in "Signature". Its value is the typed name; the
 * drawn signature is kept under `<key>Image`, the signer's role under `<key>Role` and when it was signed under
 * `<key>At` (ISO 8601). Forms saved before role and time were recorded have neither: see formSignature.
 */
export const isSignatureField = (f: FormField) => f.kind === 'person' && f.key.endsWith('Signature');
export const signatureImageKey = (f: FormField) => `${f.key}Image`;
export const signatureRoleKey = (f: FormField) => `${f.key}Role`;
export const signatureTimeKey = (f: FormField) => `${f.key}At`;

/** The role a signature line is for, as people read it ("Assessor"). */
export const signatureDefaultRole = (f: FormField) => (f.roles?.[0] ? ROLE_LABELS[f.roles[0]] : '');

/** A signature as a form keeps it. */
export interface FormSignature {
  typedName: string;
  role: string;
  /** PNG data URL; '' when signed with the typed name only. */
  image: string;
  /** ISO 8601; '' when the time was not recorded. */
  signedAt: string;
}

/**
 * The signature stored on a form for a signature field, or null if unsigned. Tolerant of old or odd data: a
 * missing role is the line's role, a missing or malformed time is '' (time not recorded), never an error.
 */
export function formSignature(field: FormField, data: FormData): FormSignature | null {
  const name = asString(data[field.key]).trim();
  if (!name) return null;
  const role = asString(data[signatureRoleKey(field)]).trim();
  const at = asString(data[signatureTimeKey(field)]);
  return {
    typedName: name,
    role: role || signatureDefaultRole(field),
    image: asString(data[signatureImageKey(field)]),
    signedAt: at && !Number.isNaN(Date.parse(at)) ? at : '',
  };
}

/** The fields one signing (or clearing) of a signature line sets, all at once. */
export function signaturePatch(field: FormField, signature: FormSignature | null): FormData {
  return {
    [field.key]: signature?.typedName ?? '',
    [signatureImageKey(field)]: signature?.image ?? '',
    [signatureRoleKey(field)]: signature?.role ?? '',
    [signatureTimeKey(field)]: signature?.signedAt ?? '',
  };
}

/** The unit an element or criteria field (or column) belongs to: its unit field's code, the first of a list. */
export function unitCodeOf(field: { unitField?: string }, data: FormData): string {
  const v = data[field.unitField ?? 'unit'];
  if (typeof v === 'string') return v;
  return Array.isArray(v) && typeof v[0] === 'string' ? v[0] : '';
}
