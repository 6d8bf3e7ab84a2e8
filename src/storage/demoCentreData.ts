// The demo centre's cast and caseload (docs/centre-qa.md): three assessors (one a trainee), a qualified and a
// trainee IQA, two workplace witnesses and thirteen candidates on the SVQ2, the SVQ3 and the VTCT diploma at
// different stages. Dates are days from today, so the demo always looks current. Data only.
import type { Decision, Enrolment, Evidence, EvidenceTypeCode, Person } from '../domain';
import { SVQ2_DEMO_ROUTE } from './demo';

export const DEMO_CENTRE = 'Glen Parks Training';
/** The marker the demo centre's enrolments carry (registration numbers DEMO-C-01 …): loading twice finds them. */
export const DEMO_CENTRE_MARK = 'DEMO-C-';

export type StaffKey = 'jo' | 'priya' | 'tia' | 'kenneth' | 'aileen' | 'morag' | 'graham';

export interface StaffSpec {
  name: string;
  roles: Array<'assessor' | 'iqa' | 'witness'>;
  assessorStatus?: 'qualified' | 'working-towards';
  iqaStatus?: 'qualified' | 'working-towards';
  /** Days before today they began at the centre. */
  sinceDaysAgo?: number;
  earlierDisagreements?: number;
  sites?: string[];
  jobTitle?: string;
}

export const SITES = { glen: 'Glen Parks visitor centre', harbour: 'Harbour Office, Oban' } as const;

export const STAFF: Record<StaffKey, StaffSpec> = {
  jo: {
    name: 'J Sullivan',
    roles: ['assessor'],
    assessorStatus: 'qualified',
    sinceDaysAgo: 2400,
    sites: [SITES.glen, SITES.harbour],
  },
  priya: {
    name: 'Priya Shah',
    roles: ['assessor'],
    assessorStatus: 'qualified',
    sinceDaysAgo: 1500,
    earlierDisagreements: 1,
    sites: [SITES.glen, SITES.harbour],
  },
  tia: {
    name: 'Tia Brown',
    roles: ['assessor'],
    assessorStatus: 'working-towards',
    sinceDaysAgo: 200,
    sites: [SITES.glen, SITES.harbour],
  },
  kenneth: { name: 'Kenneth Hay', roles: ['iqa'], iqaStatus: 'qualified', sinceDaysAgo: 3000 },
  aileen: { name: 'Aileen McKell', roles: ['iqa'], iqaStatus: 'working-towards', sinceDaysAgo: 150 },
  morag: { name: 'Morag Ross', roles: ['witness'], jobTitle: 'Duty manager, Glen Parks' },
  graham: { name: 'Graham Ogilvie', roles: ['witness'], jobTitle: 'Office supervisor, Harbour Office' },
};

export const DEMO_SPECS = {
  svq2: { id: 'svq2-customer-service-scqf5', version: '1.0.0', route: SVQ2_DEMO_ROUTE, iqa: 'kenneth' },
  svq3: {
    id: 'svq3-customer-service-scqf6',
    version: '1.0.0',
    route: ['F3', 'F4', 'A13', 'B9', 'C5', 'D8', 'D10'],
    iqa: 'aileen',
  },
  vtct: {
    id: 'vtct-l3-dip-customer-service',
    version: '1.1.0',
    // All of group M (31 credits), 22 credits of group A at level 3 and one at level 2: 56 credits, 53 at level 3.
    route: ['BUS59', 'CUS25', 'CUS26', 'CUS27', 'CUS30', 'ML9', 'CUS28', 'CUS29', 'CUS31', 'CUS32', 'CUS33', 'CUS18'],
    iqa: 'kenneth',
  },
} as const;
export type DemoSpecKey = keyof typeof DEMO_SPECS;

/** started: a first unit under way; half: half the units with evidence, two signed off; most: all but one; complete. */
export type Stage = 'started' | 'half' | 'most' | 'complete';

export interface CandidateSpec {
  name: string;
  spec: DemoSpecKey;
  assessor: 'jo' | 'priya' | 'tia';
  site: keyof typeof SITES;
  startDaysAgo: number;
  stage: Stage;
  jobTitle: string;
}

