// A form's typed values: blank, prefilled from what the portfolio knows, read back tolerantly from storage, and
// titled for lists. Computed fields (the evidence index number) are never stored.
import type { FormType } from '../records';
import type { QualificationSpec } from '../spec/schema';
import { formatDate } from '../dates';
import { formDefinition, formFields } from './definitions';
import type { FormColumn, FormField } from './types';

export type TableRow = Record<string, string | boolean>;
export type FormValue = string | boolean | string[] | TableRow[];
export type FormData = Record<string, FormValue>;

const isList = (f: FormField) =>
  f.kind === 'criteria' || ((f.kind === 'unit' || f.kind === 'element') && f.multiple === true);

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
    else if (isList(f))
      data[f.key] = Array.isArray(v)
        ? v.filter((x): x is string => typeof x === 'string')
        : typeof v === 'string' && v
          ? [v]
          : [];
    else if (f.kind === 'table') {
      const cols = f.columns ?? [];
      data[f.key] = Array.isArray(v)
        ? v
            .filter((r): r is Record<string, unknown> => typeof r === 'object' && r !== null)
            .map((r) =>
              Object.fromEntries(
                cols.map((c) => [
                  c.key,
                  c.kind === 'checkbox' ? r[c.key] === true : typeof r[c.key] === 'string' ? (r[c.key] as string) : '',
                ]),
              ),
            )
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

/** Whether a value holds anything typed: a non-blank string, a tick, or a list or table with something in it. */
export function hasValue(v: unknown): boolean {
  if (typeof v === 'string') return v.trim() !== '';
  if (typeof v === 'boolean') return v;
  if (Array.isArray(v))
    return v.some((x) => (typeof x === 'object' && x !== null ? Object.values(x).some(hasValue) : hasValue(x)));
  return false;
}

/** "Observation record — F2 — 14/05/2011": a form's title for lists. */
export function formTitle(type: FormType, data: Record<string, unknown>): string {
  const def = formDefinition(type);
  const fields = formFields(def);
  const parts = [def.title];
  const unitField = fields.find((f) => f.kind === 'unit');
  const unitValue = unitField ? data[unitField.key] : undefined;
  const units = Array.isArray(unitValue)
    ? unitValue.filter((x) => typeof x === 'string')
    : typeof unitValue === 'string' && unitValue
      ? [unitValue]
      : [];
  if (units.length) parts.push(units.join(', '));
  const dateField =
    fields.find((f) => f.kind === 'date' && !f.key.endsWith('Date') && hasValue(data[f.key])) ??
    fields.find((f) => f.kind === 'date' && hasValue(data[f.key]));
  if (dateField) parts.push(formatDate(String(data[dateField.key])));
  return parts.join(' — ');
}
