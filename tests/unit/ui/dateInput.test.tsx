// @vitest-environment jsdom
// Dates are typed as they are shown (issue 13, point 18): dd/mm/yyyy in en-GB, whatever the browser's own date
// input would show; the value stored is the ISO date.
import { cleanup, fireEvent, render, screen } from '@testing-library/react';
import { useState } from 'react';
import { afterEach, expect, it } from 'vitest';
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
