// Unit codes in natural order without an ICU collator (src/domain/rules/compile.ts): the order
// Intl.Collator('en', { numeric: true }) gives, for every code the bundled specs hold and for any code of letters
// and digits.
import { describe, expect, it } from 'vitest';
import fc from 'fast-check';
import { compareCodes } from '../../../src/domain';
import { bundledSpecFiles, loadSpec } from './loadSpecs';

const collator = new Intl.Collator('en', { numeric: true, sensitivity: 'variant' });
const sign = (n: number) => Math.sign(n);

describe('compareCodes', () => {
  it('puts numbers in number order and letters before later letters', () => {
    expect(['10', '2', 'BUS13', 'CUS5', 'F1', 'F10', 'F2'].sort(compareCodes)).toEqual([
      '2',
      '10',
      'BUS13',
      'CUS5',
      'F1',
      'F2',
      'F10',
    ]);
  });

  it('orders every unit code of the bundled specs as the collator does', () => {
    const codes = bundledSpecFiles().flatMap((file) => loadSpec(file.replace(/\.json$/, '')).units.map((u) => u.code));
    expect(codes.length).toBeGreaterThan(50);
    expect([...codes].sort(compareCodes)).toEqual([...codes].sort(collator.compare));
  });

  it('agrees with the collator on any two codes of letters and digits', () => {
    const code = fc.stringMatching(/^[A-Za-z0-9]{0,8}$/);
    fc.assert(
      fc.property(code, code, (a, b) => {
        expect(sign(compareCodes(a, b))).toBe(sign(collator.compare(a, b)));
      }),
      { numRuns: 5000 },
    );
  });
});
