import { describe, expect, it } from 'vitest';
import {
  criterionKey,
  FORM_TYPES,
  type FormType,
  buildContentsChecklist,
  buildElementAchievement,
  buildIndexOfEvidence,
  buildKnowledgeEvidence,
  buildUnitProgress,
  coverageText,
  emptyFormData,
  evidenceNumbers,
  FORM_DEFINITIONS,
  formDefinition,
  formEvidenceNumber,
  formFields,
  formTitle,
  normalizeFormData,
  prefillContext,
  prefillFormData,
  validateFormData,
  type FormsInput,
} from '../../../src/domain';
import { loadSpec } from './loadSpecs';

const spec = loadSpec('svq2-customer-service-scqf5');
const pc = (unit: string, outcome: string, id: string) => criterionKey(unit, 'criterion', id, outcome);
const k = (unit: string, id: string) => criterionKey(unit, 'knowledge', id, null);

type Ev = FormsInput['evidence'][number];
type Dec = FormsInput['decisions'][number];

function evidence(id: string, date: string, over: Partial<Ev> = {}): Ev {
  return {
    id,
    type: 'O',
    simulation: false,
    title: `Evidence ${id}`,
    description: 'what happened',
    date,
    location: '',
    mediaIds: [],
    formId: null,
    createdAt: `${date}T09:00:00.000Z`,
    ...over,
  };
}

function signOff(id: string, unitCode: string, assessorId: string, date: string, over: Partial<Dec> = {}): Dec {
  return {
    id,
    kind: 'unit-signoff',
    unitCode,
    criterionKey: null,
    outcome: 'met',
    assessorId,
    date,
    signatureId: null,
    countersignedBy: null,
    candidateSignatureId: null,
    updatedAt: `${date}T12:00:00.000Z`,
    ...over,
  };
}

function portfolio(over: Partial<FormsInput> = {}): FormsInput {
  return {
    enrolment: {
      candidateId: 'cand',
      assessorId: 'jim',
      iqaId: 'mary',
      route: ['F1', 'F2', 'A10', 'B2', 'C3', 'D2', 'D3'],
    },
    people: [
      { id: 'cand', name: 'Annie Clews', roles: ['candidate'], assessorStatus: 'not-applicable' },
      { id: 'jim', name: 'Jim Sullivan', roles: ['assessor'], assessorStatus: 'qualified' },
      { id: 'trainee', name: 'Tess Trainee', roles: ['assessor'], assessorStatus: 'working-towards' },
      { id: 'mary', name: 'Mary Ann Kail', roles: ['iqa'], assessorStatus: 'qualified' },
    ],
    evidence: [],
    mappings: [],
    decisions: [],
    signatures: [],
    forms: [],
    ...over,
  };
}

