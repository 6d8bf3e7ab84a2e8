// Form 3, the contents checklist, computed: each part of the portfolio ticked when the records it needs exist.
import type { EvidenceTypeCode, FormType } from '../../records';
import type { QualificationSpec } from '../../spec/schema';
import { hasValue } from '../formData';
import { candidateNameOf, live, type FormsInput } from '../formsInput';
import { buildUnitProgress, latestSignOffs } from './unitProgress';

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

const item = (label: string, completed: boolean, section: string, detail = '', children: ContentsItem[] = []) => ({
  label,
  completed,
  section,
  detail,
  children,
});

/** A part made of sub-parts: complete when every one of them is. */
const group = (label: string, section: string, children: ContentsItem[]) =>
  item(
    label,
    children.every((c) => c.completed),
    section,
    '',
    children,
  );

/** What the checklist counts in the portfolio's live records. */
function portfolioFacts(input: FormsInput, spec: QualificationSpec) {
  const forms = live(input.forms);
  const ofType = (t: FormType) => forms.filter((f) => f.formType === t);
  const evidence = live(input.evidence);
  const mapped = new Set(live(input.mappings).map((m) => m.evidenceId));
  const progress = buildUnitProgress(input, spec);
  const signOffs = [...latestSignOffs(input).values()];
  const plans = new Set(ofType('unit-assessment-plan').map((f) => f.data.unit));
  const count = (t: FormType, types: EvidenceTypeCode[]) =>
    Math.max(ofType(t).length, evidence.filter((x) => types.includes(x.type)).length);
  return {
    ofType,
    profileFilled: (keys: string[]) => ofType('personal-profile').some((f) => keys.some((k) => hasValue(f.data[k]))),
    evidence: evidence.length,
    unmapped: evidence.filter((e) => !mapped.has(e.id)).length,
    progressRows: progress.mandatory.length + progress.option.length,
    countersignaturesNeeded: [...progress.mandatory, ...progress.option].filter((r) => r.countersignNeeded).length,
    signOffs: signOffs.length,
    unsignedByCandidate: signOffs.filter((d) => !d.candidateSignatureId).length,
    unplanned: signOffs.filter((d) => !plans.has(d.unitCode)).map((d) => d.unitCode),
    observations: count('observation', ['O']),
    witnesses: Math.max(
      ofType('witness-testimony').length + ofType('expert-witness').length,
      evidence.filter((x) => x.type === 'WT' || x.type === 'EWT').length,
    ),
    statements: count('personal-statement', ['RA']),
  };
}
type Facts = ReturnType<typeof portfolioFacts>;

function profileItems(facts: Facts): ContentsItem[] {
  return [
    item('your own personal details', facts.profileFilled(['address', 'postcode', 'phoneHome', 'email']), '2'),
    item('a brief CV or career profile', facts.profileFilled(['previousExperience', 'qualifications']), '3'),
    item('description of your job', facts.profileFilled(['currentJob']), '3'),
    item(
      'information about your employer/training provider/college',
      facts.profileFilled(['employerName', 'employerAddress', 'businessType']),
      '3',
    ),
  ];
}

function signedDetail({ signOffs, unsignedByCandidate, countersignaturesNeeded }: Facts): string {
  if (signOffs === 0) return 'no unit signed off yet';
  const missing = [
    unsignedByCandidate ? `${plural(unsignedByCandidate, 'sign-off')} without the candidate’s signature` : '',
    countersignaturesNeeded ? `${plural(countersignaturesNeeded, 'countersignature')} needed` : '',
  ];
  return missing.filter(Boolean).join('; ') || `${plural(signOffs, 'unit')} signed off`;
}

function completedUnitItems(facts: Facts): ContentsItem[] {
  const { signOffs, unsignedByCandidate, countersignaturesNeeded, evidence, unmapped, unplanned } = facts;
  return [
    item(
      'signed by yourself, your assessor and the internal verifier (where relevant)',
      signOffs > 0 && unsignedByCandidate === 0 && countersignaturesNeeded === 0,
      '4',
      signedDetail(facts),
    ),
    item(
      'reference numbers included',
      evidence > 0 && unmapped === 0,
      '4',
      unmapped ? `${plural(unmapped, 'piece')} of evidence not linked to any criterion` : '',
    ),
    item(
      'unit assessment plans',
      signOffs > 0 && unplanned.length === 0,
      '4',
      unplanned.length ? `no plan for ${unplanned.join(', ')}` : '',
    ),
  ];
}

function evidenceItems({ observations, witnesses, statements }: Facts): ContentsItem[] {
  return [
    item('observation records', observations > 0, '6', plural(observations, 'observation record')),
    item(
      'details of witnesses (witness testimony sheets)',
      witnesses > 0,
      '6',
      plural(witnesses, 'witness testimony', 'witness testimonies'),
    ),
    item('personal statements', statements > 0, '6', plural(statements, 'personal statement')),
  ];
}

/** Form 3, computed: each part of the portfolio ticked when the records it needs exist. */
export function buildContentsChecklist(input: FormsInput, spec: QualificationSpec): ContentsChecklist {
  const facts = portfolioFacts(input, spec);
  const titlePages = facts.ofType('title-page').length;
  const route = input.enrolment.route.length;
  const items = [
    item('Title page for the portfolio', titlePages > 0, '1', titlePages ? '' : 'no title page yet'),
    group('Personal profile', '2–3', profileItems(facts)),
    item('Summary of the units', route > 0, '1', plural(route, 'unit') + ' in the route'),
    group('Completed units', '4', completedUnitItems(facts)),
    item('Unit progress records', facts.progressRows > 0, '5'),
    item(
      'Index of evidence (with cross-referencing information completed)',
      facts.evidence > 0 && facts.unmapped === 0,
      '6',
      `${plural(facts.evidence, 'piece')} of evidence`,
    ),
    group('Evidence (with reference numbers)', '6', evidenceItems(facts)),
  ];
  return { svqTitle: spec.title, candidate: candidateNameOf(input), items };
}
