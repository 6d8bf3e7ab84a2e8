// Text fields of records have limits (TEXT_LIMITS): the schema refuses a longer text, saying its length and the
// limit; a text at the limit is kept.
import 'fake-indexeddb/auto';
import { describe, expect, it } from 'vitest';
import { Decision, Enrolment, Evidence, Person, Signature, TEXT_LIMITS } from '../../../src/domain';
import { FieldfolioDB, setDatabase } from '../../../src/storage/db';
import { savePerson } from '../../../src/storage';

const meta = { id: 'r1', createdAt: '2026-06-01T09:00:00Z', updatedAt: '2026-06-01T09:00:00Z', deviceId: 'd1' };
const person = { ...meta, name: 'Annie Clews', roles: ['candidate'] };
const evidence = { ...meta, portfolioId: 'p1', type: 'O', date: '2026-06-01', title: 'Busy gate' };

/** The messages zod gives for `record` against `schema`, by field. */
function problems(
  schema: { safeParse: (v: unknown) => { error?: { issues: { path: PropertyKey[]; message: string }[] } } },
  record: object,
) {
  return (schema.safeParse(record).error?.issues ?? []).map((i) => `${i.path.join('.')}: ${i.message}`);
}

describe('text limits in the record schemas', () => {
  it('refuses a 5,000-character name, saying its length and the limit, and keeps one of 200', () => {
    expect(problems(Person, { ...person, name: 'x'.repeat(5_000) })).toEqual([
      'name: is 5,000 characters long; at most 200 fit here',
    ]);
    expect(problems(Person, { ...person, name: 'x'.repeat(TEXT_LIMITS.name) })).toEqual([]);
  });

  it('limits titles to 300 and descriptions to 20,000 characters', () => {
    expect(problems(Evidence, evidence)).toEqual([]);
    expect(problems(Evidence, { ...evidence, title: 'x'.repeat(301), description: 'x'.repeat(20_001) })).toEqual([
      'title: is 301 characters long; at most 300 fit here',
      'description: is 20,001 characters long; at most 20,000 fit here',
    ]);
  });

  it('limits the other texts people type: centre, comments, a typed signature name', () => {
    const long = 'x'.repeat(20_001);
    expect(problems(Enrolment, { centre: long })).toContain('centre: is 20,001 characters long; at most 200 fit here');
    expect(problems(Decision, { comments: long })).toContain(
      'comments: is 20,001 characters long; at most 20,000 fit here',
    );
    expect(problems(Signature, { typedName: long })).toContain(
      'typedName: is 20,001 characters long; at most 200 fit here',
    );
  });

  it('tells the person saving what is wrong', async () => {
    setDatabase(new FieldfolioDB('text-limits-' + Math.random()));
    await expect(savePerson({ name: 'x'.repeat(5_000), roles: ['candidate'] })).rejects.toThrow(
      'the person was not saved: name: is 5,000 characters long; at most 200 fit here.',
    );
  });
});
