// @vitest-environment jsdom
// Centre QA flows end to end on one device, through the screens: a QA action answered by the assessor and closed
// by the IQA who raised it (who then sees it closed); a standardisation record made and edited with attendees and
// actions; an appeal logged with its stages and later its outcome; a planned sample changed, its reasons kept and
// the plan's coverage following. Each asserts what was stored and what is shown.
import 'fake-indexeddb/auto';
import { cleanup, configure, fireEvent, render, screen, waitFor, within } from '@testing-library/react';
import { MemoryRouter, Route, Routes } from 'react-router';
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { formatDate } from '../../../src/domain';
import { FieldfolioDB, setDatabase } from '../../../src/storage/db';
import {
  listAppeals,
  listStandardisations,
  openActionsFor,
  qaOfPortfolio,
  samplingPlan,
  saveSamplingPlan,
  setActingPerson,
  storeSpecs,
} from '../../../src/storage';
import { OpenQaActions } from '../../../src/ui/components/OpenQaActions';
import { HomePage } from '../../../src/ui/pages/HomePage';
import { AppealsPage } from '../../../src/ui/pages/qa/AppealsPage';
import { PlanPage } from '../../../src/ui/pages/qa/PlanPage';
import { StandardisationPage } from '../../../src/ui/pages/qa/StandardisationPage';
import { installTestClock } from '../clock';
import { loadSpec } from '../domain/loadSpecs';
import { disagreeOnF1, qaCentre } from './qaCentre';

installTestClock('2026-06-01T09:00:00.000Z');
// Each flow goes through several screens, each reading the database as it renders: slow on a busy machine.
configure({ asyncUtilTimeout: 10_000 });
vi.setConfig({ testTimeout: 60_000 });
beforeEach(async () => {
  setDatabase(new FieldfolioDB(`qa-flows-${Math.random()}`));
  await storeSpecs([loadSpec('svq2-customer-service-scqf5')], 'bundled');
});
afterEach(cleanup);

async function centre() {
  const { colleague: priya, ...centre } = await qaCentre({
    name: 'Priya Shah',
    roles: ['assessor'],
    assessorStatus: 'qualified',
  });
  return { ...centre, priya };
}

const type = (field: HTMLElement, value: string) => fireEvent.change(field, { target: { value } });
const inRouter = (element: React.ReactNode) => render(<MemoryRouter>{element}</MemoryRouter>);

describe('a QA action', () => {
  it('is answered by the assessor, closed by the IQA who raised it, and then shown closed', async () => {
    const { kenneth, jo, portfolio } = await centre();
    await disagreeOnF1({ iqa: kenneth, assessor: jo, portfolioId: portfolio.id }, 'F1.2 is not shown.', {
      text: 'Observe F1.2 again.',
      dueDate: '2026-06-10',
    });

    // The assessor answers on their home screen.
    await setActingPerson(jo.id);
    inRouter(<HomePage />);
    // The panel may show before its live query has the action: wait for the answer field itself.
    type(await screen.findByLabelText('Your answer on F1'), 'Observed again; F1.2 mapped.');
    const mine = screen.getByRole('list', { name: 'QA actions' });
    fireEvent.click(within(mine).getByRole('button', { name: 'Send answer' }));
    expect((await within(mine).findByTestId('qa-answer')).textContent).toContain('waiting for the IQA to close it');
    // The assessor cannot close it: that is the IQA's.
    expect(within(mine).queryByRole('button', { name: 'Close the action' })).toBeNull();
    cleanup();

    // The IQA, on the portfolio, reads the answer and closes the action with a note.
    await setActingPerson(kenneth.id);
    inRouter(<OpenQaActions portfolioId={portfolio.id} />);
    const open = await screen.findByRole('list', { name: 'QA actions' });
    expect(within(open).getByTestId('qa-answer').textContent).toContain('Observed again; F1.2 mapped.');
    type(within(open).getByLabelText('Closing note (optional)'), 'Checked the new observation.');
    fireEvent.click(within(open).getByRole('button', { name: 'Close the action' }));
    const closed = await screen.findByRole('list', { name: 'Closed QA actions' });
    expect(closed.textContent).toBe(
      `Unit F1: Observe F1.2 again. — closed by Kenneth Hay on ${formatDate('2026-06-01')} (“Checked the new observation.”)`,
    );
    await waitFor(() => expect(screen.queryByRole('list', { name: 'QA actions' })).toBeNull());
    const [stored] = (await qaOfPortfolio(portfolio.id)).actions;
    expect(stored).toMatchObject({
      state: 'closed',
      answer: 'Observed again; F1.2 mapped.',
      closingNote: 'Checked the new observation.',
    });
    expect(await openActionsFor(jo.id, true)).toEqual([]);
  });
});

