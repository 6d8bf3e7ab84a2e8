// What every field control reads besides its own value: the spec, the route, the people, the whole form's data.
import {
  unitCodeOf,
  type FieldProblem,
  type FormData,
  type FormValue,
  type Person,
  type QualificationSpec,
  type TableRow,
} from '../../../domain';

export interface FieldContext {
  spec: QualificationSpec | null;
  route: string[];
  people: Person[];
  data: FormData;
  /** The evidence index number of the evidence recorded on this form (computed). */
  evidenceNumber: number | null;
  problems: FieldProblem[];
}

export const asString = (v: FormValue | undefined) => (typeof v === 'string' ? v : '');
export const asList = (v: FormValue | undefined) =>
  Array.isArray(v) ? v.filter((x): x is string => typeof x === 'string') : [];
export const asRows = (v: FormValue | undefined) =>
  Array.isArray(v) ? v.filter((x): x is TableRow => typeof x === 'object' && x !== null) : [];

/** The unit an element or criteria control offers choices from: the one chosen in its unit field. */
export function unitOf(ctx: FieldContext, field: { unitField?: string }) {
  const code = unitCodeOf(field, ctx.data);
  return ctx.spec?.units.find((u) => u.code === code);
}

/** Units of the route first, then the rest of the qualification. */
export function splitUnits(ctx: FieldContext) {
  const units = ctx.spec?.units ?? [];
  return {
    inRoute: units.filter((u) => ctx.route.includes(u.code)),
    others: units.filter((u) => !ctx.route.includes(u.code)),
  };
}
