// The 13 recording forms of seed 001 (Edexcel SVQs in Customer Service, Section 4: Recording forms — "Level 2/3:
// Example form 1..13") as data: one definition per form type with the seed's own field labels, blank and
// validated form data, and the forms the seed shows as derived from other records (index of evidence, contents
// checklist, unit progress and sign-off record, element achievement and knowledge evidence grids) computed from
// a portfolio's records and its qualification spec. Pure: no React, no storage, no DOM.
import { describeRule } from '../rules/explain';
import { unitCriteria, type CriterionRef } from '../spec/criteria';
import { latestDecisions } from './progress';
import type { QualificationSpec, Unit } from '../spec/schema';
import {
  FORM_TYPES,
  type Decision,
  type Enrolment,
  type Evidence,
  type EvidenceTypeCode,
  type FormRecord,
  type FormType,
  type Mapping,
  type Person,
  type Role,
  type Signature,
} from '../records';

const SEED = '001_260af699cbd992bc.txt';

// ---------------------------------------------------------------- definitions

/**
 * text, textarea, date (YYYY-MM-DD), select (one of options), checkbox (a tick), unit (a unit code of the spec;
 * `multiple` for a list), element (an element/outcome id of the unit chosen in `unitField`; `multiple` for a
 * list), criteria (criterion keys of that unit), person (a name, suggested from the portfolio's people), table
 * (rows of `columns`), evidence-number (read-only: the evidence index number of the evidence recorded on this
 * form, computed from the index, never typed).
 */
export type FieldKind =
  | 'text'
  | 'textarea'
  | 'date'
  | 'select'
  | 'checkbox'
  | 'unit'
  | 'element'
  | 'criteria'
  | 'person'
  | 'table'
  | 'evidence-number';

export type ColumnKind = 'text' | 'textarea' | 'date' | 'checkbox' | 'element';

export interface FormColumn {
  key: string;
  /** The seed's column heading. */
  label: string;
  kind: ColumnKind;
  /** Added to the accessible name where the seed's heading alone is terse ("Q", "A"). */
  context?: string;
}

/** Where a blank form takes a value from, so nothing the portfolio already knows is typed again. */
export type Prefill = 'qualification' | 'level' | 'candidate' | 'assessor' | 'iqa';

export interface FormField {
  key: string;
  /** The seed's wording. */
  label: string;
  kind: FieldKind;
  /** select: the choices. */
  options?: readonly string[];
  /** table: the seed's columns. */
  columns?: readonly FormColumn[];
  /** table: blank rows a new form starts with. */
  rows?: number;
  required?: boolean;
  /** unit / element: a list rather than one. */
  multiple?: boolean;
  /** element / criteria (and element columns): the key of the unit field they belong to (default "unit"). */
  unitField?: string;
  /** criteria: which statements of the unit may be chosen (default all). */
  criteriaKind?: 'criterion' | 'knowledge';
  /** person: roles whose people are suggested. */
  roles?: readonly Role[];
  prefill?: Prefill;
  /** Printed beside the next half-width field, as the seed pairs e.g. "Assessor’s signature | Date". */
  half?: true;
  /** Added to the accessible name where the seed's label alone is ambiguous (e.g. which "Date"). */
  context?: string;
  hint?: string;
}

export interface FormSection {
  title: string;
  /** The seed prints no heading for this block. */
  untitled?: true;
  /** Fixed wording the seed prints in the block (a statement, an instruction). */
  note?: string;
  fields: readonly FormField[];
}

/** A table computed from the portfolio and printed inside a typed form (after its first section). */
export type DerivedGrid = 'pc-dates' | 'knowledge-evidence';

export interface FormDefinition {
  type: FormType;
  /** As the seed titles the form. */
  title: string;
  /** Where in seed 001 the form is (Level 2 and Level 3 worked examples). */
  seedRef: string;
  intro?: string;
  sections: readonly FormSection[];
  /** Wholly computed from the portfolio's records: never typed, no stored form. */
  generated?: true;
  /** Typed form with a computed grid (dates/evidence per criterion of the chosen unit). */
  grid?: DerivedGrid;
  /** The evidence type a filled-in form of this kind is. */
  evidenceType?: EvidenceTypeCode;
  /** A column key of the seed printed below the form. */
  columnKey?: readonly string[];
}

const ref = (n: number, l2: number, l3: number, title: string) =>
  `${SEED} — Section 4, Level 2: Example form ${n} — ${title} (line ${l2}); Level 3: Example form ${n} (line ${l3})`;

const svqTitleAndLevel: FormField = { key: 'svqTitle', label: 'SVQ title and level', kind: 'text', prefill: 'qualification' };
const candidate: FormField = { key: 'candidate', label: 'Candidate', kind: 'person', roles: ['candidate'], prefill: 'candidate', required: true };
const candidateName: FormField = { ...candidate, label: 'Candidate name' };
const assessor: FormField = { key: 'assessor', label: 'Assessor', kind: 'person', roles: ['assessor'], prefill: 'assessor' };
const unit: FormField = { key: 'unit', label: 'Unit', kind: 'unit', required: true };
const elements: FormField = { key: 'elements', label: 'Element(s)', kind: 'element', multiple: true };
const evidenceNumber: FormField = { key: 'evidenceNumber', label: 'Evidence index number', kind: 'evidence-number' };

/** A signature line and its date. Never prefilled: a name appears only when that person signs. */
function signature(who: 'assessor' | 'candidate' | 'iqa', label: string): FormField[] {
  const roles: Role[] = [who];
  return [
    { key: `${who}Signature`, label, kind: 'person', roles, half: true, hint: 'Type your name to sign' },
    { key: `${who}Date`, label: 'Date', kind: 'date', half: true, context: label },
  ];
}
const assessorSignature = signature('assessor', 'Assessor’s signature');
const candidateSignature = signature('candidate', 'Candidate’s signature');

const PLAN_COLUMNS = (activityLabel: string): FormColumn[] => [
  { key: 'element', label: 'Element', kind: 'element' },
  { key: 'activity', label: activityLabel, kind: 'textarea' },
  { key: 'typicalEvidence', label: 'Typical evidence', kind: 'textarea' },
  { key: 'workArea', label: 'Work area', kind: 'text' },
  { key: 'completionDate', label: 'Expected completion date', kind: 'date' },
  { key: 'links', label: 'Links to other units/elements', kind: 'text' },
];

const TICK_BOX_NOTE = 'Please tick (✓) the appropriate box.';
const AUTHENTIC = 'I can confirm the candidate’s evidence is authentic and accurate.';
const QUALIFIED_ASSESSOR: FormField = { key: 'qualifiedAssessor', label: 'Qualified as an assessor for workplace performance', kind: 'checkbox' };
const FAMILIAR: FormField = { key: 'familiarWithStandards', label: 'Familiar with the SVQ standards to which the candidate is working', kind: 'checkbox' };

/** Knowledge evidence record: the seed's "Type of evidence" columns and their key. */
export const KNOWLEDGE_EVIDENCE_COLUMNS = [
  { key: 'EI', label: 'EI', name: 'Evidence Index Number' },
  { key: 'O', label: 'O', name: 'Observation' },
  { key: 'P', label: 'P', name: 'Personal Statement' },
  { key: 'WT', label: 'WT', name: 'Witness Testimony' },
  { key: 'S', label: 'S', name: 'Simulation' },
  { key: 'APEL', label: 'APEL', name: 'Accreditation of Prior Experience and Learning' },
  { key: 'QA', label: 'Q&A Date', name: 'Questions & Answers' },
  { key: 'EWE', label: 'EWE', name: 'Expert Witness Evidence' },
  { key: 'PD', label: 'PD', name: 'Professional Discussion' },
] as const;
export type KnowledgeColumnKey = (typeof KNOWLEDGE_EVIDENCE_COLUMNS)[number]['key'];

