import { useId, useRef, useState, type RefObject } from 'react';
import { formatDateTime } from '../../domain';
import { useSignaturePad } from './useSignaturePad';
import './capture.css';

export type SignatureValue = {
  typedName: string;
  role: string;
  /** PNG data URL; '' when signed with the typed name only. */
  image: string;
  /** ISO 8601 time the signature was last changed; '' when not recorded (signatures saved before times were kept). */
  signedAt: string;
};

export type SignatureFieldProps = {
  /** e.g. "Assessor's signature" (the group's legend). */
  label: string;
  defaultName?: string;
  /**
   * The role signed as, e.g. "Assessor": decided by who is signing and what they are, never typed (a candidate
   * could otherwise sign as assessor). '' when the line names no role.
   */
  role: string;
  value: SignatureValue | null;
  onChange(v: SignatureValue | null): void;
  required?: boolean;
  /**
   * Makes the legend a heading of this level, for a form where the signature is a section of its own: screen reader
   * users reach it by heading, and no separate heading repeats the legend above the box.
   */
  headingLevel?: 2 | 3;
};

type Draft = { typedName: string; image: string; cannotDraw: boolean };

/** Whether this browser can draw on a 2D canvas (jsdom and some locked-down webviews cannot). */
function canvasSupported(): boolean {
  if (typeof document === 'undefined') return false;
  try {
    return document.createElement('canvas').getContext('2d') !== null;
  } catch {
    return false;
  }
}

/** The value a draft makes: null until the typed name is given and something is drawn (or drawing is waived). */
function signatureOf(next: Draft, role: string, value: SignatureValue | null): SignatureValue | null {
  const typedName = next.typedName.trim();
  const image = next.cannotDraw ? '' : next.image;
  if (typedName === '' || (image === '' && !next.cannotDraw)) return null;
  // Keep the time of signing when nothing changed (e.g. the same name typed again).
  const unchanged = value !== null && value.typedName === typedName && value.role === role && value.image === image;
  return { typedName, role, image, signedAt: unchanged ? value.signedAt : new Date().toISOString() };
}

/**
 * A signature for evidence sign-off: typed name, the role signed as (shown, not typed), plus a drawn signature (signature_pad on a canvas:
 * finger, stylus or mouse). Someone who cannot draw (keyboard or switch users, screen reader users) ticks
 * "I cannot draw a signature" and signs with the typed name only (`image: ''`).
 *
 * `onChange` receives a value once the typed name is non-empty and something is drawn (or the typed-name
 * option is ticked), and `null` otherwise. `value` seeds the field on mount (including a previously drawn
 * image) and drives the "Signed …" line; to reset the field from outside, remount it with a new `key`.
 */
export function SignatureField({
  label,
  defaultName,
  role,
  value,
  onChange,
  required = false,
  headingLevel,
}: SignatureFieldProps) {
  const id = useId();
  const [draft, setDraft] = useState<Draft>(() => ({
    typedName: value?.typedName ?? defaultName ?? '',
    image: value?.image ?? '',
    cannotDraw: value !== null && value.image === '',
  }));
  const [canDraw] = useState(canvasSupported);
  const canvasRef = useRef<HTMLCanvasElement>(null);
  /** A signature image restored from `value` (not stroke data): redrawn under any new strokes on resize. */
  const baseImageRef = useRef<string | null>(value?.image ? value.image : null);

  const update = (next: Draft) => {
    setDraft(next);
    onChange(signatureOf(next, role, value));
  };

  const padRef = useSignaturePad(canDraw, canvasRef, baseImageRef, (pad) =>
    update({ ...draft, image: pad.isEmpty() ? '' : pad.toDataURL('image/png') }),
  );

  const clear = () => {
    padRef.current?.clear();
    baseImageRef.current = null;
    update({ ...draft, image: '' });
  };

  return (
    <fieldset className={headingLevel ? 'signature-field signature-section' : 'signature-field'}>
      <SignatureLegend label={label} required={required} headingLevel={headingLevel} />

      <SignerInputs id={id} draft={draft} role={role} required={required} update={update} />

      <SignatureDrawing
        hidden={draft.cannotDraw}
        canDraw={canDraw}
        canvasRef={canvasRef}
        drawn={draft.image !== ''}
        hintId={`${id}-hint`}
        onClear={clear}
      />

      <label className="capture-check">
        <input
          type="checkbox"
          checked={draft.cannotDraw}
          onChange={(e) => update({ ...draft, cannotDraw: e.target.checked })}
        />
        I cannot draw a signature — use my typed name
      </label>

      <SignatureStatus value={value} draft={draft} />
    </fieldset>
  );
}

