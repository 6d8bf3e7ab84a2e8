// Forms 9–13 of seed 001: the records that are evidence themselves (personal statement, observation, witness and
// expert witness testimony, questions and answers), each with the evidence type it is.
import type { FormDefinition } from '../types';
import {
  AUTHENTIC,
  FAMILIAR,
  QUALIFIED_ASSESSOR,
  TICK_BOX_NOTE,
  assessorSignature,
  candidate,
  candidateName,
  candidateSignature,
  elements,
  evidenceNumber,
  ref,
  svqTitleAndLevel,
  unit,
} from './seedParts';

export const EVIDENCE_FORMS: readonly FormDefinition[] = [
  {
    type: 'personal-statement',
    title: 'Personal statement',
    seedRef: ref(9, 2704, 3788, 'Personal statement'),
    evidenceType: 'RA',
    sections: [
      {
        title: 'Header',
        untitled: true,
        fields: [
          svqTitleAndLevel,
          unit,
          candidate,
          { key: 'purpose', label: 'Purpose of statement', kind: 'textarea' },
          evidenceNumber,
        ],
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
          {
            key: 'pcsCovered',
            label: 'PCs and range covered',
            kind: 'criteria',
            criteriaKind: 'criterion',
            half: true,
          },
          {
            key: 'knowledgeCovered',
            label: 'Knowledge and understanding apparent from this observation',
            kind: 'criteria',
            criteriaKind: 'knowledge',
          },
          {
            key: 'knowledgeNotes',
            label: 'Knowledge and understanding apparent from this observation: notes',
            kind: 'textarea',
          },
          { key: 'otherUnits', label: 'Other units/elements to which this evidence may contribute', kind: 'textarea' },
          { key: 'feedback', label: 'Assessor comments and feedback to candidate', kind: 'textarea' },
          {
            key: 'performanceSatisfactory',
            label: 'I can confirm the candidate’s performance was satisfactory.',
            kind: 'checkbox',
          },
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
          {
            key: 'relatesTo',
            label: 'Where applicable, evidence number to which this testimony relates',
            kind: 'text',
          },
          unit,
          elements,
          { key: 'range', label: 'Range', kind: 'text' },
          { key: 'date', label: 'Date of evidence', kind: 'date', required: true },
          {
            key: 'witnessName',
            label: 'Witness name',
            kind: 'person',
            roles: ['witness', 'expert-witness'],
            required: true,
          },
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
          {
            key: 'relatesTo',
            label: 'Where applicable, evidence number to which this testimony relates',
            kind: 'text',
          },
          unit,
          elements,
          { key: 'date', label: 'Date of evidence', kind: 'date', required: true },
          {
            key: 'witnessName',
            label: 'Expert witness name',
            kind: 'person',
            roles: ['expert-witness'],
            required: true,
          },
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
          {
            key: 'professionalRole',
            label: 'Relevant professional work role that involves evaluating everyday staff practice',
            kind: 'checkbox',
          },
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