const KNOWLEDGE_INTRO =
  'You must show that you have the knowledge and understanding for this unit. Your performance evidence might help to show this, but it is likely that you will need additional evidence (eg answers to questions). The National Occupational Standards detail the knowledge and understanding required to carry out competent practice for the performance described in this unit.\n\nWhen using the standards it is important to read the knowledge requirements in relation to expectations and requirements of your job role.\n\nYou need to show that you know, understand and can apply in practice:';

export const FORM_DEFINITIONS: readonly FormDefinition[] = [
  {
    type: 'title-page',
    title: 'Portfolio title page',
    seedRef: ref(1, 1905, 2934, 'Portfolio title page'),
    sections: [
      {
        title: 'Candidate',
        untitled: true,
        fields: [
          { key: 'name', label: 'Name', kind: 'person', roles: ['candidate'], prefill: 'candidate', required: true },
          { key: 'jobTitle', label: 'Job title', kind: 'text' },
          { key: 'employerName', label: 'Name of employer/training provider/college', kind: 'text' },
          { key: 'employerAddress', label: 'Their address', kind: 'textarea' },
          { key: 'employerPostcode', label: 'Postcode', kind: 'text', context: 'employer/training provider/college' },
          { key: 'phoneHome', label: 'Telephone number (Home)', kind: 'text', half: true },
          { key: 'phoneWork', label: 'Telephone number (Work)', kind: 'text', half: true },
          { key: 'email', label: 'Email address', kind: 'text', half: true },
          { key: 'fax', label: 'Fax number', kind: 'text', half: true },
        ],
      },
      {
        title: 'Qualification',
        untitled: true,
        fields: [
          { key: 'svq', label: 'SVQ', kind: 'text', prefill: 'qualification', required: true },
          { key: 'level', label: 'Level', kind: 'text', prefill: 'level' },
          { key: 'unitsSubmitted', label: 'Units submitted for assessment', kind: 'unit', multiple: true },
        ],
      },
      {
        title: 'Mentor and assessor',
        untitled: true,
        fields: [
          { key: 'mentor', label: 'Mentor', kind: 'person' },
          { key: 'mentorExperience', label: 'Please provide details of mentor’s experience', kind: 'textarea' },
          { key: 'assessor', label: 'Assessor', kind: 'person', roles: ['assessor'], prefill: 'assessor', half: true },
          { key: 'date', label: 'Date', kind: 'date', half: true },
        ],
      },
    ],
  },
  {
    type: 'personal-profile',
    title: 'Personal profile',
    seedRef: ref(2, 1946, 2986, 'Personal profile'),
    sections: [
      {
        title: 'Personal details',
        untitled: true,
        fields: [
          { key: 'name', label: 'Name', kind: 'person', roles: ['candidate'], prefill: 'candidate', required: true },
          { key: 'address', label: 'Address', kind: 'textarea' },
          { key: 'postcode', label: 'Postcode', kind: 'text' },
          { key: 'phoneHome', label: 'Telephone number (Home)', kind: 'text', half: true },
          { key: 'phoneWork', label: 'Telephone number (Work)', kind: 'text', half: true },
          { key: 'email', label: 'Email address', kind: 'text', half: true },
          { key: 'fax', label: 'Fax number', kind: 'text', half: true },
          { key: 'jobTitle', label: 'Job title', kind: 'text' },
        ],
      },
      {
        title: 'Relevant experience',
        fields: [
          { key: 'currentJob', label: 'Description of your current job', kind: 'textarea' },
          { key: 'previousExperience', label: 'Previous work experience or attach copy of a current CV', kind: 'textarea' },
          { key: 'qualifications', label: 'Qualifications and training and/or attach copy of a current CV', kind: 'textarea' },
          { key: 'interests', label: 'Voluntary work/interests', kind: 'textarea' },
        ],
      },
      {
        title: 'Employer/training provider/college',
        untitled: true,
        fields: [
          { key: 'employerName', label: 'Name of employer/training provider/college', kind: 'text' },
          { key: 'employerAddress', label: 'Address', kind: 'textarea', context: 'employer/training provider/college' },
          { key: 'employerPostcode', label: 'Postcode', kind: 'text', context: 'employer/training provider/college' },
          { key: 'employerPhone', label: 'Telephone number (Work)', kind: 'text', half: true, context: 'employer/training provider/college' },
          { key: 'employerFax', label: 'Fax number', kind: 'text', half: true, context: 'employer/training provider/college' },
          { key: 'employerEmail', label: 'Email address', kind: 'text', context: 'employer/training provider/college' },
          { key: 'businessType', label: 'Type of business, if employer', kind: 'textarea' },
          { key: 'staffNumber', label: 'Number of staff', kind: 'text' },
          { key: 'structure', label: 'Structure of organisation (including chart or diagram if available)', kind: 'textarea' },
        ],
      },
    ],
  },
  {
    type: 'contents-checklist',
    title: 'Contents checklist',
    seedRef: ref(3, 2035, 3069, 'Contents checklist'),
    generated: true,
    sections: [
      {
        title: 'Header',
        untitled: true,
        fields: [
          { key: 'svqTitle', label: 'SVQ title', kind: 'text' },
          { key: 'candidate', label: 'Candidate', kind: 'text' },
        ],
      },
      {
        title: 'Contents',
        untitled: true,
        fields: [
          {
            key: 'items',
            label: 'Contents',
            kind: 'table',
            columns: [
              { key: 'item', label: 'Contents', kind: 'text' },
              { key: 'completed', label: 'Completed?', kind: 'checkbox' },
              { key: 'section', label: 'Page/section number', kind: 'text' },
            ],
          },
        ],
      },
    ],
  },
  {
    type: 'index-of-evidence',
    title: 'Index of evidence',
    seedRef: ref(4, 2150, 3171, 'Index of evidence'),
    generated: true,
    sections: [
      {
        title: 'Header',
        untitled: true,
        fields: [
          { key: 'svqTitle', label: 'SVQ title and level', kind: 'text' },
          { key: 'candidate', label: 'Candidate', kind: 'text' },
        ],
      },
      {
        title: 'Evidence',
        untitled: true,
        fields: [
          {
            key: 'rows',
            label: 'Index of evidence',
            kind: 'table',
            columns: [
              { key: 'number', label: 'Evidence number', kind: 'text' },
              { key: 'description', label: 'Description of evidence', kind: 'text' },
              { key: 'included', label: 'Included in portfolio (Yes/No) If No, state location', kind: 'text' },
              { key: 'links', label: 'Units/elements evidence links to (give specific numbers, eg 5.2.1)', kind: 'text' },
              { key: 'ivSampling', label: 'Internal verifier signature and date of sampling', kind: 'text' },
            ],
          },
        ],
      },
    ],
  },
  {
    type: 'unit-assessment-plan',
    title: 'Unit assessment plan',
    seedRef: ref(5, 2256, 3269, 'Unit assessment plan'),
    sections: [
      {
        title: 'Header',
        untitled: true,
        fields: [
          { key: 'svqTitle', label: 'SVQ title', kind: 'text', prefill: 'qualification' },
          unit,
          { ...candidate, half: true },
          { ...assessor, half: true },
        ],
      },
      {
        title: 'Normal working activities performed',
        fields: [{ key: 'normalActivities', label: 'Normal working activities performed', kind: 'table', rows: 1, columns: PLAN_COLUMNS('Normal working activities performed') }],
      },
      {
        title: 'Activities needing to be performed',
        fields: [{ key: 'neededActivities', label: 'Activities needing to be performed', kind: 'table', rows: 1, columns: PLAN_COLUMNS('Activities needing to be performed') }],
      },
      {
        title: 'Additional comments and signatures',
        untitled: true,
        fields: [{ key: 'additionalComments', label: 'Additional comments', kind: 'textarea' }, ...assessorSignature, ...candidateSignature],
      },
    ],
  },
  {
    type: 'unit-progress-signoff',
    title: 'Unit progress and sign-off record',
    seedRef: ref(6, 2340, 3360, 'Unit progress and sign-off record'),
    generated: true,
    sections: [
      {
        title: 'Header',
        untitled: true,
        fields: [
          { key: 'svqTitle', label: 'SVQ title and level', kind: 'text' },
          { key: 'candidate', label: 'Candidate', kind: 'text' },
          { key: 'assessor', label: 'Assessor', kind: 'text' },
        ],
      },
      {
        title: 'Unit checklist',
        untitled: true,
        note: 'Unit checklist: list here the units you will be undertaking, then circle the reference number of each unit as you complete it.',
        fields: [
          { key: 'checklistMandatory', label: 'Mandatory', kind: 'text' },
          { key: 'checklistOption', label: 'Option', kind: 'text' },
        ],
      },
      ...(['Mandatory units', 'Option units'] as const).map(
        (title): FormSection => ({
          title,
          fields: [
            {
              key: title === 'Mandatory units' ? 'mandatory' : 'option',
              label: title,
              kind: 'table',
              columns: [
                { key: 'unit', label: 'Unit number', kind: 'text' },
                { key: 'title', label: 'Title', kind: 'text' },
                { key: 'assessorSignature', label: 'Assessor’s signature', kind: 'text' },
                { key: 'date', label: 'Date', kind: 'date' },
              ],
            },
          ],
        }),
      ),
    ],
  },
  {
    type: 'element-achievement',
    title: 'Element achievement record',
    seedRef: ref(7, 2425, 3451, 'Element achievement record'),
    grid: 'pc-dates',
    sections: [
      {
        title: 'Header',
        untitled: true,
        fields: [
          svqTitleAndLevel,
          candidate,
          assessor,
          { ...unit, label: 'Unit title' },
          { key: 'element', label: 'Element', kind: 'element', required: true },
        ],
      },
      {
        title: 'Evidence requirements',
        note: 'You must provide evidence of:',
        fields: [
          {
            key: 'evidenceRequirements',
            label: 'Evidence requirements',
            kind: 'table',
            rows: 0,
            columns: [
              { key: 'requirement', label: 'Evidence requirement', kind: 'textarea' },
              { key: 'date1', label: 'Date 1', kind: 'date' },
              { key: 'date2', label: 'Date 2', kind: 'date' },
              { key: 'date3', label: 'Date 3', kind: 'date' },
              { key: 'date4', label: 'Date 4', kind: 'date' },
            ],
          },
        ],
      },
      {
        title: 'Feedback and signatures',
        untitled: true,
        fields: [{ key: 'feedback', label: 'Feedback/comments', kind: 'textarea' }, ...assessorSignature, ...candidateSignature],
      },
    ],
  },
  {
    type: 'knowledge-evidence',
    title: 'Knowledge evidence record',
    seedRef: ref(8, 2524, 3520, 'Knowledge evidence record'),
    intro: KNOWLEDGE_INTRO,
    grid: 'knowledge-evidence',
    columnKey: KNOWLEDGE_EVIDENCE_COLUMNS.map((c) => `${c.label === 'Q&A Date' ? 'Q&A' : c.label} = ${c.name}`),
    sections: [
      {
        title: 'Header',
        untitled: true,
        fields: [svqTitleAndLevel, { ...candidate, half: true }, { ...assessor, half: true }, { ...unit, label: 'Unit title' }],
      },
      {
        title: 'Feedback and signatures',
        untitled: true,
        fields: [
          { key: 'feedback', label: 'Feedback/comments', kind: 'textarea' },
          {
            key: 'requirementsAchieved',
            label:
              'The candidate has satisfied the assessor and the internal verifier that the performance evidence and criteria, the range, and knowledge and understanding requirements have been achieved.',
            kind: 'checkbox',
          },
          ...candidateSignature,
          ...assessorSignature,
          ...signature('iqa', 'Internal verifier’s signature'),
        ],
      },
    ],
  },
  {
    type: 'personal-statement',
    title: 'Personal statement',
    seedRef: ref(9, 2704, 3788, 'Personal statement'),
    evidenceType: 'RA',
    sections: [
      {
        title: 'Header',
        untitled: true,
        fields: [svqTitleAndLevel, unit, candidate, { key: 'purpose', label: 'Purpose of statement', kind: 'textarea' }, evidenceNumber],
      },
      {
        title: 'Statement',
        untitled: true,
        fields: [
          {
            key: 'statements',
            label: 'Statement',
            kind: 'table',
            rows: 1,
            required: true,
            columns: [
              { key: 'date', label: 'Date', kind: 'date' },
              { key: 'evidenceIndex', label: 'Evidence index number', kind: 'text' },
              { key: 'details', label: 'Details of statement', kind: 'textarea' },
              { key: 'links', label: 'Links to other evidence (enter numbers)', kind: 'text' },
              { key: 'covered', label: 'Units, elements and PCs covered', kind: 'text' },
            ],
          },
        ],
      },
      { title: 'Signatures', untitled: true, fields: [...candidateSignature, ...assessorSignature] },
    ],
  },
  {
    type: 'observation',
    title: 'Observation record',
    seedRef: ref(10, 2755, 3829, 'Observation record'),
    evidenceType: 'O',
    sections: [
      {
        title: 'Header',
        untitled: true,
        fields: [
          svqTitleAndLevel,
          { ...unit, label: 'Unit/element(s)' },
          elements,
          { ...candidate, half: true },
          { key: 'date', label: 'Date of observation', kind: 'date', required: true, half: true },
          evidenceNumber,
        ],
      },
      {
        title: 'Observation',
        untitled: true,
        fields: [
          { key: 'activities', label: 'Skills/activities observed', kind: 'textarea', required: true, half: true },
          { key: 'pcsCovered', label: 'PCs and range covered', kind: 'criteria', criteriaKind: 'criterion', half: true },
          { key: 'knowledgeCovered', label: 'Knowledge and understanding apparent from this observation', kind: 'criteria', criteriaKind: 'knowledge' },
          { key: 'knowledgeNotes', label: 'Knowledge and understanding apparent from this observation: notes', kind: 'textarea' },
          { key: 'otherUnits', label: 'Other units/elements to which this evidence may contribute', kind: 'textarea' },
          { key: 'feedback', label: 'Assessor comments and feedback to candidate', kind: 'textarea' },
          { key: 'performanceSatisfactory', label: 'I can confirm the candidate’s performance was satisfactory.', kind: 'checkbox' },
        ],
      },
      { title: 'Signatures', untitled: true, fields: [...assessorSignature, ...candidateSignature] },
    ],
  },
  {
    type: 'witness-testimony',
    title: 'Witness testimony',
    seedRef: ref(11, 2800, 3874, 'Witness testimony'),
    evidenceType: 'WT',
    sections: [
      {
        title: 'Header',
        untitled: true,
        fields: [
          svqTitleAndLevel,
          candidateName,
          evidenceNumber,
          { key: 'relatesTo', label: 'Where applicable, evidence number to which this testimony relates', kind: 'text' },
          unit,
          elements,
          { key: 'range', label: 'Range', kind: 'text' },
          { key: 'date', label: 'Date of evidence', kind: 'date', required: true },
          { key: 'witnessName', label: 'Witness name', kind: 'person', roles: ['witness', 'expert-witness'], required: true },
          { key: 'relationship', label: 'Relationship to candidate', kind: 'text' },
        ],
      },
      {
        title: 'Testimony',
        untitled: true,
        fields: [
          { key: 'details', label: 'Details of testimony', kind: 'textarea', required: true },
          { key: 'authentic', label: AUTHENTIC, kind: 'checkbox' },
          { key: 'witnessSignature', label: 'Witness signature', kind: 'person', roles: ['witness', 'expert-witness'] },
          { key: 'signName', label: 'Name', kind: 'text', half: true, context: 'witness' },
          { key: 'signDate', label: 'Date', kind: 'date', half: true, context: 'Witness signature' },
          { key: 'phone', label: 'Contact telephone number', kind: 'text' },
        ],
      },
      { title: TICK_BOX_NOTE, fields: [QUALIFIED_ASSESSOR, FAMILIAR] },
    ],
  },
  {
    type: 'expert-witness',
    title: 'Expert witness evidence record',
    seedRef: ref(12, 2847, 3923, 'Expert witness evidence record'),
    evidenceType: 'EWT',
    sections: [
      {
        title: 'Header',
        untitled: true,
        fields: [
          svqTitleAndLevel,
          candidateName,
          evidenceNumber,
          { key: 'relatesTo', label: 'Where applicable, evidence number to which this testimony relates', kind: 'text' },
          unit,
          elements,
          { key: 'date', label: 'Date of evidence', kind: 'date', required: true },
          { key: 'witnessName', label: 'Expert witness name', kind: 'person', roles: ['expert-witness'], required: true },
          { key: 'relationship', label: 'Relationship to candidate', kind: 'text' },
        ],
      },
      {
        title: 'Testimony',
        untitled: true,
        fields: [
          { key: 'details', label: 'Details of testimony', kind: 'textarea', required: true },
          { key: 'authentic', label: AUTHENTIC, kind: 'checkbox' },
          { key: 'witnessSignature', label: 'Expert witness signature', kind: 'person', roles: ['expert-witness'] },
          { key: 'signName', label: 'Name', kind: 'text', half: true, context: 'expert witness' },
          { key: 'signDate', label: 'Date', kind: 'date', half: true, context: 'Expert witness signature' },
          { key: 'phone', label: 'Contact telephone number', kind: 'text' },
        ],
      },
      {
        title: TICK_BOX_NOTE,
        fields: [
          QUALIFIED_ASSESSOR,
          { key: 'professionalRole', label: 'Relevant professional work role that involves evaluating everyday staff practice', kind: 'checkbox' },
          { key: 'currentExpertise', label: 'Current expertise', kind: 'checkbox' },
          FAMILIAR,
        ],
      },
    ],
  },
  {
    type: 'questions-answers',
    title: 'Record of questions and candidate’s answers',
    seedRef: ref(13, 2897, 3974, 'Record of questions and candidate’s answers'),
    evidenceType: 'Q&A',
    sections: [
      {
        title: 'Header',
        untitled: true,
        fields: [
          svqTitleAndLevel,
          candidateName,
          { ...unit, half: true },
          { ...elements, half: true },
          evidenceNumber,
          { key: 'circumstances', label: 'Circumstances of assessment', kind: 'textarea' },
        ],
      },
      {
        title: 'List of questions and candidate’s responses',
        fields: [
          {
            key: 'questions',
            label: 'List of questions and candidate’s responses',
            kind: 'table',
            rows: 1,
            required: true,
            columns: [
              { key: 'question', label: 'Q', kind: 'textarea', context: 'question asked' },
              { key: 'answer', label: 'A', kind: 'textarea', context: 'candidate’s answer' },
            ],
          },
        ],
      },
      { title: 'Signatures', untitled: true, fields: [...assessorSignature, ...candidateSignature] },
    ],
  },
];

