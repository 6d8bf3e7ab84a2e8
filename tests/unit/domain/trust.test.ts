// The trust rules of docs/trust.md, one attack or permission per test.
import { describe, expect, it } from 'vitest';
import fc from 'fast-check';
import {
  checkScope,
  judgeChange,
  normaliseFingerprint,
  rolesIn,
  speakersOf,
  signedPayload,
  standingOf,
  summariseChanges,
  type Author,
  type ChangeContext,
  type DeviceCertificate,
  type KeyStanding,
  type TrustState,
} from '../../../src/domain';

const CENTRE = 'c'.repeat(64);
const KEY = 'a'.repeat(64);
const portfolio = { id: 'P', candidateId: 'cand', assessorId: 'ass', iqaId: 'iqa' };

function certificate(overrides: Partial<DeviceCertificate> = {}): DeviceCertificate {
  return {
    format: 'fieldfolio-device-certificate',
    id: 'cert-1',
    centreKey: CENTRE,
    centrePublicKey: 'AAAA',
    deviceId: 'dev-1',
    deviceKey: KEY,
    devicePublicKey: 'AAAA',
    personId: 'ass',
    personName: 'Ann Assessor',
    grants: [{ role: 'assessor', portfolios: 'all', status: 'qualified' }],
    validFrom: '2026-01-01T00:00:00Z',
    validUntil: '2027-01-01T00:00:00Z',
    issuedAt: '2026-01-01T00:00:00Z',
    signature: 'AAAA',
    ...overrides,
  };
}

const trust = (over: Partial<TrustState> = {}): TrustState => ({
  centres: [CENTRE],
  certificates: [],
  revocations: [],
  acceptances: [],
  ...over,
});
const NOW = '2026-06-01T00:00:00Z';

function author(personId: string, roles: Array<[string, 'qualified' | 'trainee']>): Author {
  return { deviceId: 'dev-1', deviceKey: KEY, personId, roles: new Map(roles) as Author['roles'] };
}

function ctx(a: Author, signatures: Record<string, Record<string, unknown>> = {}): ChangeContext {
  return { author: a, portfolio, signature: (id) => signatures[id], person: () => undefined };
}

const candidate = author('cand', [['candidate', 'qualified']]);
const assessor = author('ass', [['assessor', 'qualified']]);
const trainee = author('trainee', [['assessor', 'trainee']]);
const iqa = author('iqa', [['iqa', 'qualified']]);
const signOff = {
  id: 'd1',
  portfolioId: 'P',
  kind: 'unit-signoff',
  unitCode: 'U1',
  outcome: 'met',
  assessorId: 'ass',
  countersignedBy: null,
  countersignatureId: null,
  candidateSignatureId: null,
};

describe('key standing', () => {
  it('a key certified by a trusted centre speaks for its person, within its validity', () => {
    const s = standingOf(KEY, 'dev-1', trust({ certificates: [certificate()] }), NOW);
    expect(s).toMatchObject({ kind: 'certified', speakers: [{ personId: 'ass', personName: 'Ann Assessor' }] });
    expect(standingOf(KEY, 'dev-1', trust({ certificates: [certificate()] }), '2028-01-01T00:00:00Z').kind).toBe(
      'unknown',
    );
  });

  it('a certificate from a centre this device does not trust counts for nothing', () => {
    expect(
      standingOf(KEY, 'dev-1', trust({ centres: ['d'.repeat(64)], certificates: [certificate()] }), NOW).kind,
    ).toBe('unknown');
  });

  it('a certified key claimed by another device id is not trusted', () => {
    const s = standingOf(KEY, 'dev-2', trust({ certificates: [certificate()] }), NOW);
    expect(s).toMatchObject({ kind: 'unknown', reason: expect.stringContaining('another device') });
  });

  it('a revoked key is refused even with a valid certificate', () => {
    const revocation = {
      format: 'fieldfolio-revocation' as const,
      id: 'r',
      centreKey: CENTRE,
      centrePublicKey: 'AAAA',
      deviceKey: KEY,
      revokedAt: NOW,
      reason: 'lost',
      signature: 'AAAA',
    };
    expect(
      standingOf(KEY, 'dev-1', trust({ certificates: [certificate()], revocations: [revocation] }), NOW).kind,
    ).toBe('revoked');
  });

  it('an unknown key speaks for no one; an accepted one for its people, in the roles they hold on the portfolio', () => {
    const unknown: KeyStanding = standingOf(KEY, 'dev-1', trust(), NOW);
    expect(speakersOf(unknown)).toEqual([]);
    const acceptance = {
      deviceKey: KEY,
      deviceId: 'dev-1',
      personIds: ['cand', 'ass'],
      acceptedBy: null,
      acceptedAt: NOW,
    };
    const [cand, ass] = speakersOf(standingOf(KEY, 'dev-1', trust({ acceptances: [acceptance] }), NOW));
    expect([...rolesIn(cand!, portfolio, { roles: ['candidate'], assessorStatus: 'not-applicable' }).keys()]).toEqual([
      'candidate',
    ]);
    expect([...rolesIn(ass!, portfolio, { roles: ['assessor'], assessorStatus: 'working-towards' }).entries()]).toEqual(
      [['assessor', 'trainee']],
    );
  });

  it('a candidate grant covers only the candidate’s own portfolio', () => {
    const s = standingOf(
      KEY,
      'dev-1',
      trust({
        certificates: [
          certificate({ personId: 'other', grants: [{ role: 'candidate', portfolios: 'all', status: 'qualified' }] }),
        ],
      }),
      NOW,
    );
    expect(rolesIn(speakersOf(s)[0]!, portfolio, undefined).size).toBe(0);
  });
});

