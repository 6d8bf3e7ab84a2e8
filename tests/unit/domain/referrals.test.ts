// A unit a verifier referred back stays an open action until a later sampling decision on it closes it.
import { describe, expect, it } from 'vitest';
import { newDecision, openVerifierReferrals, type Decision } from '../../../src/domain';

let n = 0;
function sample(unitCode: string, outcome: 'met' | 'not-yet', date: string, fields: Partial<Decision> = {}): Decision {
  const at = `${date}T10:00:${String(n % 60).padStart(2, '0')}.000Z`;
  return {
    ...newDecision(
      { id: `d${++n}`, now: at, device: 'd' },
      { portfolioId: 'p1', kind: 'sample', unitCode, outcome, assessorId: 'ivy', date },
    ),
    ...fields,
  };
}

describe('open verifier referrals', () => {
  it('lists a unit whose latest sampling decision is "not yet", latest first', () => {
    const referrals = openVerifierReferrals([
      sample('F1', 'met', '2026-10-01'),
      sample('C3', 'not-yet', '2026-10-01'),
      sample('B2', 'not-yet', '2026-10-03'),
    ]);
    expect(referrals.map((r) => r.unitCode)).toEqual(['B2', 'C3']);
    expect(referrals[0]!.decision.assessorId).toBe('ivy');
  });

  it('a later agreement closes the referral; a later referral reopens it', () => {
    const referred = sample('C3', 'not-yet', '2026-10-01');
    const agreed = sample('C3', 'met', '2026-10-05');
    expect(openVerifierReferrals([agreed, referred])).toEqual([]);
    const again = sample('C3', 'not-yet', '2026-10-09');
    expect(openVerifierReferrals([referred, again, agreed]).map((r) => r.decision.id)).toEqual([again.id]);
  });

  it('ignores withdrawn sampling decisions and other kinds of decision', () => {
    const withdrawn = sample('C3', 'not-yet', '2026-10-01', { deleted: true });
    const criterion = sample('F2', 'not-yet', '2026-10-01', { kind: 'criterion', criterionKey: 'F2|1' });
    expect(openVerifierReferrals([withdrawn, criterion])).toEqual([]);
  });

  it('keeps units of different portfolios apart', () => {
    const other = sample('C3', 'met', '2026-10-05', { portfolioId: 'p2' });
    expect(openVerifierReferrals([sample('C3', 'not-yet', '2026-10-01'), other]).map((r) => r.portfolioId)).toEqual([
      'p1',
    ]);
  });
});
