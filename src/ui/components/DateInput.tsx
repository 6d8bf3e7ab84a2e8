// A date typed the way every date on screen is shown (formatDate: dd/mm/yyyy in en-GB). A native date input
// shows the browser's own format instead (mm/dd/yyyy in an en-US browser, beside dates shown dd/mm/yyyy), so dates
// are typed as text and read with parseDate; the value in and out is an ISO calendar date, as stored.
import { useState, type InputHTMLAttributes } from 'react';
import { datePattern, formatDate, parseDate } from '../../domain';

type DateInputProps = Omit<InputHTMLAttributes<HTMLInputElement>, 'value' | 'onChange' | 'type'> & {
  /** An ISO calendar date ("2026-06-03"), or '' for none. */
  value: string;
  /** Called with the ISO date once what is typed is a real day, and with '' while it is not (or is cleared). */
  onChange: (e: { target: { value: string } }) => void;
};

export function DateInput({ value, onChange, ...input }: DateInputProps) {
  const [text, setText] = useState(() => formatDate(value));
  const [seen, setSeen] = useState(value);
  // Follow a value set from outside (a restored draft, a reset), not the one this input has just reported.
  if (value !== seen) {
    setSeen(value);
    if ((parseDate(text) ?? '') !== value) setText(formatDate(value));
  }
  const pattern = datePattern();
  const unreadable = text.trim() !== '' && parseDate(text) === null;
  return (
    <>
      <input
        {...input}
        type="text"
        inputMode="numeric"
        autoComplete="off"
        placeholder={pattern}
        value={text}
        aria-invalid={unreadable || input['aria-invalid'] || undefined}
        onChange={(e) => {
          setText(e.target.value);
          onChange({ target: { value: parseDate(e.target.value) ?? '' } });
        }}
      />
      {unreadable && (
        <small className="date-hint" role="status">
          Not a date yet: type it as {pattern}, for example {formatDate('2026-06-03')}.
        </small>
      )}
    </>
  );
}
