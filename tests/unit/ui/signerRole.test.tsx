// @vitest-environment jsdom
// The signature on a new observation is the acting assessor's, its role given (not typed); a candidate acting on
// the device is told that only an assessor can sign it, and is not offered a field to sign as one.
import 'fake-indexeddb/auto';
import { cleanup, fireEvent, render, screen, waitFor } from '@testing-library/react';
import { MemoryRouter, Route, Routes } from 'react-router';
import { afterEach, beforeEach, expect, it } from 'vitest';
import { FieldfolioDB, setDatabase } from '../../../src/storage/db';
import { setActingPerson, storeSpecs } from '../../../src/storage';
import { EvidenceNewPage } from '../../../src/ui/pages/EvidenceNewPage';
import { loadSpec } from '../domain/loadSpecs';
import { svq2Portfolio } from '../factories';

let stored: Awaited<ReturnType<typeof svq2Portfolio>>;
beforeEach(async () => {
  setDatabase(new FieldfolioDB('signer-' + Math.random()));
  await storeSpecs([loadSpec('svq2-customer-service-scqf5')], 'bundled');
  stored = await svq2Portfolio({ candidate: 'Annie Clews', assessor: 'Jim Sullivan' });
});
afterEach(cleanup);

const renderObservation = () =>
  render(
    <MemoryRouter initialEntries={[`/portfolios/${stored.enrolment.id}/evidence/new?type=O`]}>
      <Routes>
        <Route path="/portfolios/:portfolioId/evidence/new" element={<EvidenceNewPage />} />
      </Routes>
    </MemoryRouter>,
  );

it('the acting assessor signs as Assessor, a role shown and not typed', async () => {
  await setActingPerson(stored.assessor.id);
  renderObservation();
  const name = await waitFor(() => screen.getByLabelText('Full name') as HTMLInputElement);
  await waitFor(() => expect(name.value).toBe('Jim Sullivan'));
  expect(screen.queryByLabelText('Role')).toBeNull();
  expect(screen.getByText(/^Signing as/).textContent).toBe('Signing as Assessor');
});

it('a candidate acting is not offered the assessor’s signature, and Save says why', async () => {
  await setActingPerson(stored.candidate.id);
  renderObservation();
  const note = await screen.findByTestId('signer-needed');
  expect(note.textContent).toMatch(/^Only an assessor can sign this\. Annie Clews is acting as candidate/);
  expect(screen.queryByLabelText('Full name')).toBeNull();
  fireEvent.change(screen.getByLabelText('Title'), { target: { value: 'Busy gate' } });
  fireEvent.click(screen.getByRole('button', { name: 'Save evidence' }));
  expect((await screen.findByRole('alert')).textContent).toBe(
    "Assessor's signature is needed for this type of evidence.",
  );
});