describe('who may change what', () => {
  it('a candidate’s key cannot sign a unit off or judge a criterion', () => {
    expect(
      judgeChange({ table: 'decisions', before: undefined, after: { ...signOff, assessorId: 'cand' } }, ctx(candidate)),
    ).toMatch(/assessor/);
    expect(
      judgeChange({ table: 'decisions', before: undefined, after: { ...signOff, kind: 'criterion' } }, ctx(candidate)),
    ).toMatch(/assessor/);
  });

  it('an assessor signs off in their own name only', () => {
    expect(judgeChange({ table: 'decisions', before: undefined, after: signOff }, ctx(assessor))).toBeNull();
    expect(
      judgeChange(
        { table: 'decisions', before: undefined, after: { ...signOff, assessorId: 'someone-else' } },
        ctx(assessor),
      ),
    ).toMatch(/assessor who made it/);
  });

  it('a decision marked countersigned needs a countersignature record by a qualified assessor', () => {
    const marked = { ...signOff, assessorId: 'trainee', countersignedBy: 'ass', countersignatureId: 'sig-c' };
    const before = { ...signOff, assessorId: 'trainee' };
    expect(judgeChange({ table: 'decisions', before, after: marked }, ctx(assessor))).toMatch(/signature record/);
    const sig = { id: 'sig-c', purpose: 'countersign', personId: 'ass', subjectId: 'd1' };
    expect(judgeChange({ table: 'decisions', before, after: marked }, ctx(assessor, { 'sig-c': sig }))).toBeNull();
    expect(
      judgeChange(
        { table: 'decisions', before, after: { ...marked, countersignedBy: 'trainee' } },
        ctx(trainee, { 'sig-c': { ...sig, personId: 'trainee' } }),
      ),
    ).toMatch(/qualified assessor/);
    expect(
      judgeChange({ table: 'signatures', before: undefined, after: { ...sig, personId: 'trainee' } }, ctx(trainee)),
    ).toMatch(/qualified assessor/);
  });

  it('a candidate may not rename their assessor, may edit themselves but not their own roles', () => {
    const ann = { id: 'ass', name: 'Ann', roles: ['assessor'], assessorStatus: 'qualified' };
    expect(judgeChange({ table: 'people', before: ann, after: { ...ann, name: 'Mallory' } }, ctx(candidate))).toMatch(
      /IQA/,
    );
    const me = { id: 'cand', name: 'Cat', roles: ['candidate'], assessorStatus: 'not-applicable' };
    expect(
      judgeChange({ table: 'people', before: me, after: { ...me, name: 'Cat Jones' } }, ctx(candidate)),
    ).toBeNull();
    expect(
      judgeChange({ table: 'people', before: me, after: { ...me, roles: ['candidate', 'assessor'] } }, ctx(candidate)),
    ).toMatch(/own roles/);
  });

  it('a candidate may change their route, not their assessor', () => {
    const enrolment = { id: 'P', candidateId: 'cand', assessorId: 'ass', route: ['U1'] };
    expect(
      judgeChange(
        { table: 'enrolments', before: enrolment, after: { ...enrolment, route: ['U1', 'U2'], updatedAt: 'x' } },
        ctx(candidate),
      ),
    ).toBeNull();
    expect(
      judgeChange(
        { table: 'enrolments', before: enrolment, after: { ...enrolment, assessorId: 'cand' } },
        ctx(candidate),
      ),
    ).toMatch(/route/);
    expect(judgeChange({ table: 'enrolments', before: undefined, after: enrolment }, ctx(candidate))).toBeNull();
    const forOther = { ...enrolment, candidateId: 'other' };
    expect(judgeChange({ table: 'enrolments', before: undefined, after: forOther }, ctx(candidate))).toMatch(/route/);
  });

  it('sampling decisions are the IQA’s or verifier’s, in their own name', () => {
    const sample = { ...signOff, id: 's1', kind: 'sample', assessorId: 'iqa' };
    expect(judgeChange({ table: 'decisions', before: undefined, after: sample }, ctx(iqa))).toBeNull();
    expect(
      judgeChange({ table: 'decisions', before: undefined, after: { ...sample, assessorId: 'ass' } }, ctx(assessor)),
    ).toMatch(/IQA or verifier/);
    expect(judgeChange({ table: 'evidence', before: undefined, after: { id: 'e' } }, ctx(iqa))).toMatch(
      /candidate or the assessor/,
    );
  });

  it('a record type with no rule is refused', () => {
    expect(judgeChange({ table: 'mystery', before: undefined, after: { id: 'x' } }, ctx(assessor))).toMatch(/mystery/);
  });
});

