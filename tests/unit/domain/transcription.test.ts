// Transcription points checked against the seeds' own evidence (issue 9).
import { describe, expect, it } from 'vitest';
import { loadSpec } from './loadSpecs';

/**
 * The check letter of a regulated unit reference number (L/506/2150): the seven digits weighted 8 down to 2,
 * summed, modulo 11, index into these eleven letters. Inferred from the VTCT seed, where it fits every
 * reference number but the structure table's CUS25 one.
 */
const CHECK_LETTERS = 'ADFHJKLMRTY';
function checkLetter(referenceNumber: string): string {
  const digits = referenceNumber.slice(2).replace('/', '');
  const sum = [...digits].reduce((total, d, i) => total + (8 - i) * Number(d), 0);
  return CHECK_LETTERS[sum % 11]!;
}

describe('VTCT reference numbers', () => {
  const vtct = loadSpec('vtct-l3-dip-customer-service');

  it('every unit reference number carries the check letter of its digits', () => {
    for (const u of vtct.units)
      expect(checkLetter(u.referenceNumber!), `${u.code} ${u.referenceNumber}`).toBe(u.referenceNumber![0]);
  });

  it("CUS25 is L/506/2150 (unit page): the table's L/506/2152 has the wrong letter for its digits (CUS26's Y/506/2152)", () => {
    expect(vtct.units.find((u) => u.code === 'CUS25')!.referenceNumber).toBe('L/506/2150');
    expect(checkLetter('L/506/2152')).toBe('Y');
    expect(vtct.units.find((u) => u.code === 'CUS26')!.referenceNumber).toBe('Y/506/2152');
  });

  it('note on the CUSD3 document history records its v3 row', () => {
    expect(vtct.notes!.some((n) => n.startsWith('The CUSD3 Document History') && n.includes('v3, 08/02/2023'))).toBe(
      true,
    );
  });
});

describe('framework where the seed states none', () => {
  it.each([
    'skillscfa-l4-customer-service-units',
    'btec-l3-cert-customer-service-specialists',
    'btec-l3-dip-customer-service-specialists',
  ])('%s: null, not a guess', (id) => expect(loadSpec(id).framework).toBeNull());
});

describe('no invented evidence-type codes', () => {
  it.each([
    ['vtct-l3-dip-customer-service', ['RPL']],
    ['btec-l3-cert-customer-service-specialists', ['RPL']],
    ['btec-l3-dip-customer-service-specialists', ['O', 'Q&A', 'P', 'RA', 'PD', 'WT', 'S', 'EWT', 'RPL']],
    ['svq4-customer-service-scqf8', ['O', 'Q&A', 'P', 'RA', 'PD', 'WT', 'EWT', 'RPL']],
  ])('%s prints only %j', (id, printed) => {
    expect(loadSpec(id).evidenceTypes.flatMap((t) => (t.code === null ? [] : [t.code]))).toEqual(printed);
  });
});
