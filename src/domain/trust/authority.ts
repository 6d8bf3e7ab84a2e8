// Who a key speaks for, and in which roles on a given portfolio. A key counts if a trusted centre certified it
// (and has not revoked it) or a person on this device accepted it by hand; anything else is unknown, and its
// changes are held. Certificates and revocations reach this function already signature-checked.
import type { DeviceCertificate, Grant, GrantRole, KeyAcceptance, Revocation } from './documents';

export type RoleStatus = Grant['status'];

export interface TrustState {
  /** Fingerprints of the centre keys this device trusts (from the sync link, or typed in). */
  centres: readonly string[];
  certificates: readonly DeviceCertificate[];
  revocations: readonly Revocation[];
  acceptances: readonly KeyAcceptance[];
}

/** One person a key speaks for: a shared device (a centre's tablet) speaks for several. */
export interface Speaker {
  personId: string;
  /** As the certificate names them (accepted keys: as this device names them). */
  personName: string | null;
  /** Certified keys: the roles the centre granted; accepted keys: none (roles come from the portfolio). */
  grants: readonly Grant[] | null;
}

export type KeyStanding =
  | { kind: 'certified'; speakers: Speaker[] }
  | { kind: 'accepted'; speakers: Speaker[]; acceptance: KeyAcceptance }
  | { kind: 'revoked'; revocation: Revocation }
  | { kind: 'unknown'; reason: string }
  /** This device's own key: what it signed, this device made. */
  | { kind: 'self' };

/** The standing of `deviceKey` (claimed by `deviceId`) at `now`. */
export function standingOf(deviceKey: string, deviceId: string, trust: TrustState, now: string): KeyStanding {
  const trusted = (centreKey: string) => trust.centres.includes(centreKey);
  const revocation = trust.revocations.find((r) => r.deviceKey === deviceKey && trusted(r.centreKey));
  if (revocation) return { kind: 'revoked', revocation };
  const certificates = trust.certificates.filter((c) => c.deviceKey === deviceKey && trusted(c.centreKey));
  const current = certificates.filter((c) => c.deviceId === deviceId && c.validFrom <= now && now <= c.validUntil);
  if (current.length > 0) {
    return {
      kind: 'certified',
      speakers: current.map((c) => ({ personId: c.personId, personName: c.personName, grants: c.grants })),
    };
  }
  const acceptance = trust.acceptances.find((a) => a.deviceKey === deviceKey && a.deviceId === deviceId);
  if (acceptance) {
    return {
      kind: 'accepted',
      speakers: acceptance.personIds.map((personId) => ({ personId, personName: null, grants: null })),
      acceptance,
    };
  }
  if (certificates.some((c) => c.deviceId !== deviceId)) {
    return { kind: 'unknown', reason: 'the centre certified this key for another device' };
  }
  if (certificates.length > 0) {
    return { kind: 'unknown', reason: 'its certificate is not valid now (expired or not yet valid)' };
  }
  return {
    kind: 'unknown',
    reason: 'no trusted centre has certified this key and no one on this device has accepted it',
  };
}

/** The people a key speaks for (none when it is unknown, revoked, or this device's own). */
export const speakersOf = (standing: KeyStanding): readonly Speaker[] =>
  standing.kind === 'certified' || standing.kind === 'accepted' ? standing.speakers : [];

/** What the roles-in-a-portfolio computation needs of the portfolio and its people. */
export interface PortfolioParties {
  id: string;
  candidateId: string;
  assessorId: string | null;
  iqaId: string | null;
}

export interface PersonFacts {
  roles: readonly string[];
  assessorStatus: string;
  /** 'working-towards' makes an IQA a trainee (records before it existed have none: qualified). */
  iqaStatus?: string;
}

/** The author of a change: the person a key speaks for and their roles on the portfolio changed. */
export interface Author {
  deviceId: string;
  deviceKey: string;
  personId: string;
  roles: ReadonlyMap<GrantRole, RoleStatus>;
}

/**
 * One speaker's roles on one portfolio. Certified: what the grants say (a candidate grant only on the candidate's
 * own portfolio). Accepted by hand: what the person is on this device: candidate where the portfolio names them,
 * and their staff roles (assessor, qualified or trainee; IQA; external verifier) on any portfolio they are given:
 * a centre shares work among its assessors, and a trainee's decisions need countersigning whoever makes them.
 */
export function rolesIn(
  speaker: Speaker,
  portfolio: PortfolioParties,
  person: PersonFacts | undefined,
): Map<GrantRole, RoleStatus> {
  const roles = new Map<GrantRole, RoleStatus>();
  const id = speaker.personId;
  if (speaker.grants) {
    for (const grant of speaker.grants) {
      const covers = grant.portfolios === 'all' || grant.portfolios.includes(portfolio.id);
      if (!covers || (grant.role === 'candidate' && id !== portfolio.candidateId)) continue;
      if (roles.get(grant.role) !== 'qualified') roles.set(grant.role, grant.status);
    }
    return roles;
  }
  if (!person) return roles;
  const qualified = person.assessorStatus === 'qualified';
  if (id === portfolio.candidateId) roles.set('candidate', 'qualified');
  if (person.roles.includes('assessor')) roles.set('assessor', qualified ? 'qualified' : 'trainee');
  const iqaTrainee = person.iqaStatus === 'working-towards';
  if (person.roles.includes('iqa') || id === portfolio.iqaId) roles.set('iqa', iqaTrainee ? 'trainee' : 'qualified');
  if (person.roles.includes('ev')) roles.set('ev', 'qualified');
  return roles;
}