describe('a standardisation record', () => {
  it('is made with attendees and actions, listed, and edited keeping what was not changed', async () => {
    const { kenneth, jo, priya } = await centre();
    await setActingPerson(kenneth.id);
    inRouter(<StandardisationPage />);
    fireEvent.click(await screen.findByRole('button', { name: 'Add a standardisation record' }));
    const form = screen.getByRole('form', { name: 'New standardisation record' });
    expect((within(form).getByLabelText('Led by') as HTMLSelectElement).value).toBe(kenneth.id);
    type(within(form).getByLabelText('Activity'), 'Observation standards, unit F1');
    fireEvent.click(within(form).getByRole('checkbox', { name: 'Jo Assessor' }));
    fireEvent.click(within(form).getByRole('checkbox', { name: 'Priya Shah' }));
    type(within(form).getByLabelText('Units looked at (codes, separated by commas)'), 'F1, F2');
    type(within(form).getByLabelText('Outcome'), 'Agreed what a sufficient observation shows.');
    type(within(form).getByLabelText('Actions agreed (one a line)'), 'Share the checklist\nRe-observe two candidates');
    fireEvent.click(within(form).getByRole('button', { name: 'Save the record' }));

    const list = await screen.findByRole('list', { name: 'Standardisation records' });
    await waitFor(() => expect(list.textContent).toContain('attended by Jo Assessor, Priya Shah · units F1, F2'));
    const actions = within(list).getByRole('list', { name: 'Actions agreed at Observation standards, unit F1' });
    expect(
      within(actions)
        .getAllByRole('listitem')
        .map((li) => li.textContent),
    ).toEqual(['Share the checklist', 'Re-observe two candidates']);
    const [made] = await listStandardisations();
    expect(made).toMatchObject({ ledBy: kenneth.id, attendees: [jo.id, priya.id], units: ['F1', 'F2'] });

    // Edited: Priya did not attend after all, and one more action.
    fireEvent.click(within(list).getByRole('button', { name: 'Edit Observation standards, unit F1' }));
    const edit = screen.getByRole('form', { name: 'Edit the standardisation record' });
    fireEvent.click(within(edit).getByRole('checkbox', { name: 'Priya Shah' }));
    type(
      within(edit).getByLabelText('Actions agreed (one a line)'),
      'Share the checklist\nRe-observe two candidates\nReview at the next meeting',
    );
    fireEvent.click(within(edit).getByRole('button', { name: 'Save the record' }));
    await waitFor(() => expect(screen.queryByRole('form', { name: 'Edit the standardisation record' })).toBeNull());
    const records = await listStandardisations();
    expect(records).toHaveLength(1);
    expect(records[0]).toMatchObject({
      id: made!.id,
      attendees: [jo.id],
      outcome: 'Agreed what a sufficient observation shows.',
    });
    expect(records[0]!.actions.map((a) => a.text)).toEqual([
      'Share the checklist',
      'Re-observe two candidates',
      'Review at the next meeting',
    ]);
    await waitFor(() =>
      expect(screen.getByRole('list', { name: 'Standardisation records' }).textContent).toContain(
        'attended by Jo Assessor ·',
      ),
    );
  });
});