const BY_TYPE = new Map(FORM_DEFINITIONS.map((d) => [d.type, d]));

export function formDefinition(type: FormType): FormDefinition {
  const def = BY_TYPE.get(type);
  if (!def) throw new Error(`No form definition for ${type}`);
  return def;
}

export const isFormType = (value: string): value is FormType => (FORM_TYPES as readonly string[]).includes(value);

/** Every field of a definition, in order. */
export const formFields = (def: FormDefinition): FormField[] => def.sections.flatMap((s) => s.fields);

// ---------------------------------------------------------------- form data

export type TableRow = Record<string, string | boolean>;
export type FormValue = string | boolean | string[] | TableRow[];
export type FormData = Record<string, FormValue>;

const isList = (f: FormField) => f.kind === 'criteria' || ((f.kind === 'unit' || f.kind === 'element') && f.multiple === true);

export function emptyRow(columns: readonly FormColumn[]): TableRow {
  return Object.fromEntries(columns.map((c) => [c.key, c.kind === 'checkbox' ? false : '']));
}

function emptyValue(f: FormField): FormValue | undefined {
  if (f.kind === 'evidence-number') return undefined;
  if (f.kind === 'checkbox') return false;
  if (isList(f)) return [];
  if (f.kind === 'table') return Array.from({ length: f.rows ?? 0 }, () => emptyRow(f.columns ?? []));
  return '';
}

