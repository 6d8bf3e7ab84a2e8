// @vitest-environment jsdom
// Deleting a person on the People page: asked first on the page, refused with the reason when a portfolio names
// them, and undone with one tap while the page is open.
import 'fake-indexeddb/auto';
import { cleanup, fireEvent, render, screen, waitFor, within } from '@testing-library/react';
import { MemoryRouter } from 'react-router';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { FieldfolioDB, setDatabase } from '../../../src/storage/db';
import { createEnrolment, listPeople, savePerson } from '../../../src/storage';
import { PeoplePage } from '../../../src/ui/pages/PeoplePage';
import { enrolmentFields } from '../factories';

beforeEach(() => setDatabase(new FieldfolioDB('ui-deletion-' + Math.random())));
afterEach(cleanup);

const renderPeople = () =>
  render(
    <MemoryRouter>
      <PeoplePage />
    </MemoryRouter>,
  );

async function deleteFromEditor(name: string) {
  fireEvent.click(await screen.findByRole('button', { name: `Edit ${name}` }, { timeout: 5000 }));
  fireEvent.click(screen.getByRole('button', { name: `Delete ${name}` }));
  const ask = screen.getByRole('group', { name: `Delete ${name}` });
  expect(within(ask).getByText(/You can undo it while this page is open/)).toBeTruthy();
  fireEvent.click(within(ask).getByRole('button', { name: 'Yes, delete' }));
}

describe('deleting a person', () => {
  it('deletes after confirming, and Undo brings them back', async () => {
    await savePerson({ name: 'Wrong Witness', roles: ['witness'] });
    renderPeople();
    await deleteFromEditor('Wrong Witness');
    const note = await screen.findByTestId('undo-note');
    await waitFor(() => expect(within(note).getByRole('status').textContent).toBe('Deleted Wrong Witness.'));
    await waitFor(() => expect(screen.queryByRole('rowheader', { name: 'Wrong Witness' })).toBeNull());
    expect(await listPeople()).toEqual([]);
    fireEvent.click(within(note).getByRole('button', { name: 'Undo' }));
    await screen.findByRole('rowheader', { name: 'Wrong Witness' });
    expect((await listPeople()).map((p) => p.name)).toEqual(['Wrong Witness']);
  });

  it('refuses to delete a candidate with a portfolio, saying why', async () => {
    const annie = await savePerson({ name: 'Annie Clews', roles: ['candidate'] });
    await createEnrolment(enrolmentFields(annie.id));
    renderPeople();
    await deleteFromEditor('Annie Clews');
    const alert = await screen.findByRole('alert');
    expect(alert.textContent).toBe(
      'Annie Clews cannot be deleted: they are named on their own portfolio. Delete that portfolio first.',
    );
    expect(await listPeople()).toHaveLength(1);
  });
});
