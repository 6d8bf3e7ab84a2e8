// A date typed the way every date on screen is shown (formatDate: dd/mm/yyyy in en-GB). A native date input
// shows the browser's own format instead (mm/dd/yyyy in an en-US browser, beside dates shown dd/mm/yyyy), so dates
// are typed as text and read with parseDate; the value in and out is an ISO calendar date, as stored. The browser's
// own calendar is still offered, beside the field: a hidden native date input opened with showPicker().
import { useId, useLayoutEffect, useRef, useState, type InputHTMLAttributes, type RefObject } from 'react';
import { flushSync } from 'react-dom';
import { datePattern, formatDate, parseDate } from '../../domain';

type DateInputProps = Omit<InputHTMLAttributes<HTMLInputElement>, 'value' | 'onChange' | 'type'> & {
  /** An ISO calendar date ("2026-06-03"), or '' for none. */
  value: string;
  /** Called with the ISO date once what is typed is a real day, and with '' while it is not (or is cleared). */
  onChange: (e: { target: { value: string } }) => void;
};

export function DateInput({ value, onChange, min, max, ...input }: DateInputProps) {
  const [text, setText] = useState(() => formatDate(value));
  const [seen, setSeen] = useState(value);
  const textRef = useRef<HTMLInputElement>(null);
  const fieldName = useFieldName(textRef);
  // Follow a value set from outside (a restored draft, a reset), not the one this input has just reported.
  if (value !== seen) {
    setSeen(value);
    if ((parseDate(text) ?? '') !== value) setText(formatDate(value));
  }
  const pattern = datePattern();
  const unreadable = text.trim() !== '' && parseDate(text) === null;
  const hintId = useId();
  const describedBy = [input['aria-describedby'], unreadable ? hintId : ''].filter(Boolean).join(' ') || undefined;
  return (
    <>
      <span className="date-input">
        <input
          {...input}
          ref={textRef}
          type="text"
          inputMode="numeric"
          autoComplete="off"
          placeholder={pattern}
          value={text}
          aria-label={input['aria-label'] ?? fieldName.ownLabel}
          aria-describedby={describedBy}
          aria-invalid={unreadable || input['aria-invalid'] || undefined}
          onChange={(e) => {
            setText(e.target.value);
            onChange({ target: { value: parseDate(e.target.value) ?? '' } });
          }}
        />
        {pickerSupported() && (
          <CalendarButton
            name={fieldName.spoken}
            value={value}
            min={min}
            max={max}
            disabled={input.disabled || input.readOnly}
            // The text follows as it does for any value set from outside (see `seen` above).
            onPick={(iso) => onChange({ target: { value: iso } })}
          />
        )}
      </span>
      {unreadable && (
        <small className="date-hint" role="status" id={hintId}>
          Not a date yet: type it as {pattern}, for example {formatDate('2026-06-03')}.
        </small>
      )}
    </>
  );
}

/** Whether this browser can open a date input's calendar on request (not in older browsers, nor in jsdom). */
const pickerSupported = () => typeof HTMLInputElement !== 'undefined' && 'showPicker' in HTMLInputElement.prototype;

interface CalendarButtonProps {
  /** The field's name as said in the button's name, e.g. "start date". */
  name: string;
  value: string;
  min: string | number | undefined;
  max: string | number | undefined;
  disabled: boolean | undefined;
  onPick: (iso: string) => void;
}

/**
 * A 44 px button that opens the browser's calendar: a native date input, invisible under the field and button (so
 * the calendar opens below the field), out of the tab order and hidden from assistive technology, as the button
 * stands for it. The native input is made when the button is first reached (pointer, focus or click): the first
 * date input of a page builds the browser's date formats, ~80 ms of a slow phone's form start at 4×.
 */
function CalendarButton({ name, value, min, max, disabled, onPick }: CalendarButtonProps) {
  const native = useRef<HTMLInputElement>(null);
  const [made, setMade] = useState(false);
  const make = () => setMade(true);
  const open = () => {
    // Made in this click at the latest, so that showPicker still has the click's user activation.
    if (!native.current) flushSync(make);
    try {
      native.current?.showPicker();
    } catch {
      // Refused (e.g. no user gesture reached it): the typed field beside it still takes the date.
    }
  };
  return (
    <span className="date-picker" data-date-extra="">
      <button
        type="button"
        className="secondary date-picker-button"
        onPointerDown={make}
        onFocus={make}
        onClick={open}
        disabled={disabled}
      >
        <CalendarIcon />
        <span className="visually-hidden">Choose {name} from a calendar</span>
      </button>
      {made && (
        <input
          ref={native}
          type="date"
          className="date-picker-native"
          tabIndex={-1}
          aria-hidden="true"
          value={value}
          min={min}
          max={max}
          onChange={(e) => onPick(e.target.value)}
        />
      )}
    </span>
  );
}

/**
 * The field's name, read from its label. The calendar button is named after it ("Choose start date from a
 * calendar"); and where the label wraps this input, the text field is named by the label's own words, so the
 * button's name inside the label does not become part of the field's name. Read once: date labels do not change.
 */
function useFieldName(textRef: RefObject<HTMLInputElement | null>) {
  const [name, setName] = useState({ ownLabel: undefined as string | undefined, spoken: 'the date' });
  useLayoutEffect(() => {
    const el = textRef.current;
    const label = el?.labels?.[0];
    if (!el || !label) return;
    const copy = label.cloneNode(true) as HTMLElement;
    copy.querySelectorAll('[data-date-extra], .date-hint').forEach((n) => n.remove());
    const words = (copy.textContent ?? '').replace(/\s+/g, ' ').trim();
    if (!words) return;
    const ownLabel = label.contains(el) ? words : undefined;
    const plain = words.replace(/\s*\(required\)/i, '');
    // "Start date" → "start date", but "IQA visit date" stays as it is.
    const spoken = /^[A-Z][a-z]/.test(plain) ? plain[0]!.toLowerCase() + plain.slice(1) : plain;
    setName({ ownLabel, spoken });
  }, [textRef]);
  return name;
}

function CalendarIcon() {
  return (
    <svg viewBox="0 0 24 24" width="22" height="22" aria-hidden="true" focusable="false">
      <path
        d="M5 5h14a1 1 0 0 1 1 1v13a1 1 0 0 1-1 1H5a1 1 0 0 1-1-1V6a1 1 0 0 1 1-1zM4 10h16M8 3v4M16 3v4M8 14h2M14 14h2M8 17h2"
        fill="none"
        stroke="currentColor"
        strokeWidth="2"
        strokeLinecap="round"
      />
    </svg>
  );
}
