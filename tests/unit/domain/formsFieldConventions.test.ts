import { describe, expect, it } from 'vitest';
import {
  evidenceOfForm,
  FORM_DEFINITIONS,
  formDefinition,
  formFields,
  formSignature,
  isSignatureField,
  signatureDefaultRole,
  signaturePatch,
  unitCodeOf,
  type FormField,
} from '../../../src/domain';

const field = (key: string) => formFields(formDefinition('observation')).find((f) => f.key === key)!;

describe('signature fields', () => {
  it('are the person fields whose key ends in "Signature"', () => {
    expect(isSignatureField(field('assessorSignature'))).toBe(true);
    expect(isSignatureField(field('candidateSignature'))).toBe(true);
    expect(isSignatureField(field('assessorDate'))).toBe(false);
    expect(isSignatureField(field('candidate'))).toBe(false);
    const typedText: FormField = { key: 'noteSignature', label: 'Note', kind: 'text' };
    expect(isSignatureField(typedText)).toBe(false);
  });

  it('are on every form that the seed gives a signature line, each with its role', () => {
    const lines = FORM_DEFINITIONS.flatMap((d) => formFields(d).filter(isSignatureField));
    expect(lines.length).toBeGreaterThan(10);
    for (const line of lines) expect(signatureDefaultRole(line)).not.toBe('');
    expect(signatureDefaultRole(field('assessorSignature'))).toBe('Assessor');
  });

  it('keep name, drawn image, role and time under the line’s keys, and read them back', () => {
    const line = field('assessorSignature');
    const signed = {
      typedName: 'Jim Sullivan',
      role: 'Assessor',
      image: 'data:image/png;base64,AA',
      signedAt: '2011-05-14T10:00:00.000Z',
    };
    const data = signaturePatch(line, signed);
    expect(data).toEqual({
      assessorSignature: 'Jim Sullivan',
      assessorSignatureImage: 'data:image/png;base64,AA',
      assessorSignatureRole: 'Assessor',
      assessorSignatureAt: '2011-05-14T10:00:00.000Z',
    });
    expect(formSignature(line, data)).toEqual(signed);
    expect(formSignature(line, signaturePatch(line, null))).toBeNull();
  });

  it('read old data tolerantly: the line’s role when none was kept, no time when it is malformed', () => {
    const line = field('candidateSignature');
    expect(formSignature(line, { candidateSignature: ' Annie Clews ', candidateSignatureAt: 'garbage' })).toEqual({
      typedName: 'Annie Clews',
      role: 'Candidate',
      image: '',
      signedAt: '',
    });
  });
});

describe('the unit of a field', () => {
  it('is the code chosen in its unit field (default "unit"), the first of a list', () => {
    expect(unitCodeOf({}, { unit: 'F2' })).toBe('F2');
    expect(unitCodeOf({ unitField: 'units' }, { units: ['F3', 'F2'] })).toBe('F3');
    expect(unitCodeOf({}, {})).toBe('');
  });
});

describe('the evidence a form produces', () => {
  it('takes its title, what was observed, its date and the criteria it names from the form', () => {
    const data = {
      unit: 'F2',
      date: '2011-05-14',
      activities: 'Dealt with the queue',
      pcsCovered: ['F2|pc|F2.1|F2.1.3'],
      knowledgeCovered: ['F2|k|f2a'],
    };
    expect(evidenceOfForm('observation', data, '2026-01-01')).toEqual({
      details: {
        title: 'Observation record — F2 — 14/05/2011',
        description: 'Dealt with the queue',
        date: '2011-05-14',
      },
      criteria: [
        { unitCode: 'F2', criterionKey: 'F2|pc|F2.1|F2.1.3' },
        { unitCode: 'F2', criterionKey: 'F2|k|f2a' },
      ],
    });
  });

  it('dates a statement by its first row, else by the assessor’s signing date, else today', () => {
    const statement = { statements: [{ date: '2011-05-13', details: 'My induction' }], assessorDate: '2011-05-20' };
    expect(evidenceOfForm('personal-statement', statement, '2026-01-01').details.date).toBe('2011-05-13');
    expect(evidenceOfForm('personal-statement', { assessorDate: '2011-05-20' }, '2026-01-01').details.date).toBe(
      '2011-05-20',
    );
    expect(evidenceOfForm('witness-testimony', { details: 'Helped a customer' }, '2026-01-01').details).toMatchObject({
      description: 'Helped a customer',
      date: '2026-01-01',
    });
  });
});
