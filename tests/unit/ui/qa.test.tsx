// @vitest-environment jsdom
// Centre QA screens: an IQA's decision (checked in words, saved with its action), the action on the assessor's
// home and caseload card and their answer, a trainee IQA's decision waiting for a qualified IQA's countersignature,
// and a CPD record refused with a clear message until it is right.
import 'fake-indexeddb/auto';
import { cleanup, fireEvent, render, screen, waitFor, within } from '@testing-library/react';
import { MemoryRouter, Route, Routes } from 'react-router';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { FieldfolioDB, setDatabase } from '../../../src/storage/db';
import {
  listCpdRecords,
  openActionsFor,
  qaOfPortfolio,
  recordIqaDecision,
  setActingPerson,
  storeSpecs,
} from '../../../src/storage';
import { HomePage } from '../../../src/ui/pages/HomePage';
import { DecisionPage } from '../../../src/ui/pages/qa/DecisionPage';
import { CountersignPage } from '../../../src/ui/pages/qa/CountersignPage';
import { CpdPage } from '../../../src/ui/pages/qa/CpdPage';
import { installTestClock } from '../clock';
import { loadSpec } from '../domain/loadSpecs';
import { disagreeOnF1, qaCentre } from './qaCentre';

installTestClock('2026-06-01T09:00:00.000Z');
beforeEach(async () => {
  setDatabase(new FieldfolioDB(`qa-ui-${Math.random()}`));
  await storeSpecs([loadSpec('svq2-customer-service-scqf5')], 'bundled');
});
afterEach(cleanup);

async function centre() {
  const { colleague: aileen, ...centre } = await qaCentre({
    name: 'Aileen McKell',
    roles: ['iqa'],
    iqaStatus: 'working-towards',
  });
  return { ...centre, aileen };
}

const decideAt = (query: string) =>
  render(
    <MemoryRouter initialEntries={[`/qa/decide?${query}`]}>
      <Routes>
        <Route path="/qa/decide" element={<DecisionPage />} />
      </Routes>
    </MemoryRouter>,
  );

describe('an IQA decision', () => {
  it('refuses a disagreement without feedback in words, then saves it with an action for the assessor', async () => {
    const { kenneth, jo, portfolio } = await centre();
    await setActingPerson(kenneth.id);
    decideAt(`portfolioId=${portfolio.id}&unitCode=F1`);
    const form = await screen.findByRole('form', { name: 'IQA decision' });
    await waitFor(() => expect((within(form).getByLabelText('Unit') as HTMLSelectElement).value).toBe('F1'));
    await waitFor(() => expect(within(form).queryByText('Loading the candidate’s portfolio…')).toBeNull(), {
      timeout: 10_000,
    });
    // The candidate's portfolio named by the candidate and the qualification's title, not its spec id.
    const chosen = within(form).getByRole<HTMLSelectElement>('combobox', { name: 'Candidate' });
    expect(chosen.selectedOptions[0]!.textContent).toBe(`Annie · ${loadSpec('svq2-customer-service-scqf5').title}`);
    fireEvent.click(within(form).getByLabelText('Disagree'));
    fireEvent.click(within(form).getByRole('button', { name: 'Save the decision' }));
    expect((await screen.findByRole('alert')).textContent).toBe('Give the assessor feedback: say why you disagree.');
    expect(within(form).getByLabelText('Feedback to the assessor').getAttribute('aria-invalid')).toBe('true');
    expect((await qaOfPortfolio(portfolio.id)).decisions).toHaveLength(0);

    fireEvent.change(within(form).getByLabelText('Feedback to the assessor'), {
      target: { value: 'The observation does not show F1.2.' },
    });
    fireEvent.change(within(form).getByLabelText('What the assessor should do'), {
      target: { value: 'Observe F1.2 again.' },
    });
    fireEvent.click(within(form).getByRole('button', { name: 'Save the decision' }));
    expect((await screen.findByRole('alert')).textContent).toBe('Give the action a due date.');
    fireEvent.change(within(form).getByLabelText('Due by'), { target: { value: '2026-06-15' } });
    fireEvent.click(within(form).getByRole('button', { name: 'Save the decision' }));
    expect((await screen.findByTestId('decision-saved')).textContent).toContain(
      'you disagree with Jo Assessor on unit F1',
    );
    const { decisions, actions } = await qaOfPortfolio(portfolio.id);
    expect(decisions.map((d) => [d.outcome, d.iqaId, d.assessorId, d.unitCode])).toEqual([
      ['disagree', kenneth.id, jo.id, 'F1'],
    ]);
    expect(actions.map((a) => [a.text, a.dueDate, a.decisionId, a.state])).toEqual([
      ['Observe F1.2 again.', '2026-06-15', decisions[0]!.id, 'open'],
    ]);
  });

  it('tells a trainee IQA their decision waits for countersigning; a qualified IQA sees it to countersign', async () => {
    const { kenneth, aileen, jo, portfolio } = await centre();
    await setActingPerson(aileen.id);
    decideAt(`portfolioId=${portfolio.id}&unitCode=F1`);
    await screen.findByText(/your decision will wait for a qualified IQA to countersign it/);
    cleanup();
    await recordIqaDecision({
      decision: {
        portfolioId: portfolio.id,
        iqaId: aileen.id,
        assessorId: jo.id,
        unitCode: 'F2',
        stage: 'interim',
        outcome: 'agree',
        date: '2026-05-30',
      },
    });
    const renderCountersign = () =>
      render(
        <MemoryRouter>
          <CountersignPage />
        </MemoryRouter>,
      );
    renderCountersign();
    const waiting = await screen.findByRole('list', { name: 'Decisions awaiting countersignature' });
    expect(waiting.textContent).toContain('Waiting for countersigning by a qualified IQA');
    expect(within(waiting).queryByRole('button', { name: 'Countersign' })).toBeNull();
    cleanup();
    await setActingPerson(kenneth.id);
    renderCountersign();
    const toSign = await screen.findByRole('list', { name: 'Decisions awaiting countersignature' });
    expect(within(toSign).getByRole('heading').textContent).toBe('Aileen McKell: agrees on unit F2');
    expect(within(toSign).getByRole('button', { name: 'Countersign' })).toBeTruthy();
  });
});