describe('form definitions', () => {
  it('define every form type once, with the seed’s title and a reference into seed 001', () => {
    for (const type of FORM_TYPES) {
      const def = formDefinition(type);
      expect(def.type).toBe(type);
      expect(def.title.length).toBeGreaterThan(3);
      expect(def.seedRef).toContain('001_260af699cbd992bc.txt');
      expect(def.seedRef).toMatch(/Example form \d+/);
    }
    expect(FORM_DEFINITIONS.map((d) => d.type).sort()).toEqual([...FORM_TYPES].sort());
    expect(formDefinition('observation').title).toBe('Observation record');
    expect(formDefinition('questions-answers').title).toBe('Record of questions and candidate’s answers');
    expect(formDefinition('unit-progress-signoff').title).toBe('Unit progress and sign-off record');
  });

  it('have unique field keys per form and unique column keys per table', () => {
    for (const def of FORM_DEFINITIONS) {
      const keys = formFields(def).map((f) => f.key);
      expect(new Set(keys).size, def.type).toBe(keys.length);
      for (const f of formFields(def)) {
        expect(f.label.trim(), `${def.type}.${f.key}`).not.toBe('');
        if (f.kind === 'table') {
          const cols = (f.columns ?? []).map((c) => c.key);
          expect(cols.length, `${def.type}.${f.key}`).toBeGreaterThan(0);
          expect(new Set(cols).size).toBe(cols.length);
        }
        if (f.kind === 'select') expect(f.options?.length).toBeGreaterThan(0);
      }
    }
  });

  it('mark the forms the seed derives from other records as generated', () => {
    const generated = FORM_DEFINITIONS.filter((d) => d.generated).map((d) => d.type);
    expect(generated.sort()).toEqual(['contents-checklist', 'index-of-evidence', 'unit-progress-signoff']);
    expect(formDefinition('element-achievement').grid).toBe('pc-dates');
    expect(formDefinition('knowledge-evidence').grid).toBe('knowledge-evidence');
  });

  it('use the seed’s field labels', () => {
    const labels = (t: FormType) => formFields(formDefinition(t)).map((f) => f.label);
    expect(labels('observation')).toEqual(
      expect.arrayContaining([
        'SVQ title and level',
        'Unit/element(s)',
        'Candidate',
        'Date of observation',
        'Evidence index number',
        'Skills/activities observed',
        'PCs and range covered',
        'Knowledge and understanding apparent from this observation',
        'Other units/elements to which this evidence may contribute',
        'Assessor comments and feedback to candidate',
        'I can confirm the candidate’s performance was satisfactory.',
        'Assessor’s signature',
        'Candidate’s signature',
      ]),
    );
    expect(labels('expert-witness')).toEqual(
      expect.arrayContaining([
        'Expert witness name',
        'Relationship to candidate',
        'Details of testimony',
        'Relevant professional work role that involves evaluating everyday staff practice',
        'Current expertise',
        'Familiar with the SVQ standards to which the candidate is working',
        'Contact telephone number',
      ]),
    );
    const index = formFields(formDefinition('index-of-evidence')).find((f) => f.kind === 'table');
    expect(index?.columns?.map((c) => c.label)).toEqual([
      'Evidence number',
      'Description of evidence',
      'Included in portfolio (Yes/No) If No, state location',
      'Units/elements evidence links to (give specific numbers, eg 5.2.1)',
      'Internal verifier signature and date of sampling',
    ]);
  });
});

describe('form data', () => {
  it('starts blank with every typed field, tables with their starting rows, and no computed fields', () => {
    const data = emptyFormData('observation');
    expect(data.activities).toBe('');
    expect(data.pcsCovered).toEqual([]);
    expect(data.performanceSatisfactory).toBe(false);
    expect('evidenceNumber' in data).toBe(false);
    expect(emptyFormData('questions-answers').questions).toEqual([{ question: '', answer: '' }]);
  });

  it('prefills what the portfolio knows, but never a signature', () => {
    const data = prefillFormData('observation', prefillContext(portfolio(), spec));
    expect(data.svqTitle).toBe('Edexcel SVQ2 in Customer Service at SCQF level 5');
    expect(data.candidate).toBe('Annie Clews');
    expect(data.assessorSignature).toBe('');
    expect(prefillFormData('title-page', prefillContext(portfolio(), spec))).toMatchObject({
      level: 'SCQF level 5',
      assessor: 'Jim Sullivan',
    });
  });

  it('reports missing required fields and malformed dates, and nothing once filled in', () => {
    const blank = emptyFormData('observation');
    expect(validateFormData('observation', blank).map((p) => p.key)).toEqual([
      'unit',
      'candidate',
      'date',
      'activities',
    ]);
    const filled = {
      ...blank,
      unit: 'F2',
      candidate: 'Annie Clews',
      date: '2011-05-14',
      activities: 'Handled a long queue',
    };
    expect(validateFormData('observation', filled)).toEqual([]);
    expect(validateFormData('observation', { ...filled, date: '2011-02-30' })).toEqual([
      { key: 'date', message: 'Date of observation must be a date (YYYY-MM-DD)' },
    ]);
    const qa = emptyFormData('questions-answers');
    expect(validateFormData('questions-answers', qa).find((p) => p.key === 'questions')?.message).toMatch(
      /at least one row/,
    );
  });

  it('reads stored data tolerantly', () => {
    const data = normalizeFormData('observation', {
      activities: 'x',
      pcsCovered: 'F2|pc|F2.1|F2.1.1',
      extra: 'kept',
      performanceSatisfactory: 'yes',
    });
    expect(data.activities).toBe('x');
    expect(data.pcsCovered).toEqual(['F2|pc|F2.1|F2.1.1']);
    expect(data.extra).toBe('kept');
    expect(data.performanceSatisfactory).toBe(false);
    expect(data.unit).toBe('');
  });

  it('titles a form by its type, unit and date', () => {
    expect(formTitle('observation', { unit: 'F2', date: '2011-05-14', assessorDate: '2011-06-04' })).toBe(
      'Observation record — F2 — 14/05/2011',
    );
  });
});

