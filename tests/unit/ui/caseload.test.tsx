// @vitest-environment jsdom
// The home screen as the acting person's caseload: cards with progress and flags, sorted and filtered.
import 'fake-indexeddb/auto';
import { cleanup, fireEvent, render, screen, waitFor, within } from '@testing-library/react';
import { MemoryRouter, Route, Routes, useLocation } from 'react-router';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { FieldfolioDB, setDatabase } from '../../../src/storage/db';
import {
  createEnrolment,
  saveEvidence,
  savePerson,
  setActingPerson,
  storeSpecs,
  updateEnrolment,
} from '../../../src/storage';
import { HomePage } from '../../../src/ui/pages/HomePage';
import { useCaseloadView } from '../../../src/ui/state/caseloadView';
import { DEFAULT_CASELOAD_VIEW } from '../../../src/domain';
import { installTestClock } from '../clock';
import { enrolmentFields, personFields } from '../factories';
import { loadSpec } from '../domain/loadSpecs';

// Today is 2026-06-01 on the test clock.
installTestClock('2026-06-01T09:00:00.000Z');
beforeEach(async () => {
  setDatabase(new FieldfolioDB(`caseload-ui-${Math.random()}`));
  useCaseloadView.setState({ view: DEFAULT_CASELOAD_VIEW });
  await storeSpecs([loadSpec('svq2-customer-service-scqf5')], 'bundled');
});
afterEach(cleanup);

const F1 = ['F1|pc|F1.1|F1.1', 'F1|pc|F1.2|F1.2'].map((criterionKey) => ({ unitCode: 'F1', criterionKey }));

/** Jo assesses four candidates: Annie has F1 ready, Ben's route breaks the rules, Cara has stalled, Dee is fine. */
async function josCaseload() {
  const jo = await savePerson(personFields({ name: 'Jo Assessor', roles: ['assessor'], assessorStatus: 'qualified' }));
  const enrol = async (name: string, startDate: string, route?: string[]) => {
    const candidate = await savePerson(personFields({ name }));
    return createEnrolment(
      enrolmentFields(candidate.id, { assessorId: jo.id, startDate, ...(route ? { route } : {}) }),
    );
  };
  const annie = await enrol('Annie', '2026-05-01');
  const ben = await enrol('Ben', '2026-05-01', ['F1']);
  await enrol('Cara', '2026-01-05');
  const dee = await enrol('Dee', '2026-05-01');
  const item = (portfolioId: string, criteria: typeof F1) =>
    saveEvidence({ evidence: { portfolioId, type: 'O', title: 'At the gate', date: '2026-05-20' }, criteria });
  await item(annie.id, F1);
  await item(ben.id, F1.slice(0, 1));
  await item(dee.id, F1.slice(0, 1));
  await setActingPerson(jo.id);
  return jo;
}

/** Summaries are worked out after the first paint (a few portfolios: well within a second, unless the machine is busy). */
const summariesShown = (within_: HTMLElement) =>
  waitFor(() => expect(within(within_).queryAllByText('Working out progress…')).toHaveLength(0), { timeout: 10_000 });

const renderHome = () =>
  render(
    <MemoryRouter>
      <HomePage />
    </MemoryRouter>,
  );

const cardNames = (list: HTMLElement) =>
  within(list)
    .getAllByRole('heading', { level: 3 })
    .map((h) => h.textContent);

describe('the assessor’s caseload', () => {
  it('shows each candidate with progress, rules, last evidence, flags and units ready for sign-off', async () => {
    await josCaseload();
    renderHome();
    const list = await screen.findByRole('list', { name: 'Candidates you assess' });
    expect(cardNames(list)).toEqual(['Annie', 'Ben', 'Cara', 'Dee']);
    // Summaries are worked out after the first paint, then fill in.
    await summariesShown(list);
    const annie = list.querySelector('li.caseload-card')! as HTMLElement;
    expect(within(annie).getByRole('progressbar', { name: 'Progress of Annie' })).toBeTruthy();
    expect(annie.textContent).toMatch(/\d+% of the route’s criteria covered/);
    expect(annie.textContent).toContain('Route meets the rules of combination');
    expect(annie.textContent).toContain('Last evidence: 20/05/2026 (1 item)');
    expect(within(annie).getByRole('link', { name: 'F1 is ready for sign-off' })).toBeTruthy();
    const ben = within(list).getByRole('list', { name: 'Flags for Ben' });
    expect(ben.textContent).toContain('Route breaks the rules of combination');
    const cara = within(list).getByRole('list', { name: 'Flags for Cara' });
    expect(cara.textContent).toContain('No evidence yet, started 05/01/2026');
    expect(within(list).queryByRole('list', { name: 'Flags for Dee' })).toBeNull();
  });

  it('filters to what needs action and to what is overdue, and sorts', async () => {
    await josCaseload();
    renderHome();
    const list = await screen.findByRole('list', { name: 'Candidates you assess' });
    await summariesShown(list);
    const controls = screen.getByRole('form', { name: 'Sort and filter' });
    fireEvent.change(within(controls).getByLabelText('Show'), { target: { value: 'needs-action' } });
    await waitFor(() =>
      expect(cardNames(screen.getByRole('list', { name: 'Candidates you assess' }))).toEqual(['Annie', 'Ben', 'Cara']),
    );
    expect(within(controls).getByRole('status').textContent).toBe('Showing 3 of 4 portfolios');
    fireEvent.change(within(controls).getByLabelText('Show'), { target: { value: 'overdue' } });
    await waitFor(() =>
      expect(cardNames(screen.getByRole('list', { name: 'Candidates you assess' }))).toEqual(['Cara']),
    );

    fireEvent.change(within(controls).getByLabelText('Show'), { target: { value: 'all' } });
    fireEvent.change(within(controls).getByLabelText('Sort by'), { target: { value: 'progress' } });
    // Least progress first: Ben's one-unit route is half covered, more than the others' seven-unit routes.
    await waitFor(() =>
      expect(cardNames(screen.getByRole('list', { name: 'Candidates you assess' }))).toEqual([
        'Cara',
        'Dee',
        'Annie',
        'Ben',
      ]),
    );
    expect(within(controls).getByLabelText('Qualification')).toBeTruthy();
  });

  it('the caseload follows new evidence: a card updates without a reload', async () => {
    await josCaseload();
    renderHome();
    const list = await screen.findByRole('list', { name: 'Candidates you assess' });
    await summariesShown(list);
    const dee = within(list).getByRole('heading', { name: 'Dee' }).closest('li')!;
    expect(within(dee).queryByRole('link', { name: 'F1 is ready for sign-off' })).toBeNull();
    await saveEvidence({
      evidence: { portfolioId: dee.getAttribute('data-portfolio')!, type: 'O', title: 'More', date: '2026-05-30' },
      criteria: F1.slice(1),
    });
    await within(dee).findByRole('link', { name: 'F1 is ready for sign-off' });
    expect(dee.textContent).toContain('Last evidence: 30/05/2026 (2 items)');
  });
});