/** A blank form: every typed field present with its empty value (computed fields are never stored). */
export function emptyFormData(type: FormType): FormData {
  const data: FormData = {};
  for (const f of formFields(formDefinition(type))) {
    const v = emptyValue(f);
    if (v !== undefined) data[f.key] = v;
  }
  return data;
}

/** Reads stored form data tolerantly: missing fields get their empty value, wrong shapes are coerced, unknown keys kept. */
export function normalizeFormData(type: FormType, raw: Record<string, unknown> | undefined): FormData {
  const data: FormData = {};
  for (const [k, v] of Object.entries(raw ?? {})) {
    if (typeof v === 'string' || typeof v === 'boolean') data[k] = v;
  }
  for (const f of formFields(formDefinition(type))) {
    const v = raw?.[f.key];
    const empty = emptyValue(f);
    if (empty === undefined) {
      delete data[f.key];
      continue;
    }
    if (f.kind === 'checkbox') data[f.key] = v === true;
    else if (isList(f)) data[f.key] = Array.isArray(v) ? v.filter((x): x is string => typeof x === 'string') : typeof v === 'string' && v ? [v] : [];
    else if (f.kind === 'table') {
      const cols = f.columns ?? [];
      data[f.key] = Array.isArray(v)
        ? v
            .filter((r): r is Record<string, unknown> => typeof r === 'object' && r !== null)
            .map((r) => Object.fromEntries(cols.map((c) => [c.key, c.kind === 'checkbox' ? r[c.key] === true : typeof r[c.key] === 'string' ? (r[c.key] as string) : ''])))
        : empty;
    } else data[f.key] = typeof v === 'string' ? v : Array.isArray(v) ? v.join(', ') : '';
  }
  return data;
}

