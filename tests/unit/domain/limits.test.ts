import { describe, expect, it } from 'vitest';
import fc from 'fast-check';
import {
  bundleRecordsProblem,
  jsonTextProblem,
  LIMITS,
  parseSpec,
  SpecError,
  specSizeProblem,
} from '../../../src/domain';
import { loadSpec } from './loadSpecs';

const nested = (levels: number, open = '[', close = ']') => `${open.repeat(levels)}${close.repeat(levels)}`;

/** The depth JSON.parse would build: the reference the scan must agree with (recursive, so only for small values). */
function depthOf(value: unknown): number {
  if (value === null || typeof value !== 'object') return 0;
  return 1 + Math.max(0, ...Object.values(value).map(depthOf));
}

describe('JSON depth, scanned before parsing', () => {
  it('refuses 100,000 nested arrays with the limit and the depth found, without recursing', () => {
    expect(jsonTextProblem(nested(100_000))).toBe(
      'is nested 100,000 levels deep; JSON here may nest at most 64 levels',
    );
    expect(jsonTextProblem(`{"a":${nested(65, '[{"b":', '}]')}}`)).toMatch(/^is nested 131 levels deep/);
  });

  it('accepts exactly the limit', () => {
    expect(jsonTextProblem(nested(LIMITS.jsonDepth))).toBeNull();
    expect(jsonTextProblem(nested(LIMITS.jsonDepth + 1))).toMatch(/65 levels/);
  });

  it('does not count brackets inside strings, whatever their escapes', () => {
    const brackets = JSON.stringify({ text: `${nested(200)} \\" \\\\" "[[[ {{{ \\` });
    expect(jsonTextProblem(brackets)).toBeNull();
    expect(jsonTextProblem(`["\\\\", ${nested(70)}]`)).toMatch(/71 levels/);
  });

  it('agrees with the parser on any JSON value', () => {
    fc.assert(
      fc.property(fc.jsonValue({ maxDepth: 8 }), (value) => {
        const text = JSON.stringify(value);
        const depth = depthOf(JSON.parse(text));
        expect(jsonTextProblem(text, { jsonDepth: depth, jsonStringChars: Infinity })).toBeNull();
        if (depth > 0)
          expect(jsonTextProblem(text, { jsonDepth: depth - 1, jsonStringChars: Infinity })).not.toBeNull();
      }),
    );
  });

  it('refuses a string longer than the limit', () => {
    expect(jsonTextProblem(JSON.stringify({ title: 'x'.repeat(11) }), { jsonDepth: 64, jsonStringChars: 10 })).toBe(
      'holds a text of 11 characters; a text here may hold at most 10',
    );
  });
});

describe('the other limits', () => {
  it('a spec file over 16 MB, and a bundle over 50,000 records, say the limit and the value', () => {
    expect(specSizeProblem(150 * 1024 * 1024)).toBe('is 150 MB (157,286,400 bytes); a spec file may be at most 16 MB');
    expect(specSizeProblem(LIMITS.specBytes)).toBeNull();
    expect(bundleRecordsProblem(100_000)).toBe('holds 100,000 records; a bundle may hold at most 50,000');
    expect(bundleRecordsProblem(LIMITS.bundleRecords)).toBeNull();
  });

  it('parseSpec refuses a deep or oversized spec text with a SpecError, before parsing it', () => {
    const deep = () => parseSpec(`{"units":${nested(100_000)}}`, 'deep.json');
    expect(deep).toThrow(SpecError);
    expect(deep).toThrow('deep.json: $: is nested 100,001 levels deep; JSON here may nest at most 64 levels');
    const huge = () => parseSpec(`"${'x'.repeat(LIMITS.specBytes)}"`, 'huge.json');
    expect(huge).toThrow('huge.json: $: is 16 MB (16,777,218 bytes); a spec file may be at most 16 MB');
    // A bundled spec is well within every limit.
    const spec = loadSpec('svq2-customer-service-scqf5');
    expect(parseSpec(JSON.stringify(spec)).id).toBe(spec.id);
  });
});
