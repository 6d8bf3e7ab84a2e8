// Sampling rates by risk (docs/centre-qa.md). The seeds set the principle, not the figures: seed 000 section 11
// (frequency reflects "number and turnover of assessors", "throughput of candidates") and Annexe 3.1/3.3 (a
// trainee's decisions are countersigned and supported "throughout their training period"). The figures are the
// centre's to set; these defaults follow common centre sampling policies: everything for a trainee, half for a
// new assessor or one with earlier disagreements, a fifth otherwise.

export interface SamplingRates {
  /** An assessor working towards their assessor qualification: every decision. */
  trainee: number;
  /** An assessor who began at the centre within `newAssessorMonths` before the period starts. */
  newAssessor: number;
  /** An assessor with a disagreement recorded before the period. */
  earlierDisagreement: number;
  /** The qualification is new to the centre: every assessor's rate rises to at least this. */
  newQualification: number;
  /** Decisions on a unit that changed: sampled at least at this rate. */
  changedUnit: number;
  /** An experienced, qualified assessor with no earlier disagreement. */
  base: number;
  newAssessorMonths: number;
}

export const DEFAULT_RATES: SamplingRates = {
  trainee: 1,
  newAssessor: 0.5,
  earlierDisagreement: 0.5,
  newQualification: 0.5,
  changedUnit: 0.5,
  base: 0.2,
  newAssessorMonths: 12,
};

export interface AssessorRisk {
  id: string;
  name: string;
  status: 'qualified' | 'working-towards';
  /** When they began assessing at the centre (null: not known, treated as established). */
  staffSince: string | null;
  /** Disagreements before the period: recorded IQA decisions plus those recorded outside the app. */
  earlierDisagreements: number;
}

export interface AssessorRate {
  rate: number;
  /** Each risk that applies, in words; the highest sets the rate. */
  reasons: string[];
}

const percent = (rate: number) => `${Math.round(rate * 100)}%`;

/** The month `months` before an ISO date (YYYY-MM-DD), clamped to the month's last day. */
export function monthsBefore(date: string, months: number): string {
  const [y, m, d] = date.split('-').map(Number) as [number, number, number];
  const total = y * 12 + (m - 1) - months;
  const year = Math.floor(total / 12);
  const month = (total % 12) + 1;
  const last = new Date(Date.UTC(year, month, 0)).getUTCDate();
  return `${String(year).padStart(4, '0')}-${String(month).padStart(2, '0')}-${String(Math.min(d, last)).padStart(2, '0')}`;
}

/** The rate at which an assessor's decisions are sampled over a period starting `periodStart`, and why. */
export function assessorRate(
  assessor: AssessorRisk,
  periodStart: string,
  newQualification: boolean,
  rates: SamplingRates = DEFAULT_RATES,
): AssessorRate {
  const found: Array<[number, string]> = [[rates.base, `${percent(rates.base)} for an established qualified assessor`]];
  if (assessor.status === 'working-towards')
    found.push([
      rates.trainee,
      `${percent(rates.trainee)}: working towards the assessor award, every decision sampled`,
    ]);
  if (assessor.staffSince !== null && assessor.staffSince > monthsBefore(periodStart, rates.newAssessorMonths))
    found.push([rates.newAssessor, `${percent(rates.newAssessor)}: new assessor (since ${assessor.staffSince})`]);
  if (assessor.earlierDisagreements > 0)
    found.push([
      rates.earlierDisagreement,
      `${percent(rates.earlierDisagreement)}: ${assessor.earlierDisagreements} earlier disagreement(s)`,
    ]);
  if (newQualification)
    found.push([rates.newQualification, `${percent(rates.newQualification)}: the qualification is new to the centre`]);
  const rate = Math.max(...found.map(([r]) => r));
  const reasons = found.length > 1 ? found.slice(1).map(([, why]) => why) : found.map(([, why]) => why);
  return { rate, reasons };
}

/** How many of `count` decisions a rate samples: never fewer than the rate asks (rounded up). */
export const sampleCount = (rate: number, count: number) => Math.min(count, Math.ceil(rate * count - 1e-9));
