// What a saved form still lacks: required fields left blank and dates that are not real dates.
import type { FormType } from '../records';
import { formDefinition, formFields } from './definitions';
import { hasValue } from './formData';

export interface FieldProblem {
  key: string;
  message: string;
}

const DATE = /^\d{4}-\d{2}-\d{2}$/;
const isRealDate = (s: string) =>
  DATE.test(s) && !Number.isNaN(Date.parse(`${s}T00:00:00Z`)) && new Date(`${s}T00:00:00Z`).toISOString().startsWith(s);

/** Missing required fields and malformed dates, in form order. */
export function validateFormData(type: FormType, data: Record<string, unknown>): FieldProblem[] {
  const problems: FieldProblem[] = [];
  for (const f of formFields(formDefinition(type))) {
    if (f.kind === 'evidence-number') continue;
    const v = data[f.key];
    if (f.required && !hasValue(v)) {
      problems.push({
        key: f.key,
        message: f.kind === 'table' ? `${f.label}: fill in at least one row` : `${f.label} is required`,
      });
      continue;
    }
    if (f.kind === 'date' && typeof v === 'string' && v !== '' && !isRealDate(v)) {
      problems.push({
        key: f.key,
        message: `${f.context ? `${f.label} (${f.context})` : f.label} must be a date (YYYY-MM-DD)`,
      });
    }
    if (f.kind === 'table' && Array.isArray(v)) {
      v.forEach((row, i) => {
        for (const c of f.columns ?? []) {
          const cell = (row as Record<string, unknown>)?.[c.key];
          if (c.kind === 'date' && typeof cell === 'string' && cell !== '' && !isRealDate(cell)) {
            problems.push({
              key: `${f.key}.${i}.${c.key}`,
              message: `${f.label}, row ${i + 1}: ${c.label} must be a date (YYYY-MM-DD)`,
            });
          }
        }
      });
    }
  }
  return problems;
}