describe('scope', () => {
  const facts = (stored: Record<string, string> = {}) => ({
    storedPortfolioOf: (_table: string, id: string) => stored[id],
    hasAuditEntry: (id: string) => id === 'own-old',
    thisDevice: 'me',
  });
  const enrolment = { id: 'P', candidateId: 'cand', assessorId: 'ass', iqaId: null };

  it('refuses records of another portfolio, unnamed people, and audit entries it has no right to', () => {
    const violations = checkScope(
      'P',
      {
        enrolments: [enrolment],
        people: [{ id: 'cand' }, { id: 'stranger' }],
        evidence: [
          { id: 'e1', portfolioId: 'Q' },
          { id: 'e2', portfolioId: 'P' },
        ],
      },
      [
        { id: 'a1', portfolioId: 'Q', deviceId: 'x' },
        { id: 'a2', portfolioId: 'P', deviceId: 'me' },
        { id: 'own-old', portfolioId: 'P', deviceId: 'me' },
      ],
      new Set(),
      facts({ e2: 'Q' }),
    );
    expect(violations.map((v) => `${v.table}:${v.id}`)).toEqual([
      'people:stranger',
      'evidence:e1',
      'evidence:e2',
      'audit:a1',
      'audit:a2',
    ]);
  });

  it('property: a bundle passes only if every record is its portfolio’s and takes no other portfolio’s id', () => {
    const row = fc.record({ id: fc.constantFrom('r1', 'r2', 'r3', 'r4'), portfolioId: fc.constantFrom('P', 'Q') });
    fc.assert(
      fc.property(
        fc.array(row, { maxLength: 6 }),
        fc.dictionary(fc.constantFrom('r1', 'r2', 'r3', 'r4'), fc.constantFrom('P', 'Q')),
        (evidence, stored) => {
          const violations = checkScope('P', { enrolments: [enrolment], evidence }, [], new Set(), facts(stored));
          const clean = evidence.every((e) => e.portfolioId === 'P' && (stored[e.id] ?? 'P') === 'P');
          expect(violations.length === 0).toBe(clean);
        },
      ),
      { numRuns: 300 },
    );
  });
});

describe('documents and summaries', () => {
  it('the signed payload covers every field but the signature, in canonical order', () => {
    expect(signedPayload({ b: 1, a: 2, signature: 'x' }, 'signature')).toBe('{"a":2,"b":1}');
    expect(signedPayload({ sig: { value: 'x' }, z: [1] }, 'sig')).toBe('{"z":[1]}');
  });

  it('fingerprints typed with spaces, colons or capitals are read', () => {
    expect(normaliseFingerprint('AB12 '.repeat(16))).toBe('ab12'.repeat(16));
    expect(normaliseFingerprint('ab12')).toBeNull();
  });

  it('a summary counts added, changed, removed and held, and spells decisions out', () => {
    const s = summariseChanges(
      [
        { table: 'evidence', before: undefined, after: { id: 'e' } },
        { table: 'evidence', before: { id: 'f' }, after: { id: 'f', deleted: true } },
        { table: 'decisions', before: undefined, after: signOff, heldBecause: 'no key' },
      ],
      (id) => (id === 'ass' ? 'Ann' : String(id)),
    );
    expect(s.byTable.evidence).toEqual({ added: 1, changed: 0, removed: 1, held: 0 });
    expect(s.decisions).toEqual(['unit U1 signed off by Ann (new) — held (see why below)']);
  });
});
