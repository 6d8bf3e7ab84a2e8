// The shape of a recording form's definition: sections of fields, each field a kind of control with the seed's
// own label. Definitions are data (./definitions); nothing here depends on a portfolio.
import type { EvidenceTypeCode, FormType, Role } from '../records';

/**
 * text, textarea, date (YYYY-MM-DD), select (one of options), checkbox (a tick), unit (a unit code of the spec;
 * `multiple` for a list), element (an element/outcome id of the unit chosen in `unitField`; `multiple` for a
 * list), criteria (criterion keys of that unit), person (a name, suggested from the portfolio's people), table
 * (rows of `columns`), evidence-number (read-only: the evidence index number of the evidence recorded on this
 * form, computed from the index, never typed).
 */
export type FieldKind =
  | 'text'
  | 'textarea'
  | 'date'
  | 'select'
  | 'checkbox'
  | 'unit'
  | 'element'
  | 'criteria'
  | 'person'
  | 'table'
  | 'evidence-number';

export type ColumnKind = 'text' | 'textarea' | 'date' | 'checkbox' | 'element';

export interface FormColumn {
  key: string;
  /** The seed's column heading. */
  label: string;
  kind: ColumnKind;
  /** Added to the accessible name where the seed's heading alone is terse ("Q", "A"). */
  context?: string;
}

/** Where a blank form takes a value from, so nothing the portfolio already knows is typed again. */
export type Prefill = 'qualification' | 'level' | 'candidate' | 'assessor' | 'iqa';

export interface FormField {
  key: string;
  /** The seed's wording. */
  label: string;
  kind: FieldKind;
  /** select: the choices. */
  options?: readonly string[];
  /** table: the seed's columns. */
  columns?: readonly FormColumn[];
  /** table: blank rows a new form starts with. */
  rows?: number;
  required?: boolean;
  /** unit / element: a list rather than one. */
  multiple?: boolean;
  /** element / criteria (and element columns): the key of the unit field they belong to (default "unit"). */
  unitField?: string;
  /** criteria: which statements of the unit may be chosen (default all). */
  criteriaKind?: 'criterion' | 'knowledge';
  /** person: roles whose people are suggested. */
  roles?: readonly Role[];
  prefill?: Prefill;
  /** Printed beside the next half-width field, as the seed pairs e.g. "Assessor’s signature | Date". */
  half?: true;
  /** Added to the accessible name where the seed's label alone is ambiguous (e.g. which "Date"). */
  context?: string;
  hint?: string;
}

export interface FormSection {
  title: string;
  /** The seed prints no heading for this block. */
  untitled?: true;
  /** Fixed wording the seed prints in the block (a statement, an instruction). */
  note?: string;
  fields: readonly FormField[];
}

/** A table computed from the portfolio and printed inside a typed form (after its first section). */
export type DerivedGrid = 'pc-dates' | 'knowledge-evidence';

export interface FormDefinition {
  type: FormType;
  /** As the seed titles the form. */
  title: string;
  /** Where in seed 001 the form is (Level 2 and Level 3 worked examples). */
  seedRef: string;
  intro?: string;
  sections: readonly FormSection[];
  /** Wholly computed from the portfolio's records: never typed, no stored form. */
  generated?: true;
  /** Typed form with a computed grid (dates/evidence per criterion of the chosen unit). */
  grid?: DerivedGrid;
  /** The evidence type a filled-in form of this kind is. */
  evidenceType?: EvidenceTypeCode;
  /** A column key of the seed printed below the form. */
  columnKey?: readonly string[];
}