export interface PrefillContext {
  spec: QualificationSpec | null;
  candidateName: string;
  assessorName: string;
  iqaName: string;
}

/** A blank form with what the portfolio already knows filled in (qualification, candidate, assessor). */
export function prefillFormData(type: FormType, ctx: PrefillContext): FormData {
  const data = emptyFormData(type);
  for (const f of formFields(formDefinition(type))) {
    if (!f.prefill) continue;
    const value =
      f.prefill === 'qualification'
        ? (ctx.spec?.title ?? '')
        : f.prefill === 'level'
          ? ctx.spec
            ? `${ctx.spec.framework ? `${ctx.spec.framework} level` : 'Level'} ${ctx.spec.level ?? ''}`.trim()
            : ''
          : f.prefill === 'candidate'
            ? ctx.candidateName
            : f.prefill === 'assessor'
              ? ctx.assessorName
              : ctx.iqaName;
    data[f.key] = value;
  }
  return data;
}

export interface FieldProblem {
  key: string;
  message: string;
}

const DATE = /^\d{4}-\d{2}-\d{2}$/;
const isRealDate = (s: string) => DATE.test(s) && !Number.isNaN(Date.parse(`${s}T00:00:00Z`)) && new Date(`${s}T00:00:00Z`).toISOString().startsWith(s);

function hasValue(v: unknown): boolean {
  if (typeof v === 'string') return v.trim() !== '';
  if (typeof v === 'boolean') return v;
  if (Array.isArray(v)) return v.some((x) => (typeof x === 'object' && x !== null ? Object.values(x).some(hasValue) : hasValue(x)));
  return false;
}

/** Missing required fields and malformed dates, in form order. */
export function validateFormData(type: FormType, data: Record<string, unknown>): FieldProblem[] {
  const problems: FieldProblem[] = [];
  for (const f of formFields(formDefinition(type))) {
    if (f.kind === 'evidence-number') continue;
    const v = data[f.key];
    if (f.required && !hasValue(v)) {
      problems.push({ key: f.key, message: f.kind === 'table' ? `${f.label}: fill in at least one row` : `${f.label} is required` });
      continue;
    }
    if (f.kind === 'date' && typeof v === 'string' && v !== '' && !isRealDate(v)) {
      problems.push({ key: f.key, message: `${f.context ? `${f.label} (${f.context})` : f.label} must be a date (YYYY-MM-DD)` });
    }
    if (f.kind === 'table' && Array.isArray(v)) {
      v.forEach((row, i) => {
        for (const c of f.columns ?? []) {
          const cell = (row as Record<string, unknown>)?.[c.key];
          if (c.kind === 'date' && typeof cell === 'string' && cell !== '' && !isRealDate(cell)) {
            problems.push({ key: `${f.key}.${i}.${c.key}`, message: `${f.label}, row ${i + 1}: ${c.label} must be a date (YYYY-MM-DD)` });
          }
        }
      });
    }
  }
  return problems;
}

/** The date as the seed's forms print it: day.month.year. */
export function formatFormDate(iso: string): string {
  const m = /^(\d{4})-(\d{2})-(\d{2})/.exec(iso);
  return m ? `${m[3]}.${m[2]}.${m[1]}` : iso;
}

/** "Observation record — F2 — 14.05.2011": a form's title for lists. */
export function formTitle(type: FormType, data: Record<string, unknown>): string {
  const def = formDefinition(type);
  const fields = formFields(def);
  const parts = [def.title];
  const unitField = fields.find((f) => f.kind === 'unit');
  const unitValue = unitField ? data[unitField.key] : undefined;
  const units = Array.isArray(unitValue) ? unitValue.filter((x) => typeof x === 'string') : typeof unitValue === 'string' && unitValue ? [unitValue] : [];
  if (units.length) parts.push(units.join(', '));
  const dateField = fields.find((f) => f.kind === 'date' && !f.key.endsWith('Date') && hasValue(data[f.key])) ?? fields.find((f) => f.kind === 'date' && hasValue(data[f.key]));
  if (dateField) parts.push(formatFormDate(String(data[dateField.key])));
  return parts.join(' — ');
}

// ---------------------------------------------------------------- portfolio input of the derived forms

type Deletable = { deleted?: boolean };
/** The records the derived forms read: a subset of a loaded portfolio (storage's PortfolioData fits). */
export interface FormsInput {
  enrolment: Pick<Enrolment, 'candidateId' | 'assessorId' | 'iqaId' | 'route'>;
  people: ReadonlyArray<Pick<Person, 'id' | 'name' | 'roles' | 'assessorStatus'>>;
  evidence: ReadonlyArray<Pick<Evidence, 'id' | 'type' | 'simulation' | 'title' | 'description' | 'date' | 'location' | 'mediaIds' | 'formId' | 'createdAt'> & Deletable>;
  mappings: ReadonlyArray<Pick<Mapping, 'evidenceId' | 'unitCode' | 'criterionKey'> & Deletable>;
  decisions: ReadonlyArray<
    Pick<Decision, 'id' | 'kind' | 'unitCode' | 'criterionKey' | 'outcome' | 'assessorId' | 'date' | 'signatureId' | 'countersignedBy' | 'candidateSignatureId' | 'updatedAt'> &
      Deletable
  >;
  signatures: ReadonlyArray<Pick<Signature, 'id' | 'personId' | 'typedName' | 'role' | 'signedAt' | 'subjectId'> & Deletable>;
  forms: ReadonlyArray<Pick<FormRecord, 'id' | 'formType' | 'data' | 'status'> & Deletable>;
  /**
   * Deleted (tombstoned) evidence of the portfolio, when `evidence` holds live items only: it keeps its evidence
   * index number, so deleting an item never renumbers the ones after it.
   */
  evidenceTombstones?: ReadonlyArray<Pick<Evidence, 'id' | 'createdAt'>>;
}

const live = <T extends Deletable>(rows: ReadonlyArray<T>): T[] => rows.filter((r) => !r.deleted);

const personName = (input: FormsInput, id: string | null | undefined) => (id ? (input.people.find((p) => p.id === id)?.name ?? '') : '');

export function candidateNameOf(input: FormsInput): string {
  return personName(input, input.enrolment.candidateId);
}

/** What a new form is prefilled with for this portfolio. */
export function prefillContext(input: FormsInput, spec: QualificationSpec | null): PrefillContext {
  return {
    spec,
    candidateName: candidateNameOf(input),
    assessorName: personName(input, input.enrolment.assessorId),
    iqaName: personName(input, input.enrolment.iqaId),
  };
}

// ---------------------------------------------------------------- evidence numbers and criterion references

/** The order evidence is numbered in: when it was recorded, then id (so the order is total). */
const byCreation = (a: { createdAt: string; id: string }, b: { createdAt: string; id: string }) => a.createdAt.localeCompare(b.createdAt) || a.id.localeCompare(b.id);

/** Live evidence in index order, i.e. by evidence index number. */
export function evidenceInIndexOrder<E extends FormsInput['evidence'][number]>(evidence: ReadonlyArray<E>): E[] {
  return live(evidence).sort(byCreation);
}

