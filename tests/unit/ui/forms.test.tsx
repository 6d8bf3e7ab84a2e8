// @vitest-environment jsdom
import 'fake-indexeddb/auto';
import { cleanup, fireEvent, render, screen, waitFor, within } from '@testing-library/react';
import { MemoryRouter, Route, Routes } from 'react-router';
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import type { Enrolment } from '../../../src/domain';
import { FieldfolioDB, setDatabase } from '../../../src/storage/db';
import { listForms, loadDraft, saveDraft, saveEvidence, saveForm, storeSpecs } from '../../../src/storage';
import { AUTOSAVE_DELAY_MS } from '../../../src/ui/data/useAutosave';
import {
  formDraftKey,
  FormPage,
  FormsPage,
  GeneratedFormPage,
  newFormDraftKey,
  type FormDraft,
} from '../../../src/ui/forms';
import { installTestClock } from '../clock';
import { loadSpec } from '../domain/loadSpecs';
import { svq2Portfolio } from '../factories';

const spec = loadSpec('svq2-customer-service-scqf5');
let enrolment: Enrolment;

beforeEach(async () => {
  setDatabase(new FieldfolioDB('test-' + Math.random()));
  await storeSpecs([spec], 'bundled');
  ({ enrolment } = await svq2Portfolio({
    candidate: 'Annie Clews',
    assessor: 'Jim Sullivan',
    startDate: '2011-05-01',
  }));
});

afterEach(() => {
  cleanup();
  vi.restoreAllMocks();
  vi.useRealTimers();
  vi.unstubAllGlobals();
});

/**
 * Fake timers for the autosave debounce: only setTimeout is faked (IndexedDB and React schedule with
 * setImmediate). Testing Library advances fake timers while it waits only when it sees `jest`, so it is given
 * vitest's clock under that name.
 */
function useFakeTimeouts() {
  vi.useFakeTimers({ toFake: ['setTimeout', 'clearTimeout'] });
  vi.stubGlobal('jest', { advanceTimersByTime: (ms: number) => vi.advanceTimersByTime(ms) });
}

function renderAt(path: string) {
  return render(
    <MemoryRouter initialEntries={[path]}>
      <Routes>
        <Route path="/portfolios/:portfolioId/forms" element={<FormsPage />} />
        <Route path="/portfolios/:portfolioId/forms/generated/:formType" element={<GeneratedFormPage />} />
        <Route path="/portfolios/:portfolioId/forms/:formId" element={<FormPage />} />
      </Routes>
    </MemoryRouter>,
  );
}

const observed = () => screen.findByLabelText(/^Skills\/activities observed/) as Promise<HTMLTextAreaElement>;
const newObservationKey = () => newFormDraftKey('observation', enrolment.id);