describe('the appeals log', () => {
  it('takes an appeal with its stages, then its outcome, and shows them in order', async () => {
    const { kenneth, jo, annie, portfolio } = await centre();
    await setActingPerson(kenneth.id);
    inRouter(<AppealsPage />);
    fireEvent.click(await screen.findByRole('button', { name: 'Log an appeal' }));
    const form = screen.getByRole('form', { name: 'New appeal' });
    type(within(form).getByRole('combobox', { name: 'Candidate' }), annie.id);
    // The portfolio named as a person reads it: the candidate and the qualification's title, never its spec id.
    const { title } = loadSpec('svq2-customer-service-scqf5');
    await waitFor(() => within(form).getByRole('option', { name: `Annie · ${title}` }));
    const portfolios = within(form).getByRole('combobox', { name: 'Portfolio (optional)' });
    expect(within(portfolios).queryByRole('option', { name: /svq2-customer-service/ })).toBeNull();
    type(within(form).getByRole('combobox', { name: 'Portfolio (optional)' }), portfolio.id);
    type(within(form).getByLabelText('Lodged on'), '2026-05-20');
    type(within(form).getByLabelText('Decision appealed'), 'Unit F1 judged not yet competent.');
    fireEvent.click(within(form).getByRole('button', { name: 'Add a stage' }));
    fireEvent.click(within(form).getByRole('button', { name: 'Add a stage' }));
    const second = within(form).getByRole('group', { name: 'Stage 2' });
    expect((within(second).getByLabelText('Stage') as HTMLSelectElement).value).toBe('assessor-review');
    type(within(within(form).getByRole('group', { name: 'Stage 1' })).getByLabelText('Date'), '2026-05-20');
    type(within(second).getByLabelText('Date'), '2026-05-25');
    type(within(second).getByLabelText('Handled by'), jo.id);
    type(within(second).getByLabelText('Notes'), 'Assessor stands by the decision.');
    fireEvent.click(within(form).getByRole('button', { name: 'Save the appeal' }));

    const list = await screen.findByRole('list', { name: 'Appeals' });
    await waitFor(() => expect(within(list).getByRole('heading').textContent).toBe('Annie · Pending'));
    const stages = within(list).getByRole('list', { name: 'Stages of Annie’s appeal' });
    expect(
      within(stages)
        .getAllByRole('listitem')
        .map((li) => li.textContent),
    ).toEqual([
      `Lodged, ${formatDate('2026-05-20')}`,
      `Assessor review, ${formatDate('2026-05-25')} (Jo Assessor): Assessor stands by the decision.`,
    ]);

    // The IQA review ends it: a third stage and the outcome.
    fireEvent.click(within(list).getByRole('button', { name: 'Edit the appeal of Annie' }));
    const edit = screen.getByRole('form', { name: 'Edit the appeal' });
    fireEvent.click(within(edit).getByRole('button', { name: 'Add a stage' }));
    const third = within(edit).getByRole('group', { name: 'Stage 3' });
    expect((within(third).getByLabelText('Stage') as HTMLSelectElement).value).toBe('iqa-review');
    type(within(third).getByLabelText('Date'), '2026-05-29');
    type(within(edit).getByLabelText('Outcome'), 'upheld');
    type(within(edit).getByLabelText('Outcome date'), '2026-05-29');
    type(within(edit).getByLabelText('Outcome notes'), 'Reassessed by a second assessor.');
    fireEvent.click(within(edit).getByRole('button', { name: 'Save the appeal' }));
    await waitFor(() =>
      expect(within(screen.getByRole('list', { name: 'Appeals' })).getByRole('heading').textContent).toBe(
        'Annie · Upheld',
      ),
    );
    expect(screen.getByRole('list', { name: 'Appeals' }).textContent).toContain(
      `Lodged ${formatDate('2026-05-20')} · outcome ${formatDate('2026-05-29')}`,
    );
    const [appeal, ...others] = await listAppeals();
    expect(others).toEqual([]);
    expect(appeal).toMatchObject({
      outcome: 'upheld',
      outcomeDate: '2026-05-29',
      decisionAppealed: 'Unit F1 judged not yet competent.',
    });
    expect(appeal!.stages.map((s) => [s.stage, s.date, s.by])).toEqual([
      ['lodged', '2026-05-20', null],
      ['assessor-review', '2026-05-25', jo.id],
      ['iqa-review', '2026-05-29', null],
    ]);
  });
});