interface SignatureDrawingProps {
  hidden: boolean;
  canDraw: boolean;
  canvasRef: RefObject<HTMLCanvasElement | null>;
  drawn: boolean;
  hintId: string;
  onClear: () => void;
}

/** The group's name, as a heading when the signature is a section of its own. */
function SignatureLegend({
  label,
  required,
  headingLevel,
}: Pick<SignatureFieldProps, 'label' | 'required' | 'headingLevel'>) {
  const Heading = headingLevel ? (`h${headingLevel}` as const) : 'span';
  return (
    <legend>
      <Heading className="signature-legend">
        {label}
        {required && <span className="meta"> (required)</span>}
      </Heading>
    </legend>
  );
}

/**
 * The box to sign in, saying how to sign until something is drawn and with Clear in its corner (no rows of their own
 * on a phone), or a note that this device cannot draw.
 */
function SignatureDrawing({ hidden, canDraw, canvasRef, drawn, hintId, onClear }: SignatureDrawingProps) {
  return (
    <div className="signature-pad" hidden={hidden}>
      {canDraw ? (
        <div className={drawn ? 'signature-box drawn' : 'signature-box'}>
          <canvas
            ref={canvasRef}
            role="img"
            aria-label={drawn ? 'Signature drawn' : 'Signature pad, empty'}
            aria-describedby={hintId}
          />
          <p className="meta signature-hint" id={hintId}>
            Sign inside the box with a finger, stylus or mouse.
          </p>
          <button type="button" className="secondary" aria-label="Clear signature" onClick={onClear}>
            Clear
          </button>
        </div>
      ) : (
        <p className="meta">Drawing is not available on this device. Sign with your typed name instead (below).</p>
      )}
    </div>
  );
}

/** What a signature still lacks, said in the status line: only what is missing, so it fits on a phone's line. */
function missingText(draft: Draft): string {
  const needsName = draft.typedName.trim() === '';
  const needsDrawing = !draft.cannotDraw && draft.image === '';
  if (needsName && !needsDrawing) return 'Not signed yet: type your full name.';
  if (needsDrawing && !needsName) return 'Not signed yet: sign in the box.';
  return 'Not signed yet: type your full name and sign in the box.';
}

/** Whether the field holds a signature (or what it lacks), and by whom and when it was signed. */
function SignatureStatus({ value, draft }: { value: SignatureValue | null; draft: Draft }) {
  return (
    <>
      <p className="signature-status" role="status">
        {value ? '✓ Signed' : missingText(draft)}
      </p>
      {value && (
        <p className="meta signature-time">
          Signed by {value.typedName}
          {value.role ? ` (${value.role})` : ''}
          {value.signedAt ? (
            <>
              {' '}
              on <time dateTime={value.signedAt}>{formatDateTime(value.signedAt)}</time>
            </>
          ) : (
            ' (time of signing not recorded)'
          )}
          {value.image === '' ? ', with typed name only' : ''}
        </p>
      )}
    </>
  );
}

interface SignerInputsProps {
  id: string;
  draft: Draft;
  role: string;
  required: boolean;
  update: (next: Draft) => void;
}

/** The signer's full name, and beside its label the role they sign as (given, not typed; read with the name). */
function SignerInputs({ id, draft, role, required, update }: SignerInputsProps) {
  return (
    <div className="signature-inputs">
      <div className="signature-name-label">
        <label htmlFor={`${id}-name`}>Full name</label>
        {role && (
          <span className="signing-as" id={`${id}-role`}>
            Signing as <strong>{role}</strong>
          </span>
        )}
      </div>
      <input
        id={`${id}-name`}
        type="text"
        autoComplete="name"
        value={draft.typedName}
        aria-required={required || undefined}
        aria-describedby={role ? `${id}-role` : undefined}
        onChange={(e) => update({ ...draft, typedName: e.target.value })}
      />
    </div>
  );
}
