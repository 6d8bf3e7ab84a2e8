// Which evidence a form produces: an observation, witness testimony … filled in is itself a piece of evidence,
// added to the index of evidence with the details and criteria the form names.
import type { FormType } from '../records';
import { formTitle, type FormData, type FormValue } from './formData';

/** What a filled-in form says of the evidence item it is. */
export interface EvidenceOfForm {
  details: { title: string; description: string; date: string };
  criteria: Array<{ unitCode: string; criterionKey: string }>;
}

const ISO_DATE = /^\d{4}-\d{2}-\d{2}$/;
const strings = (v: FormValue | undefined) =>
  Array.isArray(v) ? v.filter((x): x is string => typeof x === 'string') : [];

/**
 * An observation, witness testimony … as an evidence item: its title, what was observed or testified, its date
 * (the form's date, else the first statement's, else the assessor's signing date, else `today`) and the criteria
 * it names.
 */
export function evidenceOfForm(type: FormType, data: FormData, today: string): EvidenceOfForm {
  const keys = [...strings(data.pcsCovered), ...strings(data.knowledgeCovered)];
  const statements = Array.isArray(data.statements) ? data.statements : [];
  const firstRowDate = statements
    .map((r) => (typeof r === 'object' ? r.date : ''))
    .find((x) => typeof x === 'string' && x);
  const date =
    [data.date, firstRowDate, data.assessorDate].find((x): x is string => typeof x === 'string' && ISO_DATE.test(x)) ??
    today;
  const description =
    typeof data.activities === 'string' ? data.activities : typeof data.details === 'string' ? data.details : '';
  return {
    details: { title: formTitle(type, data), description, date },
    criteria: keys.map((k) => ({ unitCode: k.split('|')[0]!, criterionKey: k })),
  };
}
