import { describe, expect, it } from 'vitest';
import { evidenceInIndexOrder, evidenceNumbers, formEvidenceNumber, type NumberedEvidence } from '../../../src/domain';

const at = (minute: number) => `2011-05-14T09:${String(minute).padStart(2, '0')}:00.000Z`;
const recorded = (id: string, minute: number, over: Partial<NumberedEvidence & { formId: string | null }> = {}) => ({
  id,
  createdAt: at(minute),
  formId: null,
  ...over,
});

describe('evidence index numbers', () => {
  it('number evidence 1, 2, … in the order it was recorded, ties broken by id', () => {
    const numbers = evidenceNumbers({ evidence: [recorded('c', 5), recorded('b', 1), recorded('a', 5)] });
    expect([...numbers]).toEqual([
      ['b', 1],
      ['a', 2],
      ['c', 3],
    ]);
  });

  it('keep the number of deleted evidence, in the list or kept apart, and never give it again', () => {
    const evidence = [recorded('a', 1), recorded('b', 2, { deleted: true }), recorded('d', 4)];
    const numbers = evidenceNumbers({ evidence, evidenceTombstones: [recorded('c', 3)] });
    expect(numbers.get('a')).toBe(1);
    expect(numbers.get('b')).toBe(2);
    expect(numbers.get('c')).toBe(3);
    expect(numbers.get('d')).toBe(4);
    expect(evidenceInIndexOrder(evidence).map((e) => e.id)).toEqual(['a', 'd']);
  });

  it('do not change when evidence recorded later is dated earlier', () => {
    const before = evidenceNumbers({ evidence: [recorded('a', 1), recorded('b', 2)] });
    const after = evidenceNumbers({ evidence: [recorded('a', 1), recorded('b', 2), recorded('z-backdated', 3)] });
    expect(after.get('a')).toBe(before.get('a'));
    expect(after.get('b')).toBe(before.get('b'));
    expect(after.get('z-backdated')).toBe(3);
  });

  it('give a form the number of the live evidence recorded on it, or none', () => {
    const evidence = [
      recorded('a', 1),
      recorded('b', 2, { formId: 'form-1' }),
      recorded('c', 3, { formId: 'form-2', deleted: true }),
    ];
    expect(formEvidenceNumber({ evidence }, 'form-1')).toBe(2);
    expect(formEvidenceNumber({ evidence }, 'form-2')).toBeNull();
    expect(formEvidenceNumber({ evidence }, 'no-such-form')).toBeNull();
  });
});
