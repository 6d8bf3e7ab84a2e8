// The characters typed against a field's limit, shown only near the limit so the count is news when it appears.

/** Shown from this share of the limit: early enough to stop, late enough not to clutter every field. */
const SHOWN_FROM = 0.8;

/** "180 of 200 characters" under a field once it nears `max`; the input itself stops at `max` (`maxLength`). */
export function CharCount({ value, max }: { value: string; max: number }) {
  if (value.length < max * SHOWN_FROM) return null;
  return (
    <small className="char-count" aria-live="polite">
      {value.length.toLocaleString('en-GB')} of {max.toLocaleString('en-GB')} characters
    </small>
  );
}