describe('index of evidence (generated)', () => {
  const input = portfolio({
    evidence: [
      evidence('late', '2011-05-27', { type: 'RA', title: 'Personal statement' }),
      evidence('early', '2011-05-09', {
        type: 'WT',
        title: 'Witness testimonial',
        createdAt: '2011-05-10T10:00:00.000Z',
      }),
      evidence('same-day-first', '2011-05-09', {
        type: 'O',
        title: 'Observation record',
        createdAt: '2011-05-09T10:00:00.000Z',
        formId: 'form-obs',
      }),
      evidence('handbook', '2011-05-20', {
        type: 'P',
        title: 'Copy of organisation’s induction handbook',
        location: 'in office',
        description: '',
      }),
      evidence('gone', '2011-05-01', { deleted: true }),
    ],
    mappings: [
      { evidenceId: 'late', unitCode: 'F2', criterionKey: pc('F2', 'F2.1', 'F2.1.2') },
      { evidenceId: 'late', unitCode: 'F2', criterionKey: pc('F2', 'F2.1', 'F2.1.1') },
      { evidenceId: 'late', unitCode: 'F2', criterionKey: k('F2', 'f2a') },
      ...['F2.1.1', 'F2.1.2', 'F2.1.3', 'F2.1.4', 'F2.1.5'].map((id) => ({
        evidenceId: 'handbook',
        unitCode: 'F2',
        criterionKey: pc('F2', 'F2.1', id),
      })),
      { evidenceId: 'handbook', unitCode: 'F2', criterionKey: pc('F2', 'F2.2', 'F2.2') },
      { evidenceId: 'early', unitCode: 'F2', criterionKey: pc('F2', 'F2.1', 'F2.1.3') },
      { evidenceId: 'early', unitCode: 'A10', criterionKey: pc('A10', 'A10.1', 'A10.1'), deleted: true },
    ],
    signatures: [
      {
        id: 's1',
        personId: 'mary',
        typedName: 'M A Kail',
        role: 'iqa',
        signedAt: '2011-05-27T15:00:00.000Z',
        subjectId: 'late',
      },
    ],
  });
  const index = buildIndexOfEvidence(input, spec);

  it('numbers the evidence in the order it was recorded; deleted evidence keeps its number but is not listed', () => {
    expect(index.rows.map((r) => [r.number, r.evidenceId])).toEqual([
      [2, 'same-day-first'],
      [3, 'early'],
      [4, 'handbook'],
      [5, 'late'],
    ]);
    expect(index.svqTitle).toBe(spec.title);
    expect(index.candidate).toBe('Annie Clews');
    expect(evidenceNumbers(input).get('gone')).toBe(1);
    expect(evidenceNumbers(input).get('late')).toBe(5);
    expect(formEvidenceNumber(input, 'form-obs')).toBe(2);
    expect(formEvidenceNumber(input, 'no-such-form')).toBeNull();
  });

  it('keeps every number when back-dated evidence is added or an item is deleted', () => {
    const before = portfolio({
      evidence: [
        evidence('a', '2011-05-09', { createdAt: '2011-05-09T10:00:00.000Z' }),
        evidence('b', '2011-05-20', { createdAt: '2011-05-20T10:00:00.000Z' }),
        evidence('c', '2011-05-27', { createdAt: '2011-05-27T10:00:00.000Z', formId: 'form-c' }),
      ],
    });
    const numbersBefore = evidenceNumbers(before);
    expect([...numbersBefore]).toEqual([
      ['a', 1],
      ['b', 2],
      ['c', 3],
    ]);

    // Back-dated: dated before everything else, recorded last. It takes the next number.
    const backDated = portfolio({
      evidence: [...before.evidence, evidence('old', '2010-01-01', { createdAt: '2011-06-01T10:00:00.000Z' })],
    });
    expect([...evidenceNumbers(backDated)]).toEqual([
      ['a', 1],
      ['b', 2],
      ['c', 3],
      ['old', 4],
    ]);
    expect(buildIndexOfEvidence(backDated, spec).rows.map((r) => [r.number, r.evidenceId])).toEqual([
      [1, 'a'],
      [2, 'b'],
      [3, 'c'],
      [4, 'old'],
    ]);

    // Deleted, as a flagged row or as a tombstone beside the live rows (what storage's loadPortfolio gives).
    const flagged = portfolio({ evidence: before.evidence.map((e) => (e.id === 'b' ? { ...e, deleted: true } : e)) });
    const tombstoned: FormsInput = {
      ...portfolio({ evidence: before.evidence.filter((e) => e.id !== 'b') }),
      evidenceTombstones: [{ id: 'b', createdAt: '2011-05-20T10:00:00.000Z' }],
    };
    for (const after of [flagged, tombstoned]) {
      expect(evidenceNumbers(after).get('a')).toBe(1);
      expect(evidenceNumbers(after).get('c')).toBe(3);
      expect(formEvidenceNumber(after, 'form-c')).toBe(3);
      expect(buildIndexOfEvidence(after, spec).rows.map((r) => [r.number, r.evidenceId])).toEqual([
        [1, 'a'],
        [3, 'c'],
      ]);
      // A new item never reuses the deleted one's number.
      expect(evidenceNumbers({ ...after, evidence: [...after.evidence, evidence('d', '2011-06-02')] }).get('d')).toBe(
        4,
      );
    }
  });

  it('lists the units/elements each piece links to as the seed writes them', () => {
    const byId = new Map(index.rows.map((r) => [r.evidenceId, r]));
    expect(byId.get('late')?.links).toBe('F2.1.1, F2.1.2, f2a');
    expect(byId.get('late')?.units).toEqual(['F2']);
    expect(byId.get('handbook')?.links).toBe('F2.1 (all), F2.2');
    expect(byId.get('early')?.links).toBe('F2.1.3');
    expect(byId.get('same-day-first')?.links).toBe('');
  });

  it('says whether the item is in the portfolio, where it is kept if not, and who sampled it', () => {
    const byId = new Map(index.rows.map((r) => [r.evidenceId, r]));
    expect(byId.get('handbook')?.included).toBe('No (in office)');
    expect(byId.get('late')?.included).toBe('Yes');
    expect(byId.get('late')?.ivSampling).toBe('M A Kail 27/05/2011');
    expect(byId.get('early')?.ivSampling).toBe('');
    expect(byId.get('early')?.typeLabel).toBe('Witness testimony');
  });

  it('writes a fully covered element as "(all)" and keeps keys the spec does not know', () => {
    expect(coverageText(spec, [pc('F2', 'F2.1', 'F2.1.5'), 'F9|pc|F9.1|F9.1.1'])).toBe('F2.1.5, F9.1.1');
  });
});