/**
 * Evidence id → its evidence index number (1, 2, …). Numbers are stable, because forms cite them in typed
 * fields: evidence is numbered in the order it was recorded (createdAt, then id), whatever its date, and
 * deleted evidence (deleted rows in `evidence` and `evidenceTombstones`) keeps its number, so adding back-dated
 * evidence or deleting an item never renumbers the others. Numbers of deleted items are never reused.
 */
export function evidenceNumbers(input: Pick<FormsInput, 'evidence' | 'evidenceTombstones'>): Map<string, number> {
  const all = new Map<string, { id: string; createdAt: string }>();
  for (const e of input.evidenceTombstones ?? []) all.set(e.id, e);
  for (const e of input.evidence) all.set(e.id, e);
  return new Map([...all.values()].sort(byCreation).map((e, i) => [e.id, i + 1]));
}

/** The evidence index number of the evidence recorded on a form, or null if none is recorded on it yet. */
export function formEvidenceNumber(input: Pick<FormsInput, 'evidence' | 'evidenceTombstones'>, formId: string): number | null {
  const numbers = evidenceNumbers(input);
  const ev = evidenceInIndexOrder(input.evidence).find((e) => e.formId === formId);
  return ev ? (numbers.get(ev.id) ?? null) : null;
}

/** A unit code as a prefix: "F2", "BUS59", and "Unit 1" for a bare number. */
const unitPrefix = (code: string) => (/^\d/.test(code) ? `Unit ${code}` : code);
/** Whether an id already carries its unit code ("F2.1.1", "f2a"); never for numeric codes ("1" vs "1.1"). */
const carriesUnit = (id: string, code: string) => /[a-z]/i.test(code) && id.toLowerCase().startsWith(code.toLowerCase());

/** The short reference an assessor writes: "F2.1.1", "F2.2", "f2a"; unit-prefixed where the id alone is ambiguous ("Unit 1 AC 1.1"). */
export function shortRef(c: CriterionRef): string {
  return carriesUnit(c.id, c.unitCode) ? c.id : `${unitPrefix(c.unitCode)} ${c.label}`;
}

/**
 * The units/elements a set of criterion keys links to, as the seed writes them: "F2.1.1, F2.1.2", an element
 * fully covered as "F2.1 (all)", knowledge as "f2a"; keys the spec no longer has are shown as stored.
 */
export function coverageText(spec: QualificationSpec, keys: Iterable<string>): string {
  const wanted = new Set(keys);
  const parts: string[] = [];
  const known = new Set<string>();
  for (const u of spec.units) {
    const refs = unitCriteria(u);
    for (const r of refs) if (wanted.has(r.key)) known.add(r.key);
    const outcomeIds = [...new Set(refs.filter((r) => r.kind === 'criterion').map((r) => r.outcomeId))];
    for (const o of outcomeIds) {
      const inOutcome = refs.filter((r) => r.kind === 'criterion' && r.outcomeId === o);
      const hit = inOutcome.filter((r) => wanted.has(r.key));
      if (hit.length === 0) continue;
      if (hit.length === inOutcome.length && inOutcome.length > 1) {
        const outcomeRef = o && carriesUnit(o, u.code) ? o : `${unitPrefix(u.code)} ${u.outcomes.find((x) => x.id === o)?.kind === 'learning-outcome' ? 'LO' : ''}${o ?? ''}`;
        parts.push(`${outcomeRef} (all)`);
      } else parts.push(...hit.map(shortRef));
    }
    parts.push(...refs.filter((r) => r.kind === 'knowledge' && wanted.has(r.key)).map(shortRef));
  }
  for (const k of wanted) if (!known.has(k)) parts.push(k.split('|').pop() ?? k);
  return parts.join(', ');
}

// ---------------------------------------------------------------- index of evidence (form 4)

export interface IndexOfEvidenceRow {
  number: number;
  evidenceId: string;
  /** Description of evidence: the evidence's title. */
  description: string;
  /** Type and date, printed under the description. */
  type: EvidenceTypeCode;
  typeLabel: string;
  date: string;
  simulation: boolean;
  /** "Yes", or "No (where it is kept)": see isInPortfolio. */
  included: string;
  /** Criterion keys it is mapped to, in spec order. */
  criterionKeys: string[];
  units: string[];
  /** Units/elements evidence links to, as the seed writes them. */
  links: string;
  /** Internal verifier signature and date of sampling ("" until an IV has sampled it). */
  ivSampling: string;
}

export interface IndexOfEvidence {
  svqTitle: string;
  candidate: string;
  rows: IndexOfEvidenceRow[];
}

const TYPE_LABELS: Record<EvidenceTypeCode, string> = {
  O: 'Observation',
  'Q&A': 'Questions and answers',
  P: 'Product',
  RA: 'Personal statement',
  PD: 'Professional discussion',
  WT: 'Witness testimony',
  EWT: 'Expert witness testimony',
  RPL: 'Recognition of prior learning',
};

function isIvSignature(input: FormsInput, s: FormsInput['signatures'][number]): boolean {
  const role = s.role.toLowerCase();
  if (role === 'iqa' || role.includes('internal verifier') || role.includes('internal quality')) return true;
  const person = s.personId ? input.people.find((p) => p.id === s.personId) : undefined;
  return person?.roles.includes('iqa') === true && s.personId === input.enrolment.iqaId;
}

/**
 * "Included in portfolio": the item itself is in it — media attached, recorded on a form, or (for records that
 * are their own evidence: observation, Q&A, statements, testimony, discussion) written into the description.
 * A product or prior-learning item with nothing attached is held elsewhere: "No (<location>)".
 */
function isInPortfolio(e: Pick<Evidence, 'type' | 'mediaIds' | 'formId' | 'description'>): boolean {
  if (e.mediaIds.length > 0 || e.formId !== null) return true;
  return e.type !== 'P' && e.type !== 'RPL' && e.description.trim() !== '';
}

/** Form 4, computed: every piece of live evidence, by its (stable) evidence index number, with the units/criteria it is mapped to. */
export function buildIndexOfEvidence(input: FormsInput, spec: QualificationSpec): IndexOfEvidence {
  const order = new Map<string, number>();
  let i = 0;
  for (const u of spec.units) for (const c of unitCriteria(u)) order.set(c.key, i++);
  const mappings = live(input.mappings);
  const signatures = live(input.signatures);
  const numbers = evidenceNumbers(input);
  const rows = evidenceInIndexOrder(input.evidence).map((e): IndexOfEvidenceRow => {
    const mine = mappings.filter((m) => m.evidenceId === e.id);
    const keys = [...new Set(mine.map((m) => m.criterionKey))].sort((a, b) => (order.get(a) ?? Infinity) - (order.get(b) ?? Infinity) || a.localeCompare(b));
    const units = [...new Set(mine.map((m) => m.unitCode))].sort((a, b) => spec.units.findIndex((u) => u.code === a) - spec.units.findIndex((u) => u.code === b));
    const inPortfolio = isInPortfolio(e);
    const iv = signatures.filter((s) => s.subjectId === e.id && isIvSignature(input, s)).sort((a, b) => b.signedAt.localeCompare(a.signedAt))[0];
    return {
      number: numbers.get(e.id) ?? 0,
      evidenceId: e.id,
      description: e.title,
      type: e.type,
      typeLabel: TYPE_LABELS[e.type],
      date: e.date,
      simulation: e.simulation,
      included: inPortfolio ? 'Yes' : e.location.trim() ? `No (${e.location.trim()})` : 'No',
      criterionKeys: keys,
      units,
      links: coverageText(spec, keys),
      ivSampling: iv ? `${iv.typedName} ${formatFormDate(iv.signedAt.slice(0, 10))}` : '',
    };
  });
  return { svqTitle: spec.title, candidate: candidateNameOf(input), rows };
}