describe('observation record form', () => {
  it('autosaves a draft as you type, restores it on remount, and Save files the form and clears the draft', async () => {
    useFakeTimeouts();
    const view = renderAt(`/portfolios/${enrolment.id}/forms/new-observation`);
    const activities = await observed();
    // What the portfolio already knows is filled in, never typed again.
    expect((screen.getByLabelText('Candidate (required)') as HTMLInputElement).value).toBe('Annie Clews');
    expect((screen.getByLabelText(/^SVQ title and level/) as HTMLInputElement).value).toBe(spec.title);

    fireEvent.change(activities, { target: { value: 'Annie paged her manager and dealt with the queue' } });
    await waitFor(async () => {
      const draft = await loadDraft<FormDraft>(newObservationKey());
      expect(draft?.data.activities).toBe('Annie paged her manager and dealt with the queue');
    });
    const draftId = (await loadDraft<FormDraft>(newObservationKey()))!.id;

    // Leave and come back: the draft is restored, with a visible note.
    view.unmount();
    renderAt(`/portfolios/${enrolment.id}/forms/new-observation`);
    expect(await screen.findByText(/Restored your unsaved changes from/)).toBeTruthy();
    expect((await observed()).value).toBe('Annie paged her manager and dealt with the queue');

    // Complete the required fields and save.
    fireEvent.change(screen.getByLabelText(/^Unit\/element\(s\)/), { target: { value: 'F2' } });
    fireEvent.change(screen.getByLabelText(/^Date of observation/), { target: { value: '2011-05-14' } });
    const pcs = await screen.findByRole('group', { name: /PCs and range covered/ });
    fireEvent.click(within(pcs).getByRole('checkbox', { name: /F2\.1\.3/ }));
    fireEvent.click(screen.getAllByRole('button', { name: 'Save' })[0]!);

    await waitFor(async () => expect(await listForms(enrolment.id, 'observation')).toHaveLength(1));
    const [form] = await listForms(enrolment.id, 'observation');
    expect(form!.id).toBe(draftId);
    expect(form!.status).toBe('complete');
    expect(form!.title).toBe('Observation record — F2 — 14/05/2011');
    expect(form!.data).toMatchObject({
      unit: 'F2',
      date: '2011-05-14',
      candidate: 'Annie Clews',
      activities: 'Annie paged her manager and dealt with the queue',
      pcsCovered: ['F2|pc|F2.1|F2.1.3'],
    });
    expect(await screen.findByText('Saved.')).toBeTruthy();
    // No draft left behind, and none written late by a pending autosave.
    await vi.advanceTimersByTimeAsync(AUTOSAVE_DELAY_MS + 100);
    expect(await loadDraft(newObservationKey())).toBeUndefined();
    expect(await loadDraft(formDraftKey(form!.id))).toBeUndefined();
    expect(screen.queryByText(/Restored your unsaved changes/)).toBeNull();
  });

  it('keeps edits to a saved form as a draft under its id, written at once when the page is hidden', async () => {
    useFakeTimeouts();
    const saved = await saveForm({
      portfolioId: enrolment.id,
      formType: 'observation',
      title: 'Observation record',
      data: { activities: 'first version', unit: 'F2' },
    });
    const view = renderAt(`/portfolios/${enrolment.id}/forms/${saved.id}`);
    const activities = await observed();
    expect(activities.value).toBe('first version');
    expect(screen.queryByText(/Restored your unsaved changes/)).toBeNull();

    fireEvent.change(activities, { target: { value: 'second version' } });
    const visibility = vi.spyOn(document, 'visibilityState', 'get').mockReturnValue('hidden');
    document.dispatchEvent(new Event('visibilitychange'));
    visibility.mockRestore();
    await waitFor(
      async () => expect((await loadDraft<FormDraft>(formDraftKey(saved.id)))?.data.activities).toBe('second version'),
      { timeout: 300 },
    );

    view.unmount();
    renderAt(`/portfolios/${enrolment.id}/forms/${saved.id}`);
    expect(await screen.findByText(/Restored your unsaved changes from/)).toBeTruthy();
    expect((await observed()).value).toBe('second version');

    fireEvent.click(screen.getAllByRole('button', { name: 'Save' })[0]!);
    await waitFor(async () =>
      expect((await listForms(enrolment.id, 'observation'))[0]?.data.activities).toBe('second version'),
    );
    expect(await loadDraft(formDraftKey(saved.id))).toBeUndefined();
  });

  it('writes the last edit at once when the form is left before the autosave delay', async () => {
    useFakeTimeouts();
    const view = renderAt(`/portfolios/${enrolment.id}/forms/new-observation`);
    fireEvent.change(await observed(), { target: { value: 'left in a hurry' } });
    view.unmount();
    await waitFor(
      async () => expect((await loadDraft<FormDraft>(newObservationKey()))?.data.activities).toBe('left in a hurry'),
      { timeout: AUTOSAVE_DELAY_MS / 2 },
    );
  });

  it('does not restore a draft older than the saved form', async () => {
    const saved = await saveForm({
      portfolioId: enrolment.id,
      formType: 'observation',
      title: '',
      data: { activities: 'saved later' },
    });
    await saveDraft(formDraftKey(saved.id), {
      id: saved.id,
      formType: 'observation',
      data: { activities: 'stale draft' },
      savedAt: '2000-01-01T00:00:00.000Z',
    } satisfies FormDraft);
    renderAt(`/portfolios/${enrolment.id}/forms/${saved.id}`);
    expect((await observed()).value).toBe('saved later');
    expect(screen.queryByText(/Restored your unsaved changes/)).toBeNull();
  });

  it('prints with window.print and shows the seed layout as a view', async () => {
    const print = vi.spyOn(window, 'print').mockImplementation(() => undefined);
    renderAt(`/portfolios/${enrolment.id}/forms/new-observation`);
    fireEvent.change(await observed(), { target: { value: 'Queue at the gate' } });
    fireEvent.click(screen.getByRole('button', { name: 'Print' }));
    expect(print).toHaveBeenCalledTimes(1);
    fireEvent.click(screen.getByRole('button', { name: 'View as printed' }));
    const sheet = screen.getByRole('article', { name: 'Observation record (print layout)' });
    expect(within(sheet).getByText('Skills/activities observed:')).toBeTruthy();
    expect(within(sheet).getByText('Queue at the gate')).toBeTruthy();
    expect(within(sheet).getByText('I can confirm the candidate’s performance was satisfactory.')).toBeTruthy();
  });
});

