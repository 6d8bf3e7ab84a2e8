// @vitest-environment jsdom
/// <reference types="vite-plugin-pwa/react" />
// Where keyboard focus and the scroll position go when the page changes, when Save finds a problem on a long form,
// and after an export: always somewhere a keyboard or screen-reader user can carry on from.
import 'fake-indexeddb/auto';
import { act, cleanup, fireEvent, render, screen, waitFor } from '@testing-library/react';
import { useEffect, useState } from 'react';
import { createMemoryRouter, Link, MemoryRouter, Route, RouterProvider, Routes } from 'react-router';
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import type { Enrolment } from '../../../src/domain';
import { FieldfolioDB, setDatabase } from '../../../src/storage/db';
import { draftKeys, loadDraft, saveForm, setActingPerson, storeSpecs } from '../../../src/storage';
import * as bundle from '../../../src/bundle';
import { Layout } from '../../../src/ui/Layout';
import { ExportPanel } from '../../../src/ui/components/ExportPanel';
import { AUTOSAVE_DELAY_MS } from '../../../src/ui/data/useAutosave';
import { FormPage } from '../../../src/ui/forms';
import { EvidenceNewPage } from '../../../src/ui/pages/EvidenceNewPage';
import { loadSpec } from '../domain/loadSpecs';
import { svq2Portfolio } from '../factories';

// The service-worker prompt comes from a Vite plugin's virtual module (typed by the reference above), which exists
// only in a Vite build.
vi.mock('../../../src/ui/components/UpdatePrompt', () => ({ UpdatePrompt: () => null }));
vi.mock('../../../src/bundle', async (original) => ({
  ...(await original<typeof import('../../../src/bundle')>()),
  exportPortfolio: vi.fn(),
}));

const spec = loadSpec('svq2-customer-service-scqf5');
let enrolment: Enrolment;

beforeEach(async () => {
  setDatabase(new FieldfolioDB('focus-' + Math.random()));
  vi.stubGlobal('URL', Object.assign(URL, { createObjectURL: vi.fn(() => 'blob:fake'), revokeObjectURL: vi.fn() }));
  await storeSpecs([spec], 'bundled');
  ({ enrolment } = await svq2Portfolio({ candidate: 'Annie Clews', assessor: 'Jim Sullivan' }));
});

afterEach(() => {
  cleanup();
  vi.useRealTimers();
  vi.unstubAllGlobals();
  vi.restoreAllMocks();
});

/** A page whose heading comes only once its data has loaded, as most screens' do. */
function SlowPage() {
  const [loaded, setLoaded] = useState(false);
  useEffect(() => void Promise.resolve().then(() => setLoaded(true)), []);
  return loaded ? <h1>Second page</h1> : <p>Loading…</p>;
}

function renderLayout() {
  const router = createMemoryRouter(
    [
      {
        element: <Layout />,
        children: [
          {
            path: '/first',
            element: (
              <>
                <h1>First page</h1>
                <Link to="/second">Go on</Link>
              </>
            ),
          },
          { path: '/second', element: <SlowPage /> },
        ],
      },
    ],
    { initialEntries: ['/first'] },
  );
  render(<RouterProvider router={router} />);
  return router;
}

describe('moving to another page', () => {
  it('starts at the top with focus on the new heading, without a focus ring', async () => {
    const scrollTo = vi.spyOn(window, 'scrollTo').mockImplementation(() => undefined);
    renderLayout();
    const link = screen.getByRole('link', { name: 'Go on' });
    link.focus();
    scrollTo.mockClear();
    fireEvent.click(link);
    const heading = await screen.findByRole('heading', { level: 1, name: 'Second page' });
    await waitFor(() => expect(document.activeElement).toBe(heading));
    expect(heading.tabIndex).toBe(-1);
    expect(scrollTo).toHaveBeenCalledWith(0, 0);
  });

  it('keeps focus and place when Save gives the page a new address (a replace)', async () => {
    const scrollTo = vi.spyOn(window, 'scrollTo').mockImplementation(() => undefined);
    const router = renderLayout();
    const link = screen.getByRole('link', { name: 'Go on' });
    link.focus();
    scrollTo.mockClear();
    await act(() => router.navigate('/second', { replace: true, preventScrollReset: true }));
    await screen.findByRole('heading', { name: 'Second page' });
    expect(document.activeElement).not.toBe(screen.getByRole('heading', { name: 'Second page' }));
    expect(scrollTo).not.toHaveBeenCalled();
  });
});

function renderEvidencePage(type: string) {
  return render(
    <MemoryRouter initialEntries={[`/portfolios/${enrolment.id}/evidence/new?type=${type}`]}>
      <Routes>
        <Route path="/portfolios/:portfolioId/evidence/new" element={<EvidenceNewPage />} />
        <Route path="/portfolios/:portfolioId/evidence/:evidenceId" element={<p>Saved evidence</p>} />
      </Routes>
    </MemoryRouter>,
  );
}

/** The alert Save raised, checked to sit right before the button pressed (not a screen away at the top). */
function alertBeside(button: HTMLElement) {
  const alert = screen.getByRole('alert');
  expect(alert.nextElementSibling).toBe(button);
  return alert;
}