// ---------------------------------------------------------------- unit progress and sign-off record (form 6)

export interface UnitProgressRecordRow {
  unitCode: string;
  title: string;
  signedOff: boolean;
  /** Assessor's signature: the signed name, or the assessor's name. */
  assessorSignature: string;
  assessorId: string | null;
  date: string;
  decisionId: string | null;
  /** Signed off by an assessor working towards their award and not yet countersigned. */
  countersignNeeded: boolean;
  countersignedBy: string;
}

export interface UnitProgressRecord {
  svqTitle: string;
  candidate: string;
  assessor: string;
  /** The rules of combination in the seed's words. */
  requirements: string[];
  checklist: { mandatory: Array<{ unitCode: string; completed: boolean }>; option: Array<{ unitCode: string; completed: boolean }> };
  mandatory: UnitProgressRecordRow[];
  option: UnitProgressRecordRow[];
}

/** The sign-off that stands for each unit: the latest "met" unit sign-off. */
function latestSignOffs(input: FormsInput): Map<string, FormsInput['decisions'][number]> {
  return latestDecisions(input.decisions.filter((d) => d.outcome === 'met'), 'unit-signoff', (d) => d.unitCode);
}

function isMandatory(spec: QualificationSpec, u: Unit): boolean {
  return spec.groups.some((g) => g.id === u.group && g.kind === 'mandatory');
}

/** Form 6, computed: the route's units with their sign-offs (assessor, date, countersignature still needed). */
export function buildUnitProgress(input: FormsInput, spec: QualificationSpec): UnitProgressRecord {
  const signOffs = latestSignOffs(input);
  const route = new Set(input.enrolment.route);
  if (route.size === 0) for (const u of spec.units) if (isMandatory(spec, u)) route.add(u.code);
  for (const code of signOffs.keys()) route.add(code);
  const units = spec.units.filter((u) => route.has(u.code));
  const signatures = live(input.signatures);
  const row = (u: Unit): UnitProgressRecordRow => {
    const d = signOffs.get(u.code);
    const assessorPerson = d ? input.people.find((p) => p.id === d.assessorId) : undefined;
    const signed = d?.signatureId ? signatures.find((s) => s.id === d.signatureId) : undefined;
    return {
      unitCode: u.code,
      title: u.title,
      signedOff: !!d,
      assessorSignature: d ? (signed?.typedName ?? assessorPerson?.name ?? d.assessorId) : '',
      assessorId: d?.assessorId ?? null,
      date: d?.date ?? '',
      decisionId: d?.id ?? null,
      countersignNeeded: !!d && assessorPerson?.assessorStatus === 'working-towards' && !d.countersignedBy,
      countersignedBy: d?.countersignedBy ? personName(input, d.countersignedBy) || d.countersignedBy : '',
    };
  };
  const mandatory = units.filter((u) => isMandatory(spec, u)).map(row);
  const option = units.filter((u) => !isMandatory(spec, u)).map(row);
  const requirements = [...new Set(spec.rules.map((r) => r.text ?? describeRule(spec, r)))];
  return {
    svqTitle: spec.title,
    candidate: candidateNameOf(input),
    assessor: personName(input, input.enrolment.assessorId),
    requirements,
    checklist: {
      mandatory: mandatory.map((r) => ({ unitCode: r.unitCode, completed: r.signedOff })),
      option: option.map((r) => ({ unitCode: r.unitCode, completed: r.signedOff })),
    },
    mandatory,
    option,
  };
}

// ---------------------------------------------------------------- element achievement record (form 7)

export interface Demonstration {
  date: string;
  evidenceId: string;
  evidenceNumber: number;
}

export interface ElementCriterionRow {
  key: string;
  /** "F2.1.1" */
  ref: string;
  text: string;
  /** Each time competence was demonstrated: the dates of the evidence mapped to the criterion. */
  demonstrations: Demonstration[];
}

export interface ElementAchievement {
  unitCode: string;
  unitTitle: string;
  outcomeId: string;
  outcomeTitle: string;
  /** "Element", "Learning outcome" … as the spec calls it. */
  outcomeKind: string;
  criteria: ElementCriterionRow[];
  /** Every criterion has been demonstrated at least once. */
  covered: boolean;
}

export interface ElementAchievementRecord {
  svqTitle: string;
  candidate: string;
  assessor: string;
  elements: ElementAchievement[];
}

const OUTCOME_KIND_LABEL = { element: 'Element', 'learning-outcome': 'Learning outcome', 'performance-group': 'Performance' } as const;

function demonstrationsByKey(input: FormsInput): Map<string, Demonstration[]> {
  const numbers = evidenceNumbers(input);
  const evidence = new Map(live(input.evidence).map((e) => [e.id, e]));
  const out = new Map<string, Demonstration[]>();
  for (const m of live(input.mappings)) {
    const e = evidence.get(m.evidenceId);
    if (!e) continue;
    const list = out.get(m.criterionKey) ?? [];
    if (!list.some((d) => d.evidenceId === e.id)) list.push({ date: e.date, evidenceId: e.id, evidenceNumber: numbers.get(e.id) ?? 0 });
    out.set(m.criterionKey, list);
  }
  for (const list of out.values()) list.sort((a, b) => a.date.localeCompare(b.date) || a.evidenceNumber - b.evidenceNumber);
  return out;
}

/**
 * Form 7, computed: per element, each performance criterion with the dates competence was demonstrated (the
 * evidence mapped to it). Without a filter: every element of the route's units.
 */
export function buildElementAchievement(
  input: FormsInput,
  spec: QualificationSpec,
  filter: { unitCode?: string; outcomeId?: string } = {},
): ElementAchievementRecord {
  const demos = demonstrationsByKey(input);
  const codes = filter.unitCode ? [filter.unitCode] : input.enrolment.route.length ? input.enrolment.route : [...new Set(live(input.mappings).map((m) => m.unitCode))];
  const elements: ElementAchievement[] = [];
  for (const u of spec.units.filter((x) => codes.includes(x.code))) {
    const refs = unitCriteria(u).filter((r) => r.kind === 'criterion');
    for (const o of u.outcomes) {
      if (filter.outcomeId && o.id !== filter.outcomeId) continue;
      const criteria = refs
        .filter((r) => r.outcomeId === o.id)
        .map((r): ElementCriterionRow => ({ key: r.key, ref: shortRef(r), text: r.text, demonstrations: demos.get(r.key) ?? [] }));
      elements.push({
        unitCode: u.code,
        unitTitle: u.title,
        outcomeId: o.id,
        outcomeTitle: o.title,
        outcomeKind: OUTCOME_KIND_LABEL[o.kind],
        criteria,
        covered: criteria.length > 0 && criteria.every((c) => c.demonstrations.length > 0),
      });
    }
  }
  return { svqTitle: spec.title, candidate: candidateNameOf(input), assessor: personName(input, input.enrolment.assessorId), elements };
}

// ---------------------------------------------------------------- knowledge evidence record (form 8)