describe('unit progress and sign-off record (generated)', () => {
  const input = portfolio({
    decisions: [
      signOff('d-f2-old', 'F2', 'jim', '2011-05-01'),
      signOff('d-f2', 'F2', 'jim', '2011-06-03', { signatureId: 'sig-f2' }),
      signOff('d-a10', 'A10', 'trainee', '2011-06-24'),
      signOff('d-b2', 'B2', 'trainee', '2011-07-29', { countersignedBy: 'jim' }),
      signOff('d-c3', 'C3', 'jim', '2011-07-29', { outcome: 'not-yet' }),
      signOff('d-d2', 'D2', 'jim', '2011-07-30', { deleted: true }),
      { ...signOff('d-crit', 'D3', 'jim', '2011-07-30'), kind: 'criterion', criterionKey: pc('D3', 'D3.1', 'D3.1') },
    ],
    signatures: [
      {
        id: 'sig-f2',
        personId: 'jim',
        typedName: 'J Sullivan',
        role: 'assessor',
        signedAt: '2011-06-03T10:00:00.000Z',
        subjectId: 'd-f2',
      },
    ],
  });
  const progress = buildUnitProgress(input, spec);

  it('splits the route into mandatory and option units in spec order', () => {
    expect(progress.mandatory.map((r) => r.unitCode)).toEqual(['F1', 'F2']);
    expect(progress.option.map((r) => r.unitCode)).toEqual(['A10', 'B2', 'C3', 'D2', 'D3']);
    expect(progress.mandatory[1]?.title).toBe('Follow the rules to deliver customer service');
    expect(progress.candidate).toBe('Annie Clews');
    expect(progress.assessor).toBe('Jim Sullivan');
    expect(progress.requirements[0]).toMatch(/two mandatory units and five option units/);
  });

  it('shows the latest sign-off per unit with the signed name and date; withdrawn, not-yet and criterion decisions do not count', () => {
    const row = (code: string) => [...progress.mandatory, ...progress.option].find((r) => r.unitCode === code)!;
    expect(row('F2')).toMatchObject({
      signedOff: true,
      assessorSignature: 'J Sullivan',
      date: '2011-06-03',
      decisionId: 'd-f2',
      countersignNeeded: false,
    });
    expect(row('F1').signedOff).toBe(false);
    expect(row('C3').signedOff).toBe(false);
    expect(row('D2').signedOff).toBe(false);
    expect(row('D3').signedOff).toBe(false);
    expect(progress.checklist.mandatory).toEqual([
      { unitCode: 'F1', completed: false },
      { unitCode: 'F2', completed: true },
    ]);
  });

  it('flags a sign-off by an assessor working towards their award until it is countersigned', () => {
    const row = (code: string) => progress.option.find((r) => r.unitCode === code)!;
    expect(row('A10')).toMatchObject({
      signedOff: true,
      assessorSignature: 'Tess Trainee',
      countersignNeeded: true,
      countersignedBy: '',
    });
    expect(row('B2')).toMatchObject({ signedOff: true, countersignNeeded: false, countersignedBy: 'Jim Sullivan' });
  });

  it('without a route, lists the mandatory units and any unit signed off', () => {
    const p = buildUnitProgress(
      portfolio({
        enrolment: { ...portfolio().enrolment, route: [] },
        decisions: [signOff('x', 'C3', 'jim', '2011-07-29')],
      }),
      spec,
    );
    expect(p.mandatory.map((r) => r.unitCode)).toEqual(['F1', 'F2']);
    expect(p.option.map((r) => r.unitCode)).toEqual(['C3']);
  });
});

