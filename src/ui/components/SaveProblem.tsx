// A problem found when Save is pressed, said where the user is looking. On a long phone form an error at the top
// sits screens away from Save and the tap looks dead, so the problem is shown beside the button, announced (an
// alert), and focus moves to the first control at fault (or to the message, when no control is).
import { useEffect, useRef, type RefObject } from 'react';

export interface SaveProblem {
  message: string;
  /** A selector, inside the form, for the control at fault; without it, the form's first invalid control. */
  field?: string;
}

const FIRST_INVALID = '[aria-invalid="true"], input:invalid, select:invalid, textarea:invalid';

/** Shows `problem` beside Save; each new problem object moves focus again (a second tap on Save is answered too). */
export function SaveProblemAlert({
  problem,
  formRef,
}: {
  problem: SaveProblem | null;
  formRef: RefObject<HTMLFormElement | null>;
}) {
  const alertRef = useRef<HTMLParagraphElement>(null);
  useEffect(() => {
    if (!problem) return;
    const form = formRef.current;
    const named = problem.field ? form?.querySelector<HTMLElement>(problem.field) : null;
    (named ?? form?.querySelector<HTMLElement>(FIRST_INVALID) ?? alertRef.current)?.focus();
  }, [problem, formRef]);
  if (!problem) return null;
  return (
    <p ref={alertRef} className="alert no-print" role="alert" tabIndex={-1} data-testid="save-problem">
      {problem.message}
    </p>
  );
}
