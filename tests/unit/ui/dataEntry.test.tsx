// @vitest-environment jsdom
// Entering people and starting portfolios: a fresh form after each add, one record per submission however fast
// the clicks, and a word when a portfolio starts with no units.
import 'fake-indexeddb/auto';
import { cleanup, fireEvent, render, screen, waitFor, within } from '@testing-library/react';
import { MemoryRouter, Route, Routes } from 'react-router';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { FieldfolioDB, setDatabase } from '../../../src/storage/db';
import { listEnrolments, listPeople, savePerson, storeSpecs } from '../../../src/storage';
import { PeoplePage } from '../../../src/ui/pages/PeoplePage';
import { NewPortfolioPage } from '../../../src/ui/pages/NewPortfolioPage';
import { loadSpec } from '../domain/loadSpecs';

const spec = loadSpec('svq2-customer-service-scqf5');

beforeEach(() => {
  setDatabase(new FieldfolioDB('data-entry-' + Math.random()));
});
afterEach(cleanup);

function renderAt(path: string) {
  return render(
    <MemoryRouter initialEntries={[path]}>
      <Routes>
        <Route path="/people" element={<PeoplePage />} />
        <Route path="/portfolios/new" element={<NewPortfolioPage />} />
        <Route path="/portfolios/:portfolioId" element={<h1>Portfolio page</h1>} />
      </Routes>
    </MemoryRouter>,
  );
}

const addForm = () => screen.getByRole('form', { name: 'Add a person' });

describe('adding people', () => {
  it('clears the form after an add, so the next person starts with no roles, and says "Added <name>" by the button', async () => {
    renderAt('/people');
    const form = addForm();
    fireEvent.change(within(form).getByLabelText('Name'), { target: { value: 'Jim Sullivan' } });
    fireEvent.click(within(form).getByRole('checkbox', { name: 'Assessor' }));
    fireEvent.click(within(form).getByRole('button', { name: 'Add person' }));

    const status = await within(form).findByRole('status');
    await waitFor(() => expect(status.textContent).toBe('Added Jim Sullivan'));
    expect(within(form).getByLabelText<HTMLInputElement>('Name').value).toBe('');
    for (const box of within(form).getAllByRole<HTMLInputElement>('checkbox')) expect(box.checked).toBe(false);

    fireEvent.change(within(form).getByLabelText('Name'), { target: { value: 'Annie Clews' } });
    fireEvent.click(within(form).getByRole('checkbox', { name: 'Candidate' }));
    fireEvent.click(within(form).getByRole('button', { name: 'Add person' }));
    await waitFor(() => expect(status.textContent).toBe('Added Annie Clews'));
    const annie = (await listPeople()).find((p) => p.name === 'Annie Clews');
    expect(annie?.roles).toEqual(['candidate']);
  });

  it('adds one person when "Add person" is clicked twice at once', async () => {
    renderAt('/people');
    const form = addForm();
    fireEvent.change(within(form).getByLabelText('Name'), { target: { value: 'Dee Double' } });
    fireEvent.click(within(form).getByRole('checkbox', { name: 'Candidate' }));
    const button = within(form).getByRole('button', { name: 'Add person' });
    fireEvent.click(button);
    fireEvent.click(button);
    await screen.findAllByRole('rowheader', { name: 'Dee Double' });
    await waitFor(() => expect(button.hasAttribute('disabled')).toBe(false));
    expect((await listPeople()).filter((p) => p.name === 'Dee Double')).toHaveLength(1);
  });

  it('stops the name at 200 characters and shows the count near the limit', async () => {
    renderAt('/people');
    const name = within(addForm()).getByLabelText<HTMLInputElement>('Name');
    expect(name.maxLength).toBe(200);
    expect(within(addForm()).queryByText(/of 200 characters/)).toBeNull();
    fireEvent.change(name, { target: { value: 'x'.repeat(170) } });
    expect(within(addForm()).getByText('170 of 200 characters')).toBeTruthy();
  });
});

describe('starting a portfolio', () => {
  async function fillEnrolment() {
    await storeSpecs([spec], 'bundled');
    await savePerson({ name: 'Annie Clews', roles: ['candidate'] });
    renderAt('/portfolios/new');
    const form = await screen.findByRole('form', { name: 'Enrolment' });
    const candidate = within(form).getByRole<HTMLSelectElement>('combobox', { name: 'Candidate' });
    await waitFor(() => expect(candidate.options.length).toBe(2));
    fireEvent.change(candidate, { target: { value: candidate.options[1]!.value } });
    const qualification = within(form).getByRole<HTMLSelectElement>('combobox', { name: 'Qualification' });
    fireEvent.change(qualification, { target: { value: qualification.options[1]!.value } });
    return form;
  }

  it('warns beside the button while no units are chosen, and starts the portfolio all the same', async () => {
    const form = await fillEnrolment();
    const button = within(form).getByRole('button', { name: 'Start the portfolio' });
    const note = within(form).getByText(/No units are chosen yet/);
    expect(button.getAttribute('aria-describedby')).toBe(note.id);

    fireEvent.click(button);
    await screen.findByRole('heading', { name: 'Portfolio page' });
    const [enrolment] = await listEnrolments();
    expect(enrolment?.route).toEqual([]);
  });

  it('hides the warning once a unit is chosen', async () => {
    const form = await fillEnrolment();
    fireEvent.click(within(form).getAllByRole('checkbox')[0]!);
    expect(within(form).queryByText(/No units are chosen yet/)).toBeNull();
  });

  it('starts one portfolio when "Start the portfolio" is clicked twice at once', async () => {
    const form = await fillEnrolment();
    const button = within(form).getByRole('button', { name: 'Start the portfolio' });
    fireEvent.click(button);
    fireEvent.click(button);
    await screen.findByRole('heading', { name: 'Portfolio page' });
    expect(await listEnrolments()).toHaveLength(1);
  });
});
