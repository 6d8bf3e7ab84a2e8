// Forms 7 and 8 of seed 001: the element achievement and knowledge evidence records, typed around a grid computed
// from the portfolio (dates per performance criterion, evidence per knowledge item).
import type { FormDefinition } from '../types';
import {
  KNOWLEDGE_EVIDENCE_COLUMNS,
  KNOWLEDGE_INTRO,
  assessor,
  assessorSignature,
  candidate,
  candidateSignature,
  ref,
  signature,
  svqTitleAndLevel,
  unit,
} from './seedParts';

export const ACHIEVEMENT_FORMS: readonly FormDefinition[] = [
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
        fields: [
          { key: 'feedback', label: 'Feedback/comments', kind: 'textarea' },
          ...assessorSignature,
          ...candidateSignature,
        ],
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
        fields: [
          svqTitleAndLevel,
          { ...candidate, half: true },
          { ...assessor, half: true },
          { ...unit, label: 'Unit title' },
        ],
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
];