describe('element achievement and knowledge evidence (computed grids)', () => {
  const input = portfolio({
    evidence: [
      evidence('obs', '2011-05-17', { type: 'O' }),
      evidence('ps', '2011-06-15', { type: 'RA' }),
      evidence('qa', '2011-05-27', { type: 'Q&A' }),
      evidence('sim', '2011-07-08', { type: 'O', simulation: true }),
    ],
    mappings: [
      { evidenceId: 'ps', unitCode: 'F2', criterionKey: pc('F2', 'F2.1', 'F2.1.1') },
      { evidenceId: 'obs', unitCode: 'F2', criterionKey: pc('F2', 'F2.1', 'F2.1.1') },
      { evidenceId: 'obs', unitCode: 'F2', criterionKey: pc('F2', 'F2.1', 'F2.1.2') },
      { evidenceId: 'obs', unitCode: 'F2', criterionKey: k('F2', 'f2a') },
      { evidenceId: 'qa', unitCode: 'F2', criterionKey: k('F2', 'f2a') },
      { evidenceId: 'ps', unitCode: 'F2', criterionKey: k('F2', 'f2a') },
      { evidenceId: 'sim', unitCode: 'F2', criterionKey: k('F2', 'f2d') },
    ],
  });

  it('dates each performance criterion every time competence was demonstrated', () => {
    const rec = buildElementAchievement(input, spec, { unitCode: 'F2', outcomeId: 'F2.1' });
    expect(rec.elements).toHaveLength(1);
    const el = rec.elements[0]!;
    expect(el.outcomeTitle).toBe('Follow your organisation’s customer service practices and procedures');
    expect(el.criteria.map((c) => c.ref)).toEqual(['F2.1.1', 'F2.1.2', 'F2.1.3', 'F2.1.4', 'F2.1.5']);
    expect(el.criteria[0]?.demonstrations.map((d) => [d.date, d.evidenceNumber])).toEqual([
      ['2011-05-17', 1],
      ['2011-06-15', 3],
    ]);
    expect(el.criteria[2]?.demonstrations).toEqual([]);
    expect(el.covered).toBe(false);
  });

  it('lists every element of the route’s units without a filter (an element printed without criteria is one row)', () => {
    const rec = buildElementAchievement(input, spec);
    const f22 = rec.elements.find((e) => e.outcomeId === 'F2.2');
    expect(f22?.criteria.map((c) => c.ref)).toEqual(['F2.2']);
    expect(rec.elements.map((e) => e.unitCode)).toEqual(expect.arrayContaining(['F1', 'F2', 'A10', 'D3']));
  });

  it('ticks the seed’s evidence-type columns per knowledge item', () => {
    const rec = buildKnowledgeEvidence(input, spec, 'F2');
    expect(rec.unitTitle).toBe('Follow the rules to deliver customer service');
    expect(rec.rows).toHaveLength(10);
    const f2a = rec.rows.find((r) => r.ref === 'f2a')!;
    expect(f2a.evidenceNumbers).toEqual([1, 2, 3]);
    expect(f2a.types).toMatchObject({ O: true, P: true, WT: false, S: false });
    expect(f2a.qaDates).toEqual(['2011-05-27']);
    const f2d = rec.rows.find((r) => r.ref === 'f2d')!;
    expect(f2d.types).toMatchObject({ O: true, S: true });
    expect(rec.rows.find((r) => r.ref === 'f2e')?.evidenceNumbers).toEqual([]);
  });
});