describe('form signatures', () => {
  const assessorGroup = () => screen.findByRole('group', { name: /^Assessor’s signature/ });

  it('record the role and the time of signing, shown when reopened and in the printed layout', async () => {
    const view = renderAt(`/portfolios/${enrolment.id}/forms/new-observation`);
    const group = await assessorGroup();
    // The line's role, given by the form (not typed: there is no Role field).
    expect(within(group).queryByLabelText('Role')).toBeNull();
    expect(within(group).getByText(/^Signing as/).textContent).toBe('Signing as Assessor');
    const before = Date.now();
    fireEvent.change(within(group).getByLabelText('Full name'), { target: { value: 'Jim Sullivan' } });
    fireEvent.click(within(group).getByLabelText('I cannot draw a signature — use my typed name'));
    fireEvent.click(screen.getAllByRole('button', { name: 'Save' })[0]!);
    await waitFor(async () => expect(await listForms(enrolment.id, 'observation')).toHaveLength(1));
    const [form] = await listForms(enrolment.id, 'observation');
    expect(form!.data).toMatchObject({
      assessorSignature: 'Jim Sullivan',
      assessorSignatureImage: '',
      assessorSignatureRole: 'Assessor',
    });
    const at = form!.data.assessorSignatureAt as string;
    expect(new Date(at).toISOString()).toBe(at);
    expect(Date.parse(at)).toBeGreaterThanOrEqual(before - 1000);
    expect(Date.parse(at)).toBeLessThanOrEqual(Date.now());

    view.unmount();
    renderAt(`/portfolios/${enrolment.id}/forms/${form!.id}`);
    const reopened = await assessorGroup();
    const line = within(reopened).getByText(/^Signed by Jim Sullivan \(Assessor\) on/);
    expect(line.querySelector('time')?.getAttribute('dateTime')).toBe(at);
    expect(line.querySelector('time')?.textContent).not.toBe('');

    fireEvent.click(screen.getByRole('button', { name: 'View as printed' }));
    const sheet = screen.getByRole('article', { name: 'Observation record (print layout)' });
    const cell = within(sheet).getByText('Assessor’s signature:').closest('td')!;
    expect(cell.textContent).toContain('Jim Sullivan');
    expect(cell.textContent).toContain('Assessor, signed');
    expect(cell.querySelector('time')?.getAttribute('dateTime')).toBe(at);
  });

  it('reads a form saved before role and time were kept: the line’s role, no time, nothing broken', async () => {
    const saved = await saveForm({
      portfolioId: enrolment.id,
      formType: 'observation',
      title: 'Observation record',
      data: {
        unit: 'F2',
        assessorSignature: 'Jim Sullivan',
        assessorSignatureImage: '',
        candidateSignature: 'Annie Clews',
        candidateSignatureAt: 'garbage',
      },
    });
    renderAt(`/portfolios/${enrolment.id}/forms/${saved.id}`);
    const group = await assessorGroup();
    const line = within(group).getByText(/^Signed by Jim Sullivan/);
    expect(line.textContent).toBe(
      'Signed by Jim Sullivan (Assessor) (time of signing not recorded), with typed name only',
    );
    const candidate = screen.getByRole('group', { name: /^Candidate’s signature/ });
    expect(within(candidate).getByText(/^Signed by Annie Clews/).textContent).toBe(
      'Signed by Annie Clews (Candidate) (time of signing not recorded), with typed name only',
    );

    fireEvent.click(screen.getByRole('button', { name: 'View as printed' }));
    const sheet = screen.getByRole('article', { name: 'Observation record (print layout)' });
    const cell = within(sheet).getByText('Assessor’s signature:').closest('td')!;
    expect(cell.textContent).toBe('Assessor’s signature: Jim SullivanAssessor');
    expect(cell.querySelector('img, time')).toBeNull();
  });
});

