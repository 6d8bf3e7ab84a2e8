// Forms 1–6 of seed 001: the portfolio's title page, personal profile, contents checklist, index of evidence,
// unit assessment plan and unit progress record (the checklist, index and progress record are computed).
import type { FormDefinition, FormSection } from '../types';
import { assessor, assessorSignature, candidate, candidateSignature, PLAN_COLUMNS, ref, unit } from './seedParts';

export const PORTFOLIO_FORMS: readonly FormDefinition[] = [
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
          {
            key: 'previousExperience',
            label: 'Previous work experience or attach copy of a current CV',
            kind: 'textarea',
          },
          {
            key: 'qualifications',
            label: 'Qualifications and training and/or attach copy of a current CV',
            kind: 'textarea',
          },
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
          {
            key: 'employerPhone',
            label: 'Telephone number (Work)',
            kind: 'text',
            half: true,
            context: 'employer/training provider/college',
          },
          {
            key: 'employerFax',
            label: 'Fax number',
            kind: 'text',
            half: true,
            context: 'employer/training provider/college',
          },
          { key: 'employerEmail', label: 'Email address', kind: 'text', context: 'employer/training provider/college' },
          { key: 'businessType', label: 'Type of business, if employer', kind: 'textarea' },
          { key: 'staffNumber', label: 'Number of staff', kind: 'text' },
          {
            key: 'structure',
            label: 'Structure of organisation (including chart or diagram if available)',
            kind: 'textarea',
          },
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
              {
                key: 'links',
                label: 'Units/elements evidence links to (give specific numbers, eg 5.2.1)',
                kind: 'text',
              },
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
        fields: [
          {
            key: 'normalActivities',
            label: 'Normal working activities performed',
            kind: 'table',
            rows: 1,
            columns: PLAN_COLUMNS('Normal working activities performed'),
          },
        ],
      },
      {
        title: 'Activities needing to be performed',
        fields: [
          {
            key: 'neededActivities',
            label: 'Activities needing to be performed',
            kind: 'table',
            rows: 1,
            columns: PLAN_COLUMNS('Activities needing to be performed'),
          },
        ],
      },
      {
        title: 'Additional comments and signatures',
        untitled: true,
        fields: [
          { key: 'additionalComments', label: 'Additional comments', kind: 'textarea' },
          ...assessorSignature,
          ...candidateSignature,
        ],
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
      ...(['Mandatory units', 'Option units'] as const).map((title): FormSection => ({
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
      })),
    ],
  },
];
