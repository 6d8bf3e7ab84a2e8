// @vitest-environment jsdom
import 'fake-indexeddb/auto';
import { cleanup, fireEvent, render, screen, waitFor, within } from '@testing-library/react';
import { MemoryRouter, Route, Routes } from 'react-router';
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import type { Enrolment, Person } from '../../../src/domain';
import { FieldfolioDB, setDatabase } from '../../../src/storage/db';
import { listPeople, loadPortfolio, saveEvidence, savePerson, storeSpecs } from '../../../src/storage';
import { EvidencePage } from '../../../src/ui/pages/EvidencePage';
import { PeoplePage } from '../../../src/ui/pages/PeoplePage';
import { PortfolioPage } from '../../../src/ui/pages/PortfolioPage';
import { loadSpec } from '../domain/loadSpecs';
import { svq2Portfolio } from '../factories';

const spec = loadSpec('svq2-customer-service-scqf5');
let enrolment: Enrolment;
let assessor: Person;
let trainee: Person;

beforeEach(async () => {
  setDatabase(new FieldfolioDB('edit-ui-' + Math.random()));
  // jsdom has no object URLs; MediaView and MediaCapture make them for previews.
  vi.stubGlobal('URL', Object.assign(URL, { createObjectURL: vi.fn(() => 'blob:fake'), revokeObjectURL: vi.fn() }));
  await storeSpecs([spec], 'bundled');
  ({ enrolment, assessor } = await svq2Portfolio({
    candidate: 'Annie Clews',
    assessor: 'Jim Sullivan',
    startDate: '2011-05-01',
  }));
  trainee = await savePerson({
    name: 'Tess Trainee',
    roles: ['assessor'],
    assessorStatus: 'working-towards',
    centre: 'North College',
  });
});

afterEach(() => {
  cleanup();
  vi.unstubAllGlobals();
  vi.restoreAllMocks();
});

function renderAt(path: string) {
  return render(
    <MemoryRouter initialEntries={[path]}>
      <Routes>
        <Route path="/people" element={<PeoplePage />} />
        <Route path="/portfolios/:portfolioId" element={<PortfolioPage />} />
        <Route path="/portfolios/:portfolioId/evidence/:evidenceId" element={<EvidencePage />} />
      </Routes>
    </MemoryRouter>,
  );
}

describe('editing the route and people of a portfolio', () => {
  it('shows the rules verdict live while units are ticked, and saves route, assessor and IQA in one write', async () => {
    const iqa = await savePerson({ name: 'Ida Quality', roles: ['iqa'] });
    renderAt(`/portfolios/${enrolment.id}`);
    const facts = await screen.findByTestId('enrolment-facts');
    expect(facts.textContent).toContain('F1, F2, A10, B2, C3, D2, D3');

    fireEvent.click(screen.getByRole('button', { name: 'Edit route and people' }));
    const form = screen.getByRole('form', { name: 'Edit route and people' });
    const verdict = within(form).getByTestId('route-verdict');
    expect(verdict.textContent).toMatch(/meets the rules/);
    fireEvent.click(within(form).getByRole('checkbox', { name: /^B2 / }));
    expect(verdict.textContent).toMatch(/does not yet meet/);
    expect(within(form).getByTestId('route-verdict-at-save').textContent).toMatch(/does not yet meet/);
    fireEvent.click(within(form).getByRole('checkbox', { name: /^B4 / }));
    expect(verdict.textContent).toMatch(/meets the rules/);
    fireEvent.change(within(form).getByLabelText('Assessor'), { target: { value: trainee.id } });
    fireEvent.change(within(form).getByLabelText('Internal quality assurer'), { target: { value: iqa.id } });
    fireEvent.click(within(form).getByRole('button', { name: 'Save route and people' }));

    expect(await screen.findByText('Route and people saved.')).toBeTruthy();
    await waitFor(() =>
      expect(screen.getByTestId('enrolment-facts').textContent).toContain('F1, F2, A10, C3, D2, D3, B4'),
    );
    expect(screen.getByTestId('enrolment-facts').textContent).toContain('Tess Trainee');
    expect(screen.getByTestId('enrolment-facts').textContent).toContain('Ida Quality');
    expect(screen.queryByRole('form', { name: 'Edit route and people' })).toBeNull();
    const stored = (await loadPortfolio(enrolment.id))!.enrolment;
    expect(stored.route).toEqual(['F1', 'F2', 'A10', 'C3', 'D2', 'D3', 'B4']);
    expect(stored.assessorId).toBe(trainee.id);
    expect(stored.iqaId).toBe(iqa.id);
    expect(stored.rev).toBe(2);
    expect(stored.startDate).toBe('2011-05-01');
  });

  it('cancel leaves the enrolment as it was', async () => {
    renderAt(`/portfolios/${enrolment.id}`);
    fireEvent.click(await screen.findByRole('button', { name: 'Edit route and people' }));
    const form = screen.getByRole('form', { name: 'Edit route and people' });
    fireEvent.click(within(form).getByRole('checkbox', { name: /^B2 / }));
    fireEvent.click(within(form).getByRole('button', { name: 'Cancel' }));
    expect(screen.queryByRole('form', { name: 'Edit route and people' })).toBeNull();
    expect(document.activeElement).toBe(screen.getByRole('button', { name: 'Edit route and people' }));
    expect((await loadPortfolio(enrolment.id))!.enrolment.rev).toBe(1);
  });
});

