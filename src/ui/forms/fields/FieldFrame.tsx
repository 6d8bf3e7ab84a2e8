// What every field control shares: its label (with the hidden context and "required"), its hint and its problem,
// tied to the control for assistive technology.
import { useId, type ReactNode } from 'react';
import type { FormField } from '../../../domain';
import type { FieldContext } from './fieldContext';

/** Words added to an accessible name where the seed's label alone is ambiguous. */
export function Context({ text }: { text?: string }) {
  return text ? <span className="visually-hidden"> ({text})</span> : null;
}

export interface FieldFrame {
  id: string;
  label: ReactNode;
  /** The hint and the problem, to print after the control. */
  extras: ReactNode;
  describedBy: string | undefined;
  /** Props of the control itself. */
  common: { id: string; 'aria-describedby': string | undefined; 'aria-invalid': true | undefined; name: string };
}

export function useFieldFrame(field: FormField, ctx: FieldContext): FieldFrame {
  const id = useId();
  const hintId = `${id}-hint`;
  const errorId = `${id}-error`;
  const problem = ctx.problems.find((p) => p.key === field.key);
  const describedBy = [field.hint ? hintId : '', problem ? errorId : ''].filter(Boolean).join(' ') || undefined;
  const label = (
    <span>
      {field.label}
      <Context text={field.context} />
      {field.required && <span className="required"> (required)</span>}
    </span>
  );
  const extras = (
    <>
      {field.hint && (
        <span id={hintId} className="meta">
          {field.hint}
        </span>
      )}
      {problem && (
        <span id={errorId} className="field-error">
          {problem.message}
        </span>
      )}
    </>
  );
  const common = {
    id,
    'aria-describedby': describedBy,
    'aria-invalid': problem ? (true as const) : undefined,
    name: field.key,
  };
  return { id, label, extras, describedBy, common };
}

/** A labelled control with its hint and problem below it. */
export function Labelled({ frame, children }: { frame: FieldFrame; children: ReactNode }) {
  return (
    <div className="field">
      <label htmlFor={frame.id}>{frame.label}</label>
      {children}
      {frame.extras}
    </div>
  );
}
