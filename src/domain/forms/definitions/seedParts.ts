// Building blocks the seed's forms share: the header fields, signature lines, plan columns and fixed wording of
// seed 001 (Edexcel SVQs in Customer Service, Section 4: Recording forms).
import type { Role } from '../../records';
import { signatureFieldKey } from '../fieldConventions';
import type { FormColumn, FormField } from '../types';

const SEED = '001_260af699cbd992bc.txt';

export const ref = (n: number, l2: number, l3: number, title: string) =>
  `${SEED} — Section 4, Level 2: Example form ${n} — ${title} (line ${l2}); Level 3: Example form ${n} (line ${l3})`;

export const svqTitleAndLevel: FormField = {
  key: 'svqTitle',
  label: 'SVQ title and level',
  kind: 'text',
  prefill: 'qualification',
};
export const candidate: FormField = {
  key: 'candidate',
  label: 'Candidate',
  kind: 'person',
  roles: ['candidate'],
  prefill: 'candidate',
  required: true,
};
export const candidateName: FormField = { ...candidate, label: 'Candidate name' };
export const assessor: FormField = {
  key: 'assessor',
  label: 'Assessor',
  kind: 'person',
  roles: ['assessor'],
  prefill: 'assessor',
};
export const unit: FormField = { key: 'unit', label: 'Unit', kind: 'unit', required: true };
export const elements: FormField = { key: 'elements', label: 'Element(s)', kind: 'element', multiple: true };
export const evidenceNumber: FormField = {
  key: 'evidenceNumber',
  label: 'Evidence index number',
  kind: 'evidence-number',
};

/** A signature line and its date. Never prefilled: a name appears only when that person signs. */
export function signature(who: 'assessor' | 'candidate' | 'iqa', label: string): FormField[] {
  const roles: Role[] = [who];
  return [
    { key: signatureFieldKey(who), label, kind: 'person', roles, half: true, hint: 'Type your name to sign' },
    { key: `${who}Date`, label: 'Date', kind: 'date', half: true, context: label },
  ];
}
export const assessorSignature = signature('assessor', 'Assessor’s signature');
export const candidateSignature = signature('candidate', 'Candidate’s signature');

export const PLAN_COLUMNS = (activityLabel: string): FormColumn[] => [
  { key: 'element', label: 'Element', kind: 'element' },
  { key: 'activity', label: activityLabel, kind: 'textarea' },
  { key: 'typicalEvidence', label: 'Typical evidence', kind: 'textarea' },
  { key: 'workArea', label: 'Work area', kind: 'text' },
  { key: 'completionDate', label: 'Expected completion date', kind: 'date' },
  { key: 'links', label: 'Links to other units/elements', kind: 'text' },
];

export const TICK_BOX_NOTE = 'Please tick (✓) the appropriate box.';
export const AUTHENTIC = 'I can confirm the candidate’s evidence is authentic and accurate.';
export const QUALIFIED_ASSESSOR: FormField = {
  key: 'qualifiedAssessor',
  label: 'Qualified as an assessor for workplace performance',
  kind: 'checkbox',
};
export const FAMILIAR: FormField = {
  key: 'familiarWithStandards',
  label: 'Familiar with the SVQ standards to which the candidate is working',
  kind: 'checkbox',
};

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

export const KNOWLEDGE_INTRO =
  'You must show that you have the knowledge and understanding for this unit. Your performance evidence might help to show this, but it is likely that you will need additional evidence (eg answers to questions). The National Occupational Standards detail the knowledge and understanding required to carry out competent practice for the performance described in this unit.\n\nWhen using the standards it is important to read the knowledge requirements in relation to expectations and requirements of your job role.\n\nYou need to show that you know, understand and can apply in practice:';
