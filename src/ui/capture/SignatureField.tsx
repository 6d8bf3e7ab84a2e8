import { useEffect, useEffectEvent, useId, useRef, useState } from 'react';
import SignaturePad from 'signature_pad';
import { formatSignedAt, scalePointGroups } from './signatureData';
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
  defaultRole?: string;
  value: SignatureValue | null;
  onChange(v: SignatureValue | null): void;
  required?: boolean;
};

type Draft = { typedName: string; role: string; image: string; cannotDraw: boolean };

/** Whether this browser can draw on a 2D canvas (jsdom and some locked-down webviews cannot). */
function canvasSupported(): boolean {
  if (typeof document === 'undefined') return false;
  try {
    return document.createElement('canvas').getContext('2d') !== null;
  } catch {
    return false;
  }
}

/**
 * A signature for evidence sign-off: typed name and role, plus a drawn signature (signature_pad on a canvas:
 * finger, stylus or mouse). Someone who cannot draw (keyboard or switch users, screen reader users) ticks
 * "I cannot draw a signature" and signs with the typed name only (`image: ''`).
 *
 * `onChange` receives a value once the typed name is non-empty and something is drawn (or the typed-name
 * option is ticked), and `null` otherwise. `value` seeds the field on mount (including a previously drawn
 * image) and drives the "Signed …" line; to reset the field from outside, remount it with a new `key`.
 */
export function SignatureField({ label, defaultName, defaultRole, value, onChange, required = false }: SignatureFieldProps) {
  const id = useId();
  const [draft, setDraft] = useState<Draft>(() => ({
    typedName: value?.typedName ?? defaultName ?? '',
    role: value?.role ?? defaultRole ?? '',
    image: value?.image ?? '',
    cannotDraw: value !== null && value.image === '',
  }));
  const [canDraw] = useState(canvasSupported);
  const canvasRef = useRef<HTMLCanvasElement>(null);
  const padRef = useRef<SignaturePad | null>(null);
  /** A signature image restored from `value` (not stroke data): redrawn under any new strokes on resize. */
  const baseImageRef = useRef<string | null>(value?.image ? value.image : null);

  const update = (next: Draft) => {
    setDraft(next);
    const typedName = next.typedName.trim();
    const role = next.role.trim();
    const image = next.cannotDraw ? '' : next.image;
    if (typedName === '' || (image === '' && !next.cannotDraw)) {
      onChange(null);
      return;
    }
    const unchanged = value !== null && value.typedName === typedName && value.role === role && value.image === image;
    onChange({ typedName, role, image, signedAt: unchanged ? value.signedAt : new Date().toISOString() });
  };

  const onEndStroke = useEffectEvent(() => {
    const pad = padRef.current;
    if (!pad) return;
    update({ ...draft, image: pad.isEmpty() ? '' : pad.toDataURL('image/png') });
  });

  useEffect(() => {
    const canvas = canvasRef.current;
    if (!canDraw || !canvas) return;
    const pad = new SignaturePad(canvas, {
      penColor: '#111827',
      backgroundColor: 'rgb(255, 255, 255)',
      minWidth: 0.8,
      maxWidth: 2.8,
    });
    padRef.current = pad;
    let cssWidth = 0;
    let generation = 0;

    /** Fit the backing store to the element's CSS size × device pixel ratio, keeping what was drawn. */
    const resize = () => {
      const width = canvas.offsetWidth;
      const height = canvas.offsetHeight;
      if (width === 0 || height === 0) return; // hidden: keep everything until it is shown again
      const ratio = Math.max(window.devicePixelRatio || 1, 1);
      const pixelWidth = Math.round(width * ratio);
      const pixelHeight = Math.round(height * ratio);
      if (width === cssWidth && canvas.width === pixelWidth && canvas.height === pixelHeight) return;
      const data = pad.toData();
      const factor = cssWidth > 0 ? width / cssWidth : 1;
      const strokes = factor === 1 ? data : scalePointGroups(data, factor);
      canvas.width = pixelWidth; // clears the canvas and resets its transform
      canvas.height = pixelHeight;
      canvas.getContext('2d')?.scale(ratio, ratio);
      cssWidth = width;
      pad.clear();
      const base = baseImageRef.current;
      if (base) {
        const mine = ++generation;
        pad
          .fromDataURL(base, { ratio, width, height })
          .then(() => {
            if (mine === generation && strokes.length > 0) pad.fromData(strokes, { clear: false });
          })
          .catch(() => {
            baseImageRef.current = null;
            if (mine === generation && strokes.length > 0) pad.fromData(strokes);
          });
      } else if (strokes.length > 0) {
        pad.fromData(strokes);
      }
    };

    const handleEnd = () => onEndStroke();
    pad.addEventListener('endStroke', handleEnd);
    resize();
    window.addEventListener('resize', resize);
    const observer = typeof ResizeObserver === 'function' ? new ResizeObserver(() => resize()) : null;
    observer?.observe(canvas);
    return () => {
      generation++;
      observer?.disconnect();
      window.removeEventListener('resize', resize);
      pad.removeEventListener('endStroke', handleEnd);
      pad.off();
      padRef.current = null;
    };
  }, [canDraw]);

  const clear = () => {
    padRef.current?.clear();
    baseImageRef.current = null;
    update({ ...draft, image: '' });
  };

  const drawn = draft.image !== '';
  const hintId = `${id}-hint`;
  return (
    <fieldset className="signature-field">
      <legend>
        {label}
        {required && <span className="meta"> (required)</span>}
      </legend>

      <div className="signature-inputs">
        <label htmlFor={`${id}-name`}>
          Full name
          <input
            id={`${id}-name`}
            type="text"
            autoComplete="name"
            value={draft.typedName}
            aria-required={required || undefined}
            onChange={(e) => update({ ...draft, typedName: e.target.value })}
          />
        </label>
        <label htmlFor={`${id}-role`}>
          Role
          <input
            id={`${id}-role`}
            type="text"
            autoComplete="organization-title"
            value={draft.role}
            onChange={(e) => update({ ...draft, role: e.target.value })}
          />
        </label>
      </div>

      <div className="signature-pad" hidden={draft.cannotDraw}>
        {canDraw ? (
          <>
            <p className="meta" id={hintId}>
              Sign inside the box with a finger, stylus or mouse.
            </p>
            <canvas
              ref={canvasRef}
              role="img"
              aria-label={drawn ? 'Signature drawn' : 'Signature pad, empty'}
              aria-describedby={hintId}
            />
            <button type="button" className="secondary" aria-label="Clear signature" onClick={clear}>
              Clear
            </button>
          </>
        ) : (
          <p className="meta">Drawing is not available on this device. Sign with your typed name instead (below).</p>
        )}
      </div>

      <label className="capture-check">
        <input
          type="checkbox"
          checked={draft.cannotDraw}
          onChange={(e) => update({ ...draft, cannotDraw: e.target.checked })}
        />
        I cannot draw a signature — use my typed name
      </label>

      <p className="signature-status" role="status">
        {value ? '✓ Signed' : draft.cannotDraw ? 'Not signed yet: type your full name.' : 'Not signed yet: type your full name and sign in the box.'}
      </p>
      {value && (
        <p className="meta signature-time">
          Signed by {value.typedName}
          {value.role ? ` (${value.role})` : ''}
          {value.signedAt ? (
            <>
              {' '}
              on <time dateTime={value.signedAt}>{formatSignedAt(value.signedAt)}</time>
            </>
          ) : (
            ' (time of signing not recorded)'
          )}
          {value.image === '' ? ', with typed name only' : ''}
        </p>
      )}
    </fieldset>
  );
}