describe('other people’s home screens', () => {
  it('an IQA sees the assessors they cover, each with their candidates', async () => {
    const jo = await josCaseload();
    const iqa = await savePerson(personFields({ name: 'Kenneth IQA', roles: ['iqa'] }));
    const sam = await savePerson(personFields({ name: 'Sam Assessor', roles: ['assessor'] }));
    const eve = await savePerson(personFields({ name: 'Eve' }));
    await createEnrolment(enrolmentFields(eve.id, { assessorId: sam.id, iqaId: iqa.id, startDate: '2026-05-01' }));
    const { listEnrolments } = await import('../../../src/storage');
    for (const e of await listEnrolments()) if (e.assessorId === jo.id) await updateEnrolment(e, { iqaId: iqa.id });
    await setActingPerson(iqa.id);
    renderHome();
    await screen.findByRole('heading', { level: 2, name: 'Assessors you cover' });
    const joGroup = screen.getByRole('list', { name: 'Candidates of Jo Assessor' });
    expect(
      within(joGroup)
        .getAllByRole('heading', { level: 4 })
        .map((h) => h.textContent),
    ).toEqual(['Annie', 'Ben', 'Cara', 'Dee']);
    const samGroup = screen.getByRole('list', { name: 'Candidates of Sam Assessor' });
    expect(
      within(samGroup)
        .getAllByRole('heading', { level: 4 })
        .map((h) => h.textContent),
    ).toEqual(['Eve']);
    // Sign-off is the assessor's job: nothing to do for the IQA on Annie's card.
    await summariesShown(document.body);
    expect(screen.queryByRole('link', { name: 'F1 is ready for sign-off' })).toBeNull();
  });

  it('a candidate sees their own portfolio, and the rest of the device stays reachable', async () => {
    await josCaseload();
    const { listPeople } = await import('../../../src/storage');
    const annie = (await listPeople()).find((p) => p.name === 'Annie')!;
    await setActingPerson(annie.id);
    renderHome();
    const own = await screen.findByRole('list', { name: 'Your portfolio' });
    expect(cardNames(own)).toEqual(['Annie']);
    const others = screen.getByRole('region', { name: 'Other portfolios on this device' });
    expect(
      within(others)
        .getAllByRole('link')
        .map((a) => a.textContent),
    ).toEqual(['Ben', 'Cara', 'Dee']);
  });
});

describe('the caseload’s links', () => {
  function Where() {
    return <p data-testid="where">{useLocation().pathname}</p>;
  }

  it('a card’s links (plain anchors, for speed) open the portfolio and the unit within the app', async () => {
    await josCaseload();
    render(
      <MemoryRouter>
        <Routes>
          <Route index element={<HomePage />} />
          <Route path="*" element={<Where />} />
        </Routes>
      </MemoryRouter>,
    );
    const list = await screen.findByRole('list', { name: 'Candidates you assess' });
    await summariesShown(list);
    const annie = list.querySelector('li.caseload-card')! as HTMLElement;
    const unitLink = within(annie).getByRole('link', { name: 'F1 is ready for sign-off' });
    const portfolioPath = within(annie).getByRole('link', { name: 'Annie' }).getAttribute('href')!;
    expect(unitLink.getAttribute('href')).toBe(`${portfolioPath}/units/F1`);
    fireEvent.click(unitLink);
    expect((await screen.findByTestId('where')).textContent).toBe(`${portfolioPath}/units/F1`);
  });
});