describe('contents checklist (generated)', () => {
  it('ticks nothing for an empty portfolio except the route-derived parts', () => {
    const list = buildContentsChecklist(portfolio(), spec);
    expect(list.items.map((i) => i.label)).toEqual([
      'Title page for the portfolio',
      'Personal profile',
      'Summary of the units',
      'Completed units',
      'Unit progress records',
      'Index of evidence (with cross-referencing information completed)',
      'Evidence (with reference numbers)',
    ]);
    const done = Object.fromEntries(list.items.map((i) => [i.label, i.completed]));
    expect(done['Title page for the portfolio']).toBe(false);
    expect(done['Summary of the units']).toBe(true);
    expect(done['Index of evidence (with cross-referencing information completed)']).toBe(false);
  });

  it('ticks each part once the records it needs exist', () => {
    const input = portfolio({
      forms: [
        { id: 't', formType: 'title-page', data: { name: 'Annie Clews' }, status: 'complete' },
        {
          id: 'p',
          formType: 'personal-profile',
          data: {
            address: '47 Park Avenue',
            previousExperience: 'cashier',
            currentJob: 'team lead',
            employerName: 'Seaworld',
          },
          status: 'complete',
        },
        { id: 'plan', formType: 'unit-assessment-plan', data: { unit: 'F2' }, status: 'complete' },
        { id: 'o', formType: 'observation', data: {}, status: 'draft' },
        { id: 'w', formType: 'witness-testimony', data: {}, status: 'draft' },
        { id: 's', formType: 'personal-statement', data: {}, status: 'draft' },
      ],
      evidence: [evidence('e1', '2011-05-14')],
      mappings: [{ evidenceId: 'e1', unitCode: 'F2', criterionKey: pc('F2', 'F2.1', 'F2.1.1') }],
      decisions: [signOff('d', 'F2', 'jim', '2011-06-03', { candidateSignatureId: 'cs' })],
    });
    const list = buildContentsChecklist(input, spec);
    for (const item of list.items) {
      expect(item.completed, item.label).toBe(true);
      for (const child of item.children) expect(child.completed, child.label).toBe(true);
    }
    expect(list.items.find((i) => i.label === 'Personal profile')?.children.map((c) => c.section)).toEqual([
      '2',
      '3',
      '3',
      '3',
    ]);
  });

  it('does not tick completed units while a countersignature is needed or a plan is missing', () => {
    const input = portfolio({
      decisions: [signOff('d', 'A10', 'trainee', '2011-06-24', { candidateSignatureId: 'cs' })],
    });
    const completed = buildContentsChecklist(input, spec).items.find((i) => i.label === 'Completed units')!;
    expect(completed.completed).toBe(false);
    expect(completed.children[0]?.detail).toBe('1 countersignature needed');
    expect(completed.children[2]?.detail).toBe('no plan for A10');
  });
});