describe('a problem found on Save', () => {
  it('new observation without a signature: said beside Save and the signature, focus on the signature', async () => {
    await setActingPerson(enrolment.assessorId!); // only the acting assessor is offered the signature
    renderEvidencePage('O');
    fireEvent.change(await screen.findByLabelText('Title'), { target: { value: 'Busy gate' } });
    const save = screen.getByRole('button', { name: 'Save evidence' });
    fireEvent.click(save);
    const alert = await waitFor(() => alertBeside(save));
    expect(alert.textContent).toBe("Assessor's signature is needed for this type of evidence.");
    const signature = screen.getByRole('group', { name: /Assessor's signature/ });
    expect(signature.contains(document.activeElement)).toBe(true);
    expect(document.activeElement?.tagName).toBe('INPUT');
    expect(signature.parentElement!.querySelector('.field-error')?.textContent).toBe(alert.textContent);
  });

  it('new evidence without a title: focus on the title, the reason beside Save', async () => {
    renderEvidencePage('P');
    const title = await screen.findByLabelText('Title');
    const save = screen.getByRole('button', { name: 'Save evidence' });
    fireEvent.submit(save.closest('form')!); // as a browser without form validation would
    const alert = await waitFor(() => alertBeside(save));
    expect(alert.textContent).toBe('Give the evidence a title.');
    expect(document.activeElement).toBe(title);
  });

  it.each([
    ['a saved observation form', true],
    ['a new observation form (its first Save gives it an address)', false],
  ])('%s saved with fields missing: the first has focus, the list is beside Save', async (_, saved) => {
    const { id } = await saveForm({
      portfolioId: enrolment.id,
      formType: 'observation',
      title: 'Observation record',
      data: { activities: 'Annie dealt with the queue' },
    });
    const start = `/portfolios/${enrolment.id}/forms/${saved ? id : 'new-observation'}`;
    const router = createMemoryRouter([{ path: '/portfolios/:portfolioId/forms/:formId', element: <FormPage /> }], {
      initialEntries: [start],
    });
    render(<RouterProvider router={router} />);
    const form = () => screen.findByRole('form', { name: /Observation record/ }, { timeout: 5000 });
    const submit = async () => (await form()).querySelector<HTMLButtonElement>('button[type="submit"]')!;
    fireEvent.click(await submit());
    // A new form is shown again at its own address once saved: what Save found must be there too.
    if (!saved) await waitFor(() => expect(router.state.location.pathname).not.toBe(start), { timeout: 5000 });
    const alert = await waitFor(async () => alertBeside(await submit()), { timeout: 5000 });
    expect(alert.textContent).toMatch(/^Saved\. Still to fill in: .*Date of observation/);
    // Read the form again each time: the new form is drawn again at its new address, with new elements.
    await waitFor(async () => {
      const first = (await form()).querySelector('[aria-invalid="true"]');
      expect(first).not.toBeNull();
      expect(document.activeElement).toBe(first);
    });
  });
});

describe('drafts when the page is left', () => {
  // Only the autosave delay is faked; Testing Library advances it while it waits when it sees `jest`.
  beforeEach(() => {
    vi.useFakeTimers({ toFake: ['setTimeout', 'clearTimeout'] });
    vi.stubGlobal('jest', { advanceTimersByTime: (ms: number) => vi.advanceTimersByTime(ms) });
  });

  it('new evidence: what was typed just before Back is kept', async () => {
    const view = renderEvidencePage('P');
    fireEvent.change(await screen.findByLabelText('Title'), { target: { value: 'Typed just before Back' } });
    view.unmount(); // well before AUTOSAVE_DELAY_MS
    await vi.waitFor(async () =>
      expect((await loadDraft<{ title: string }>(draftKeys.newEvidence(enrolment.id)))?.title).toBe(
        'Typed just before Back',
      ),
    );
  });

  it('new evidence saved straight after typing leaves no draft behind', async () => {
    renderEvidencePage('P');
    fireEvent.change(await screen.findByLabelText('Title'), { target: { value: 'Saved at once' } });
    fireEvent.click(screen.getByRole('button', { name: 'Save evidence' }));
    await screen.findByText('Saved evidence');
    await vi.advanceTimersByTimeAsync(AUTOSAVE_DELAY_MS + 100);
    expect(await loadDraft(draftKeys.newEvidence(enrolment.id))).toBeUndefined();
  });
});

describe('exporting a bundle', () => {
  it('moves focus to the download link when the bundle is ready', async () => {
    vi.mocked(bundle.exportPortfolio).mockResolvedValue({
      blob: new Blob(['zip']),
      fileName: 'annie.zip',
      files: 3,
    } as bundle.ExportedBundle);
    render(<ExportPanel portfolioId={enrolment.id} />);
    const button = screen.getByRole('button', { name: 'Export bundle' });
    button.focus();
    fireEvent.click(button);
    const link = await screen.findByRole('link', { name: 'Download bundle' });
    // Focus moves in an effect that runs just after the link is drawn.
    await waitFor(() => expect(document.activeElement).toBe(link));
  });

  it('moves focus to the reason when the export fails', async () => {
    vi.mocked(bundle.exportPortfolio).mockRejectedValue(new Error('the disk is full'));
    render(<ExportPanel portfolioId={enrolment.id} />);
    fireEvent.click(screen.getByRole('button', { name: 'Export bundle' }));
    const alert = await screen.findByRole('alert');
    expect(alert.textContent).toBe('Export failed: the disk is full');
    await waitFor(() => expect(document.activeElement).toBe(alert));
  });
});