export interface KnowledgeEvidenceRow {
  key: string;
  ref: string;
  text: string;
  /** EI: evidence index numbers of the evidence mapped to this item. */
  evidenceNumbers: number[];
  /** The seed's type-of-evidence ticks. */
  types: Record<Exclude<KnowledgeColumnKey, 'EI' | 'QA'>, boolean>;
  /** Q&A Date: dates of question-and-answer evidence. */
  qaDates: string[];
}

export interface KnowledgeEvidenceRecord {
  svqTitle: string;
  candidate: string;
  assessor: string;
  unitCode: string;
  unitTitle: string;
  rows: KnowledgeEvidenceRow[];
}

/** Form 8's grid, computed: each knowledge item of a unit with the evidence (numbers and types) mapped to it. */
export function buildKnowledgeEvidence(input: FormsInput, spec: QualificationSpec, unitCode: string): KnowledgeEvidenceRecord {
  const u = spec.units.find((x) => x.code === unitCode);
  const numbers = evidenceNumbers(input);
  const evidence = new Map(live(input.evidence).map((e) => [e.id, e]));
  const mappings = live(input.mappings);
  const rows = (u ? unitCriteria(u).filter((r) => r.kind === 'knowledge') : []).map((r): KnowledgeEvidenceRow => {
    const evs = [...new Set(mappings.filter((m) => m.criterionKey === r.key).map((m) => m.evidenceId))]
      .map((id) => evidence.get(id))
      .filter((e): e is NonNullable<typeof e> => !!e)
      .sort((a, b) => (numbers.get(a.id) ?? 0) - (numbers.get(b.id) ?? 0));
    const has = (t: EvidenceTypeCode) => evs.some((e) => e.type === t);
    return {
      key: r.key,
      ref: shortRef(r),
      text: r.text,
      evidenceNumbers: evs.map((e) => numbers.get(e.id) ?? 0),
      types: { O: has('O'), P: has('RA'), WT: has('WT'), S: evs.some((e) => e.simulation), APEL: has('RPL'), EWE: has('EWT'), PD: has('PD') },
      qaDates: [...new Set(evs.filter((e) => e.type === 'Q&A').map((e) => e.date))].sort(),
    };
  });
  return {
    svqTitle: spec.title,
    candidate: candidateNameOf(input),
    assessor: personName(input, input.enrolment.assessorId),
    unitCode,
    unitTitle: u?.title ?? '',
    rows,
  };
}

// ---------------------------------------------------------------- contents checklist (form 3)

export interface ContentsItem {
  /** The seed's wording. */
  label: string;
  completed: boolean;
  /** Page/section number: the section of the printed portfolio, numbered as the seed's worked example. */
  section: string;
  /** What the tick rests on, e.g. "2 observation records". */
  detail: string;
  children: ContentsItem[];
}

export interface ContentsChecklist {
  svqTitle: string;
  candidate: string;
  items: ContentsItem[];
}

const plural = (n: number, one: string, many = `${one}s`) => `${n} ${n === 1 ? one : many}`;

/** Form 3, computed: each part of the portfolio ticked when the records it needs exist. */
export function buildContentsChecklist(input: FormsInput, spec: QualificationSpec): ContentsChecklist {
  const forms = live(input.forms);
  const ofType = (t: FormType) => forms.filter((f) => f.formType === t);
  const filled = (t: FormType, keys: string[]) => ofType(t).some((f) => keys.some((k) => hasValue(f.data[k])));
  const evidence = live(input.evidence);
  const mapped = new Set(live(input.mappings).map((m) => m.evidenceId));
  const unmapped = evidence.filter((e) => !mapped.has(e.id)).length;
  const signOffs = [...latestSignOffs(input).values()];
  const progress = buildUnitProgress(input, spec);
  const pending = [...progress.mandatory, ...progress.option].filter((r) => r.countersignNeeded).length;
  const unsignedByCandidate = signOffs.filter((d) => !d.candidateSignatureId).length;
  const plans = new Set(ofType('unit-assessment-plan').map((f) => f.data.unit).filter((x): x is string => typeof x === 'string'));
  const unplanned = signOffs.filter((d) => !plans.has(d.unitCode)).map((d) => d.unitCode);
  const count = (t: FormType, e: EvidenceTypeCode[]) => Math.max(ofType(t).length, evidence.filter((x) => e.includes(x.type)).length);
  const observations = count('observation', ['O']);
  const witnesses = Math.max(ofType('witness-testimony').length + ofType('expert-witness').length, evidence.filter((x) => x.type === 'WT' || x.type === 'EWT').length);
  const statements = count('personal-statement', ['RA']);
  const item = (label: string, completed: boolean, section: string, detail: string, children: ContentsItem[] = []): ContentsItem => ({
    label,
    completed,
    section,
    detail,
    children,
  });
  const profileChildren = [
    item('your own personal details', filled('personal-profile', ['address', 'postcode', 'phoneHome', 'email']), '2', ''),
    item('a brief CV or career profile', filled('personal-profile', ['previousExperience', 'qualifications']), '3', ''),
    item('description of your job', filled('personal-profile', ['currentJob']), '3', ''),
    item('information about your employer/training provider/college', filled('personal-profile', ['employerName', 'employerAddress', 'businessType']), '3', ''),
  ];
  const completedChildren = [
    item(
      'signed by yourself, your assessor and the internal verifier (where relevant)',
      signOffs.length > 0 && unsignedByCandidate === 0 && pending === 0,
      '4',
      signOffs.length === 0
        ? 'no unit signed off yet'
        : [unsignedByCandidate ? `${plural(unsignedByCandidate, 'sign-off')} without the candidate’s signature` : '', pending ? `${plural(pending, 'countersignature')} needed` : '']
            .filter(Boolean)
            .join('; ') || `${plural(signOffs.length, 'unit')} signed off`,
    ),
    item('reference numbers included', evidence.length > 0 && unmapped === 0, '4', unmapped ? `${plural(unmapped, 'piece')} of evidence not linked to any criterion` : ''),
    item('unit assessment plans', signOffs.length > 0 && unplanned.length === 0, '4', unplanned.length ? `no plan for ${unplanned.join(', ')}` : ''),
  ];
  const evidenceChildren = [
    item('observation records', observations > 0, '6', plural(observations, 'observation record')),
    item('details of witnesses (witness testimony sheets)', witnesses > 0, '6', plural(witnesses, 'witness testimony', 'witness testimonies')),
    item('personal statements', statements > 0, '6', plural(statements, 'personal statement')),
  ];
  const titlePages = ofType('title-page').length;
  const items = [
    item('Title page for the portfolio', titlePages > 0, '1', titlePages ? '' : 'no title page yet'),
    item('Personal profile', profileChildren.every((c) => c.completed), '2–3', '', profileChildren),
    item('Summary of the units', input.enrolment.route.length > 0, '1', plural(input.enrolment.route.length, 'unit') + ' in the route'),
    item('Completed units', completedChildren.every((c) => c.completed), '4', '', completedChildren),
    item('Unit progress records', progress.mandatory.length + progress.option.length > 0, '5', ''),
    item('Index of evidence (with cross-referencing information completed)', evidence.length > 0 && unmapped === 0, '6', `${plural(evidence.length, 'piece')} of evidence`),
    item('Evidence (with reference numbers)', evidenceChildren.every((c) => c.completed), '6', '', evidenceChildren),
  ];
  return { svqTitle: spec.title, candidate: candidateNameOf(input), items };
}
