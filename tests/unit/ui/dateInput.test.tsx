// @vitest-environment jsdom
// Dates are typed as they are shown (issue 13, point 18): dd/mm/yyyy in en-GB, whatever the browser's own date
// input would show; the value stored is the ISO date. The browser's calendar is offered beside the field.
import { cleanup, fireEvent, render, screen } from '@testing-library/react';
import { useState } from 'react';
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { DateInput } from '../../../src/ui/components/DateInput';

afterEach(cleanup);

function Harness({ initial }: { initial: string }) {
  const [value, setValue] = useState(initial);
  return (
    <>
      <label>
        Date <DateInput value={value} onChange={(e) => setValue(e.target.value)} />
      </label>
      <p data-testid="stored">{value}</p>
      <button type="button" onClick={() => setValue('2011-05-14')}>
        Restore
      </button>
    </>
  );
}

const input = () => screen.getByLabelText(/^Date/) as HTMLInputElement;
const stored = () => screen.getByTestId('stored').textContent;

it('shows a stored date dd/mm/yyyy, in a text field, not the browser’s own date field', () => {
  render(<Harness initial="2026-06-03" />);
  expect(input().type).toBe('text');
  expect(input().value).toBe('03/06/2026');
  expect(input().placeholder).toBe('dd/mm/yyyy');
});

it('stores what is typed as an ISO date once it is a real day, and says what is wrong until then', () => {
  render(<Harness initial="" />);
  fireEvent.change(input(), { target: { value: '3/12/202' } });
  expect(stored()).toBe('');
  expect(screen.getByRole('status').textContent).toBe('Not a date yet: type it as dd/mm/yyyy, for example 03/06/2026.');
  expect(input().getAttribute('aria-invalid')).toBe('true');
  fireEvent.change(input(), { target: { value: '3/12/2026' } });
  expect(stored()).toBe('2026-12-03');
  // What was typed stays as typed while it means the stored date.
  expect(input().value).toBe('3/12/2026');
  expect(screen.queryByRole('status')).toBeNull();
});

it('follows a date set from outside (a restored draft)', () => {
  render(<Harness initial="2026-06-03" />);
  fireEvent.click(screen.getByRole('button', { name: 'Restore' }));
  expect(input().value).toBe('14/05/2011');
});

describe('the calendar beside the field', () => {
  // jsdom has no showPicker: stand in for a browser that has one, and see that the button asks it to open.
  let showPicker: ReturnType<typeof vi.fn>;
  beforeEach(() => {
    showPicker = vi.fn();
    Object.defineProperty(HTMLInputElement.prototype, 'showPicker', { value: showPicker, configurable: true });
  });
  afterEach(() => {
    delete (HTMLInputElement.prototype as Partial<HTMLInputElement>).showPicker;
  });
  const calendar = () => document.querySelector<HTMLInputElement>('input[type=date]')!;

  it('opens the browser’s calendar from a button named after the field, and writes the date chosen dd/mm/yyyy', () => {
    render(<Harness initial="2026-06-03" />);
    const button = screen.getByRole('button', { name: 'Choose date from a calendar' });
    // No native date input until the button is used (the first one costs a slow phone ~80 ms).
    expect(calendar()).toBeNull();
    fireEvent.click(button);
    // The calendar opens at the stored date.
    expect(calendar().value).toBe('2026-06-03');
    expect(showPicker).toHaveBeenCalledTimes(1);
    expect(showPicker.mock.contexts[0]).toBe(calendar());
    fireEvent.change(calendar(), { target: { value: '2026-07-09' } });
    expect(input().value).toBe('09/07/2026');
    expect(stored()).toBe('2026-07-09');
    // The field is still named by its label alone, not by the button inside the label too.
    expect(screen.getByRole('textbox', { name: 'Date' })).toBe(input());
  });

  it('keeps the hidden date input out of the tab order and away from assistive technology, with min and max', () => {
    render(
      <label>
        Start date <DateInput value="" onChange={() => {}} min="2026-01-01" max="2026-12-31" />
      </label>,
    );
    const button = screen.getByRole('button', { name: 'Choose start date from a calendar' });
    expect(calendar()).toBeNull();
    fireEvent.focus(button);
    expect(calendar().tabIndex).toBe(-1);
    expect(calendar().getAttribute('aria-hidden')).toBe('true');
    expect([calendar().min, calendar().max]).toEqual(['2026-01-01', '2026-12-31']);
  });

  it('is not offered where the browser cannot open its calendar on request; typing still works', () => {
    delete (HTMLInputElement.prototype as Partial<HTMLInputElement>).showPicker;
    render(<Harness initial="" />);
    expect(screen.queryByRole('button', { name: /from a calendar/ })).toBeNull();
    fireEvent.change(input(), { target: { value: '09/07/2026' } });
    expect(stored()).toBe('2026-07-09');
  });
});