describe('editing a person', () => {
  it('a trainee assessor becomes qualified: saved in place and shown in the table', async () => {
    renderAt('/people');
    const row = (await screen.findByRole('rowheader', { name: 'Tess Trainee' })).closest('tr')!;
    expect(row.textContent).toContain('Working towards');
    fireEvent.click(within(row).getByRole('button', { name: 'Edit Tess Trainee' }));

    const form = screen.getByRole('form', { name: 'Edit Tess Trainee' });
    expect(document.activeElement).toBe(within(form).getByRole('heading', { name: 'Edit Tess Trainee' }));
    expect((within(form).getByLabelText('Centre') as HTMLInputElement).value).toBe('North College');
    fireEvent.change(within(form).getByLabelText('Assessor qualification'), { target: { value: 'qualified' } });
    fireEvent.change(within(form).getByLabelText('Registration number'), { target: { value: 'REG-42' } });
    fireEvent.click(within(form).getByRole('checkbox', { name: 'Internal quality assurer (IQA)' }));
    fireEvent.click(within(form).getByRole('button', { name: 'Save changes' }));

    expect(await screen.findByText('Tess Trainee saved.')).toBeTruthy();
    await waitFor(() => {
      const updated = screen.getByRole('rowheader', { name: 'Tess Trainee' }).closest('tr')!;
      expect(updated.textContent).toContain('Qualified');
      expect(updated.textContent).toContain('REG-42');
      expect(updated.textContent).toContain('Internal quality assurer (IQA)');
    });
    expect(screen.queryByRole('form', { name: 'Edit Tess Trainee' })).toBeNull();
    const people = await listPeople();
    expect(people).toHaveLength(3);
    expect(people.find((p) => p.id === trainee.id)).toMatchObject({
      assessorStatus: 'qualified',
      registrationNumber: 'REG-42',
      roles: ['assessor', 'iqa'],
      centre: 'North College',
      rev: 2,
      createdAt: trainee.createdAt,
    });
  });
});

describe('editing evidence', () => {
  it('title and date are changed and a file added, keeping media, criteria and signature', async () => {
    const evidence = await saveEvidence({
      evidence: {
        portfolioId: enrolment.id,
        type: 'O',
        title: 'Queue at the gate',
        date: '2011-05-10',
        recordedBy: assessor.id,
      },
      files: [{ name: 'photo.jpg', type: 'image/jpeg', blob: new Blob(['jpeg bytes'], { type: 'image/jpeg' }) }],
      criteria: [
        { unitCode: 'F1', criterionKey: 'F1|pc|F1.1|F1.1' },
        { unitCode: 'A10', criterionKey: 'A10|pc|A10.1|A10.1' },
      ],
      signature: {
        typedName: 'Jim Sullivan',
        role: 'Assessor',
        personId: assessor.id,
        image: 'data:image/png;base64,AAAA',
      },
    });
    renderAt(`/portfolios/${enrolment.id}/evidence/${evidence.id}`);
    expect(await screen.findByRole('heading', { level: 1, name: 'Queue at the gate' })).toBeTruthy();

    fireEvent.click(screen.getByRole('button', { name: 'Edit details or add media' }));
    const form = screen.getByRole('form', { name: 'Edit evidence' });
    expect((within(form).getByLabelText('Title') as HTMLInputElement).value).toBe('Queue at the gate');
    fireEvent.change(within(form).getByLabelText('Title'), { target: { value: 'Queue at gate 4' } });
    fireEvent.change(within(form).getByLabelText('Date'), { target: { value: '2011-05-12' } });
    const file = new File(['visitor log'], 'log.txt', { type: 'text/plain' });
    fireEvent.change(within(form).getByLabelText('Add file'), { target: { files: [file] } });
    await within(form).findByText('log.txt');
    fireEvent.click(within(form).getByRole('button', { name: 'Save changes' }));

    expect(await screen.findByText('Evidence saved with 1 more media file.')).toBeTruthy();
    expect(await screen.findByRole('heading', { level: 1, name: 'Queue at gate 4' })).toBeTruthy();
    expect(screen.getByText(/12\/05\/2011/)).toBeTruthy();
    await waitFor(() =>
      expect(within(screen.getByRole('region', { name: 'Media' })).getAllByRole('figure')).toHaveLength(2),
    );
    expect(within(screen.getByTestId('mapped-criteria')).getAllByRole('listitem')).toHaveLength(2);
    expect(screen.getByRole('img', { name: 'Signature of Jim Sullivan' })).toBeTruthy();

    const data = (await loadPortfolio(enrolment.id))!;
    const stored = data.evidence[0]!;
    expect(stored).toMatchObject({ title: 'Queue at gate 4', date: '2011-05-12', type: 'O', recordedBy: assessor.id });
    expect(stored.mediaIds).toHaveLength(2);
    expect(stored.mediaIds[0]).toBe(evidence.mediaIds[0]);
    expect(data.media.map((m) => m.name).sort()).toEqual(['log.txt', 'photo.jpg']);
    expect(stored.criteria.map((c) => c.unitCode)).toEqual(['F1', 'A10']);
    expect(data.signatures.filter((s) => s.subjectId === evidence.id)).toHaveLength(1);
  });

  it('an empty title is refused with a message and nothing is saved', async () => {
    const evidence = await saveEvidence({
      evidence: { portfolioId: enrolment.id, type: 'P', title: 'Product', date: '2011-05-10' },
    });
    renderAt(`/portfolios/${enrolment.id}/evidence/${evidence.id}`);
    fireEvent.click(await screen.findByRole('button', { name: 'Edit details or add media' }));
    const form = screen.getByRole('form', { name: 'Edit evidence' });
    fireEvent.change(within(form).getByLabelText('Title'), { target: { value: '   ' } });
    fireEvent.submit(form);
    expect((await within(form).findByRole('alert')).textContent).toBe('Give the evidence a title.');
    expect((await loadPortfolio(enrolment.id))!.evidence[0]!.rev).toBe(1);
  });
});