describe('forms list and generated forms', () => {
  installTestClock(); // each write a second after the one before
  it('lists the portfolio’s forms by type with a "New" link for each typed form and links to the generated ones', async () => {
    await saveForm({
      portfolioId: enrolment.id,
      formType: 'witness-testimony',
      title: 'Witness testimony — F2',
      data: {},
    });
    renderAt(`/portfolios/${enrolment.id}/forms`);
    expect(await screen.findByRole('link', { name: 'New observation record' })).toBeTruthy();
    expect(screen.getByRole('link', { name: 'Witness testimony — F2' })).toBeTruthy();
    expect(screen.getByRole('link', { name: 'Index of evidence' }).getAttribute('href')).toBe(
      `/portfolios/${enrolment.id}/forms/generated/index-of-evidence`,
    );
    expect(screen.queryByRole('link', { name: 'New index of evidence' })).toBeNull();
  });

  it('builds the index of evidence from the evidence and its links, in a scrollable labelled region', async () => {
    await saveEvidence({
      evidence: {
        portfolioId: enrolment.id,
        type: 'RA',
        title: 'Personal statement',
        description: 'My induction',
        date: '2011-05-13',
      },
      criteria: [
        { unitCode: 'F2', criterionKey: 'F2|pc|F2.1|F2.1.1' },
        { unitCode: 'F2', criterionKey: 'F2|k|f2a' },
      ],
    });
    // recorded a moment later (the test clock)
    await saveEvidence({
      evidence: {
        portfolioId: enrolment.id,
        type: 'WT',
        title: 'Witness testimonial',
        description: 'From Clara',
        date: '2011-05-09',
      },
    });
    renderAt(`/portfolios/${enrolment.id}/forms/generated/index-of-evidence`);
    const region = await screen.findByRole('region', { name: 'Index of evidence table' });
    expect(region.tabIndex).toBe(0);
    const rows = within(region).getAllByRole('row').slice(1);
    // Numbered in the order recorded (stable), not by date: the earlier-dated testimonial was recorded second.
    expect(rows.map((r) => within(r).getAllByRole('cell')[0]!.textContent)).toEqual(['1', '2']);
    expect(rows[0]!.textContent).toContain('Personal statement');
    expect(rows[0]!.textContent).toContain('F2.1.1, f2a');
    expect(rows[1]!.textContent).toContain('Witness testimonial');
  });
});