describe('the assessor’s side', () => {
  it('shows the IQA’s action on the home screen and the candidate’s card, and takes the answer', async () => {
    const { kenneth, jo, portfolio } = await centre();
    await disagreeOnF1({ iqa: kenneth, assessor: jo, portfolioId: portfolio.id }, 'Not enough.', {
      text: 'Observe F1.2 again.',
      dueDate: '2026-05-31',
    });
    await setActingPerson(jo.id);
    render(
      <MemoryRouter>
        <HomePage />
      </MemoryRouter>,
    );
    const actions = await screen.findByRole('list', { name: 'QA actions' });
    expect(actions.textContent).toContain('Observe F1.2 again.');
    expect(actions.textContent).toContain('overdue');
    const card = await screen.findByRole('list', { name: 'To do on Annie’s portfolio' });
    expect(within(card).getByRole('link', { name: 'IQA action on F1: Observe F1.2 again.' })).toBeTruthy();

    fireEvent.click(within(actions).getByRole('button', { name: 'Send answer' }));
    expect((await within(actions).findByRole('alert')).textContent).toBe(
      'Write your answer to the action before sending it.',
    );
    fireEvent.change(within(actions).getByLabelText('Your answer on F1'), {
      target: { value: 'Observed again on 1 June.' },
    });
    fireEvent.click(within(actions).getByRole('button', { name: 'Send answer' }));
    await waitFor(async () => expect((await openActionsFor(jo.id, true))[0]?.state).toBe('answered'));
    expect((await screen.findByTestId('qa-answer')).textContent).toContain('Observed again on 1 June.');
    // Answered, it is no longer waiting on the card.
    await waitFor(() => expect(screen.queryByRole('list', { name: 'To do on Annie’s portfolio' })).toBeNull());
  });

  it('an IQA’s caseload names the samples due', async () => {
    const { kenneth, portfolio } = await centre();
    const { saveSamplingPlan } = await import('../../../src/storage');
    await saveSamplingPlan({
      iqaId: kenneth.id,
      specId: 'svq2-customer-service-scqf5',
      periodStart: '2026-03-01',
      periodEnd: '2026-08-31',
      items: [
        {
          id: 'i1',
          assessorId: 'x',
          portfolioId: portfolio.id,
          candidateId: 'y',
          unitCode: 'F2',
          method: 'O',
          stage: 'interim',
          plannedDate: '2026-06-05',
          reason: 'Interim.',
        },
        {
          id: 'i2',
          assessorId: 'x',
          portfolioId: portfolio.id,
          candidateId: 'y',
          unitCode: 'C3',
          method: null,
          stage: 'summative',
          plannedDate: '2026-08-20',
          reason: 'Later.',
        },
      ],
    });
    await setActingPerson(kenneth.id);
    render(
      <MemoryRouter>
        <HomePage />
      </MemoryRouter>,
    );
    const card = await screen.findByRole('list', { name: 'To do on Annie’s portfolio' });
    expect(card.textContent).toContain('Sample F2 (interim, observation)');
    expect(card.textContent).not.toContain('C3');
  });
});

describe('CPD records', () => {
  it('refuses hours that are not a number, in words, and saves once they are', async () => {
    const { jo } = await centre();
    await setActingPerson(jo.id);
    render(
      <MemoryRouter>
        <CpdPage />
      </MemoryRouter>,
    );
    fireEvent.click(await screen.findByRole('button', { name: 'Add a CPD record' }));
    const form = screen.getByRole('form', { name: 'New CPD record' });
    fireEvent.change(within(form).getByLabelText('Activity'), { target: { value: 'Assessor update day' } });
    fireEvent.change(within(form).getByLabelText('Hours'), { target: { value: 'three' } });
    fireEvent.click(within(form).getByRole('button', { name: 'Save the record' }));
    expect((await screen.findByRole('alert')).textContent).toBe('Give the hours as a number, e.g. 1.5.');
    expect(within(form).getByLabelText('Activity')).toHaveProperty('value', 'Assessor update day');
    expect(await listCpdRecords()).toHaveLength(0);
    fireEvent.change(within(form).getByLabelText('Hours'), { target: { value: '3.5' } });
    fireEvent.click(within(form).getByRole('button', { name: 'Save the record' }));
    const list = await screen.findByRole('list', { name: 'CPD records' });
    await waitFor(() => expect(list.textContent).toContain('Jo Assessor: Assessor update day'));
    expect((await listCpdRecords(jo.id)).map((r) => [r.activity, r.hours])).toEqual([['Assessor update day', 3.5]]);
  });
});