describe('a planned sample', () => {
  it('changed by the IQA keeps the proposer’s reason, records and then edits the IQA’s, and the coverage follows', async () => {
    const { kenneth, jo, annie, portfolio } = await centre();
    const plan = await saveSamplingPlan({
      iqaId: kenneth.id,
      specId: 'svq2-customer-service-scqf5',
      periodStart: '2026-03-01',
      periodEnd: '2026-08-31',
      items: [
        {
          id: 'item-1',
          assessorId: jo.id,
          portfolioId: portfolio.id,
          candidateId: annie.id,
          unitCode: 'F1',
          method: 'O',
          stage: 'interim',
          plannedDate: '2026-06-20',
          reason: 'Interim: unit F1 of Annie. Jo Assessor is sampled at 20%.',
        },
      ],
    });
    await setActingPerson(kenneth.id);
    render(
      <MemoryRouter initialEntries={[`/qa/plans/${plan.id}`]}>
        <Routes>
          <Route path="/qa/plans/:planId" element={<PlanPage />} />
        </Routes>
      </MemoryRouter>,
    );
    const totals = await screen.findByTestId('plan-totals');
    expect(totals.textContent).toBe('0 of 1 planned samples done; 0 overdue.');
    const methods = () => screen.getByRole('region', { name: 'Method' });
    expect(within(methods()).getByRole('rowheader', { name: 'Observation' })).toBeTruthy();

    const change = () => fireEvent.click(screen.getByRole('button', { name: 'Change the sample of Annie, unit F1' }));
    change();
    let form = screen.getByRole('form', { name: 'Change the sample' });
    type(within(form).getByLabelText('Planned date'), '2026-05-25');
    type(within(form).getByLabelText('Method'), 'PD');
    fireEvent.click(within(form).getByRole('button', { name: 'Save the change' }));
    expect((await within(form).findByRole('alert')).textContent).toMatch(/reason/i);
    expect((await samplingPlan(plan.id))!.items[0]).toMatchObject({ method: 'O', origin: 'proposed' });

    type(within(form).getByLabelText('Why (kept with the item)'), 'The observation is already booked for May.');
    fireEvent.click(within(form).getByRole('button', { name: 'Save the change' }));
    await waitFor(() => expect(screen.queryByRole('form', { name: 'Change the sample' })).toBeNull());
    await waitFor(() =>
      expect(screen.getByTestId('plan-totals').textContent).toBe('0 of 1 planned samples done; 1 overdue.'),
    );
    expect(screen.getByRole('list', { name: 'Overdue samples' }).textContent).toContain('Annie, unit F1 (interim)');
    expect(within(methods()).getByRole('rowheader', { name: 'Professional discussion' })).toBeTruthy();
    expect(within(methods()).queryByRole('rowheader', { name: 'Observation' })).toBeNull();
    // Per stage (domain stageCoverage): both stages always, the interim item now overdue.
    const stageRows = within(screen.getByRole('region', { name: 'Stage' }))
      .getAllByRole('row')
      .slice(1);
    expect(stageRows.map((r) => [...r.children].map((c) => c.textContent))).toEqual([
      ['interim', '1', '0', '1'],
      ['summative', '0', '0', '0'],
    ]);
    const item = screen.getByTestId('plan-item');
    expect(within(item).getByTestId('plan-item-reason').textContent).toBe(
      'Interim: unit F1 of Annie. Jo Assessor is sampled at 20%.',
    );
    expect(item.textContent).toContain('IQA: The observation is already booked for May.');
    expect(item.textContent).toContain('Changed by the IQA');

    // Changed again: the IQA's reason is there to edit, not typed afresh.
    change();
    form = screen.getByRole('form', { name: 'Change the sample' });
    const why = within(form).getByLabelText('Why (kept with the item)') as HTMLTextAreaElement;
    expect(why.value).toBe('The observation is already booked for May.');
    type(why, 'Booked for May; a professional discussion instead.');
    fireEvent.click(within(form).getByRole('button', { name: 'Save the change' }));
    await waitFor(() =>
      expect(screen.getByTestId('plan-item').textContent).toContain(
        'IQA: Booked for May; a professional discussion instead.',
      ),
    );
    expect((await samplingPlan(plan.id))!.items[0]).toMatchObject({
      method: 'PD',
      plannedDate: '2026-05-25',
      origin: 'changed-by-iqa',
      reason: 'Interim: unit F1 of Annie. Jo Assessor is sampled at 20%.',
      iqaReason: 'Booked for May; a professional discussion instead.',
    });
  });
});
