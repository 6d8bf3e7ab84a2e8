// @vitest-environment jsdom
// The centre-QA editors' shared form shape: an appeal refused in words until it names the candidate, the portfolio
// choice emptied when the candidate changes, then saved; and the EQA pack reached from the QA navigation, not the
// header's.
import 'fake-indexeddb/auto';
import { cleanup, fireEvent, render, screen, waitFor, within } from '@testing-library/react';
import { MemoryRouter } from 'react-router';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { FieldfolioDB, setDatabase } from '../../../src/storage/db';
import { createEnrolment, listAppeals, savePerson, setActingPerson, storeSpecs } from '../../../src/storage';
import { AppealsPage } from '../../../src/ui/pages/qa/AppealsPage';
import { NAV_LINKS } from '../../../src/ui/navLinks';
import { routes } from '../../../src/ui/routes';
import { installTestClock } from '../clock';
import { enrolmentFields, personFields } from '../factories';
import { loadSpec } from '../domain/loadSpecs';

installTestClock('2026-06-01T09:00:00.000Z');
beforeEach(async () => {
  setDatabase(new FieldfolioDB(`qa-editors-${Math.random()}`));
  await storeSpecs([loadSpec('svq2-customer-service-scqf5')], 'bundled');
});
afterEach(cleanup);

describe('the appeals editor', () => {
  it('says what is missing, empties the portfolio when the candidate changes, and saves once complete', async () => {
    const kenneth = await savePerson(personFields({ name: 'Kenneth Hay', roles: ['iqa'], iqaStatus: 'qualified' }));
    const annie = await savePerson(personFields({ name: 'Annie' }));
    await savePerson(personFields({ name: 'Bob' }));
    const portfolio = await createEnrolment(enrolmentFields(annie.id, { startDate: '2026-03-01' }));
    await setActingPerson(kenneth.id);
    render(
      <MemoryRouter>
        <AppealsPage />
      </MemoryRouter>,
    );
    fireEvent.click(await screen.findByRole('button', { name: 'Log an appeal' }));
    const form = screen.getByRole('form', { name: 'New appeal' });
    fireEvent.click(within(form).getByRole('button', { name: 'Save the appeal' }));
    expect((await within(form).findByRole('alert')).textContent).toBe('Choose the candidate who appeals.');
    expect(within(form).getByRole('combobox', { name: 'Candidate' }).getAttribute('aria-invalid')).toBe('true');

    const candidate = within(form).getByRole('combobox', { name: 'Candidate' });
    const portfolioChoice = within(form).getByRole('combobox', { name: 'Portfolio (optional)' }) as HTMLSelectElement;
    fireEvent.change(candidate, { target: { value: annie.id } });
    await waitFor(() => expect(portfolioChoice.querySelector(`option[value="${portfolio.id}"]`)).not.toBeNull());
    fireEvent.change(portfolioChoice, { target: { value: portfolio.id } });
    expect(portfolioChoice.value).toBe(portfolio.id);
    const bob = [...(candidate as HTMLSelectElement).options].find((o) => o.text === 'Bob')!.value;
    fireEvent.change(candidate, { target: { value: bob } });
    expect(portfolioChoice.value).toBe('');
    fireEvent.change(candidate, { target: { value: annie.id } });
    fireEvent.change(portfolioChoice, { target: { value: portfolio.id } });

    fireEvent.change(within(form).getByLabelText('Decision appealed'), { target: { value: 'Unit F1 not yet met.' } });
    fireEvent.click(within(form).getByRole('button', { name: 'Save the appeal' }));
    await waitFor(() => expect(screen.queryByRole('form', { name: 'New appeal' })).toBeNull());
    const [saved, ...others] = await listAppeals();
    expect(others).toEqual([]);
    expect(saved).toMatchObject({
      candidateId: annie.id,
      portfolioId: portfolio.id,
      decisionAppealed: 'Unit F1 not yet met.',
      outcome: 'pending',
    });
  });
});

describe('the EQA pack link', () => {
  it('is in the QA navigation, not the header’s', async () => {
    expect(NAV_LINKS.map((l) => l.label)).not.toContain('EQA pack');
    render(
      <MemoryRouter>
        <AppealsPage />
      </MemoryRouter>,
    );
    const qaNav = await screen.findByRole('navigation', { name: 'Quality assurance' });
    expect(within(qaNav).getByRole('link', { name: 'EQA pack' }).getAttribute('href')).toBe(routes.eqaPack());
  });
});