export const CANDIDATES: CandidateSpec[] = [
  {
    name: 'Ross Duncan',
    spec: 'svq2',
    assessor: 'jo',
    site: 'glen',
    startDaysAgo: 230,
    stage: 'complete',
    jobTitle: 'Visitor services assistant',
  },
  {
    name: 'Isla Grant',
    spec: 'svq2',
    assessor: 'jo',
    site: 'harbour',
    startDaysAgo: 160,
    stage: 'most',
    jobTitle: 'Customer adviser',
  },
  {
    name: 'Callum Reid',
    spec: 'svq2',
    assessor: 'tia',
    site: 'glen',
    startDaysAgo: 110,
    stage: 'half',
    jobTitle: 'Admissions assistant',
  },
  {
    name: 'Eilidh Fraser',
    spec: 'svq2',
    assessor: 'tia',
    site: 'harbour',
    startDaysAgo: 25,
    stage: 'started',
    jobTitle: 'Receptionist',
  },
  {
    name: 'Mhairi Stewart',
    spec: 'svq2',
    assessor: 'priya',
    site: 'glen',
    startDaysAgo: 80,
    stage: 'half',
    jobTitle: 'Café team member',
  },
  {
    name: 'Fraser Munro',
    spec: 'svq3',
    assessor: 'jo',
    site: 'harbour',
    startDaysAgo: 190,
    stage: 'most',
    jobTitle: 'Customer service team leader',
  },
  {
    name: 'Kirsty Watson',
    spec: 'svq3',
    assessor: 'priya',
    site: 'glen',
    startDaysAgo: 130,
    stage: 'half',
    jobTitle: 'Retail supervisor',
  },
  {
    name: 'Lewis Paterson',
    spec: 'svq3',
    assessor: 'priya',
    site: 'harbour',
    startDaysAgo: 12,
    stage: 'started',
    jobTitle: 'Bookings coordinator',
  },
  {
    name: 'Skye Robertson',
    spec: 'svq3',
    assessor: 'tia',
    site: 'glen',
    startDaysAgo: 95,
    stage: 'half',
    jobTitle: 'Events supervisor',
  },
  {
    name: 'Amira Hussain',
    spec: 'vtct',
    assessor: 'priya',
    site: 'harbour',
    startDaysAgo: 175,
    stage: 'most',
    jobTitle: 'Contact centre adviser',
  },
  {
    name: 'Daniel Okafor',
    spec: 'vtct',
    assessor: 'jo',
    site: 'glen',
    startDaysAgo: 120,
    stage: 'half',
    jobTitle: 'Membership adviser',
  },
  {
    name: 'Chloe Bennett',
    spec: 'vtct',
    assessor: 'tia',
    site: 'harbour',
    startDaysAgo: 45,
    stage: 'started',
    jobTitle: 'Customer adviser',
  },
  {
    name: 'Owen Price',
    spec: 'vtct',
    assessor: 'priya',
    site: 'glen',
    startDaysAgo: 6,
    stage: 'started',
    jobTitle: 'Ticket office assistant',
  },
];

/** The methods of a unit's two evidence items, by the unit's place in the route. */
export const METHOD_PAIRS: Array<[EvidenceTypeCode, EvidenceTypeCode]> = [
  ['O', 'Q&A'],
  ['WT', 'P'],
  ['O', 'RA'],
  ['PD', 'WT'],
  ['O', 'P'],
  ['Q&A', 'RA'],
];

/** Who records an item of each method: the assessor, the candidate, or the site's witness. */
export const RECORDED_BY: Record<EvidenceTypeCode, 'assessor' | 'candidate' | 'witness'> = {
  O: 'assessor',
  'Q&A': 'assessor',
  PD: 'assessor',
  P: 'candidate',
  RA: 'candidate',
  RPL: 'candidate',
  WT: 'witness',
  EWT: 'witness',
};

/** The title and description of an item, from its method, the unit's title, the candidate and the site. */
export function evidenceText(
  method: EvidenceTypeCode,
  unitTitle: string,
  candidate: string,
  site: string,
  witness: string,
) {
  const first = candidate.split(' ')[0];
  const topic = unitTitle.charAt(0).toLowerCase() + unitTitle.slice(1);
  const texts: Record<EvidenceTypeCode, [string, string]> = {
    O: [
      `Observation: ${topic}`,
      `Observed ${first} at ${site} on a busy shift; notes and a photo of the area, with feedback given afterwards.`,
    ],
    'Q&A': [
      `Questions: ${topic}`,
      `Oral questions and ${first}’s answers, recorded by the assessor, on what the unit asks ${first} to know.`,
    ],
    P: [`Product: ${topic}`, `Work ${first} produced on the job (a log, letters or a report), kept at ${site}.`],
    RA: [
      `Reflective account: ${topic}`,
      `${first}’s own account of how they handled this part of the job and what they would change.`,
    ],
    PD: [
      `Professional discussion: ${topic}`,
      `A planned discussion with ${first}, notes agreed by both, covering decisions they made and why.`,
    ],
    WT: [
      `Witness testimony: ${topic}`,
      `${witness} confirms ${first} did this at ${site} as part of their normal work.`,
    ],
    EWT: [`Expert witness testimony: ${topic}`, `An expert witness confirms ${first}’s competence at ${site}.`],
    RPL: [`Prior learning: ${topic}`, `A certificate from ${first}’s earlier employment.`],
  };
  return { title: texts[method][0].slice(0, 300), description: texts[method][1] };
}

/** What the QA part of the demo needs of each portfolio made. */
export interface DemoPortfolio {
  candidate: Person;
  plan: CandidateSpec;
  enrolment: Enrolment;
  evidence: Evidence[];
  decisions: Decision[];
}

export const dayOffset = (today: string, days: number) =>
  new Date(Date.parse(`${today}T00:00:00Z`) + days * 86_400_000).toISOString().slice(0, 10);
