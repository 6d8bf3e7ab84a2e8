// Who may sign as what. A signature's role comes from the person signing and what they are (candidate, assessor,
// IQA, witness), never typed freely: a candidate signing their own observation "as Assessor" would make evidence
// look assessed when it was not. The UI offers only the roles the acting person holds; the storage write path
// refuses the rest with these words, so no screen (or bundle built on this device) can get round it.
import { ROLE_LABELS, type Person, type Role } from './records';

/** The role a signature's label claims, read tolerantly ("Qualified assessor" is an assessor); null if none. */
export function claimedRole(label: string): Role | null {
  const l = label.trim().toLowerCase();
  if (l.includes('expert witness')) return 'expert-witness';
  if (l.includes('witness')) return 'witness';
  if (l.includes('quality assur') || /\biqa\b/.test(l)) return 'iqa';
  if (l.includes('verifier')) return 'ev';
  if (l.includes('assessor')) return 'assessor';
  if (l.includes('candidate')) return 'candidate';
  return null;
}

/** Roles that carry authority over evidence: whoever signs as one must be known to hold it. */
const AUTHORITY: readonly Role[] = ['assessor', 'iqa', 'ev'];

/**
 * Why `signer` may not sign with the role `label` claims, or null if they may. `signer` is the person the signature
 * names, else (for the roles with authority) the person acting on the device; undefined when neither is known,
 * e.g. a witness not on this device, whose signature is their typed name alone.
 */
export function signingRefusal(label: string, signer: Pick<Person, 'name' | 'roles'> | undefined): string | null {
  const role = claimedRole(label);
  if (!role || !signer || signer.roles.includes(role)) return null;
  const held = signer.roles.map((r) => ROLE_LABELS[r].toLowerCase()).join(', ');
  return `${signer.name} cannot sign as ${ROLE_LABELS[role].toLowerCase()}: they are recorded as ${held || 'no role'}.`;
}

/** Whether a signature with this label needs a known signer to hold the role (assessor, IQA, verifier). */
export const needsAuthority = (label: string): boolean => AUTHORITY.includes(claimedRole(label) as Role);
