// @vitest-environment jsdom
// The Trust screen's accept flow: a change held from an unaccepted key shows the key's full fingerprint; once the
// person compares it and accepts the key for someone, the held changes that person may make are applied.
import 'fake-indexeddb/auto';
import { cleanup, fireEvent, render, screen, waitFor, within } from '@testing-library/react';
import { MemoryRouter, Route, Routes } from 'react-router';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { formatFingerprint, type Enrolment, type Person } from '../../../src/domain';
import { db, FieldfolioDB, setDatabase } from '../../../src/storage/db';
import { listHeld, listPeople, storeSpecs } from '../../../src/storage';
import { PortfolioPage } from '../../../src/ui/pages/PortfolioPage';
import { TrustPage } from '../../../src/ui/pages/TrustPage';
import { loadSpec } from '../domain/loadSpecs';
import { svq2Portfolio } from '../factories';
import { installTestClock } from '../clock';

installTestClock();

const OTHER_DEVICE = 'candidates-phone';
const OTHER_KEY = '0123456789abcdef'.repeat(4);
let enrolment: Enrolment;
let candidate: Person;
let assessor: Person;

/** Two changes from the candidate's phone, held: her new name (hers to make), and a unit sign-off (not hers). */
beforeEach(async () => {
  setDatabase(new FieldfolioDB('trust-ui-' + Math.random()));
  await storeSpecs([loadSpec('svq2-customer-service-scqf5')], 'bundled');
  ({ enrolment, candidate, assessor } = await svq2Portfolio({ candidate: 'Annie Clews' }));
  const held = { portfolioId: enrolment.id, deviceId: OTHER_DEVICE, deviceKey: OTHER_KEY, receivedAt: 'x' };
  const reason = 'signed by a key this device does not accept';
  const renamed = {
    ...candidate,
    name: 'Annie Clews-Macleod',
    rev: 2,
    clock: { ...candidate.clock, [OTHER_DEVICE]: 1 },
  };
  const signoff = {
    id: 'signoff-1',
    portfolioId: enrolment.id,
    kind: 'unit-signoff',
    unitCode: 'F1',
    assessorId: assessor.id,
    countersignedBy: null,
    countersignatureId: null,
    clock: { [OTHER_DEVICE]: 2 },
    deviceId: OTHER_DEVICE,
  };
  await db().held.bulkPut([
    { ...held, id: 'h1', table: 'people', recordId: candidate.id, record: renamed, reason },
    { ...held, id: 'h2', table: 'decisions', recordId: signoff.id, record: signoff, reason },
  ]);
});

afterEach(cleanup);

const renderAt = (path: string) =>
  render(
    <MemoryRouter initialEntries={[path]}>
      <Routes>
        <Route path="/trust" element={<TrustPage />} />
        <Route path="/portfolios/:portfolioId" element={<PortfolioPage />} />
      </Routes>
    </MemoryRouter>,
  );

describe('Trust screen: accepting a key', () => {
  it('shows the full fingerprint, asks for whom the key speaks, then applies the held changes that person may make', async () => {
    renderAt('/trust');
    expect(await screen.findAllByTestId('held-row')).toHaveLength(2);
    fireEvent.click(screen.getAllByRole('button', { name: 'Accept this key…' })[0]!);

    const form = screen.getByRole('form', { name: 'Accept this key' });
    expect(within(form).getByTestId('accept-fingerprint').textContent).toBe(formatFingerprint(OTHER_KEY));
    expect(formatFingerprint(OTHER_KEY).replace(/ /g, '')).toBe(OTHER_KEY);
    // No one is chosen for the person; accepting needs the comparison and a person.
    const annie = await within(form).findByRole('checkbox', { name: 'Annie Clews' });
    expect(
      within(form)
        .getAllByRole('checkbox')
        .filter((c) => (c as HTMLInputElement).checked),
    ).toEqual([]);
    fireEvent.click(within(form).getByRole('button', { name: 'Accept' }));
    expect((await within(form).findByRole('alert')).textContent).toMatch(/Compare the fingerprint/);
    fireEvent.click(within(form).getByRole('checkbox', { name: /I compared every group/ }));
    fireEvent.click(annie);
    fireEvent.click(within(form).getByRole('button', { name: 'Accept' }));

    expect((await screen.findByText(/^Key accepted for Annie Clews\./)).textContent).toBe(
      'Key accepted for Annie Clews. 1 held change applied; 1 still held.',
    );
    expect((await listPeople()).map((p) => p.name)).toContain('Annie Clews-Macleod');
    const [left] = await listHeld();
    expect(left?.recordId).toBe('signoff-1');
    expect(left?.reason).toBe('a judgement or unit sign-off needs the key of the assessor who made it');
    await waitFor(() => expect(screen.getAllByTestId('held-row')).toHaveLength(1));
  });

  it('the portfolio page says how many changes are held and links to the Trust screen', async () => {
    renderAt(`/portfolios/${enrolment.id}`);
    const line = await screen.findByTestId('held-line');
    expect(line.textContent).toBe('2 changes held from other devices — see Trust');
    expect(within(line).getByRole('link', { name: 'see Trust' }).getAttribute('href')).toBe('/trust');
  });
});

describe('certificates held', () => {
  it('lists each certificate the device holds, and says whether its centre counts here', async () => {
    const { distrustCentre, issueCertificate, makeCentreKey, thisDeviceEntry } = await import('../../../src/storage');
    const centre = await makeCentreKey();
    const device = await thisDeviceEntry();
    await issueCertificate({
      deviceId: 'tablet-7',
      devicePublicKey: device.publicKey,
      personId: assessor.id,
      personName: assessor.name,
      grants: [{ role: 'assessor', portfolios: 'all', status: 'trainee' }],
      validFrom: '2026-01-01T00:00:00.000Z',
      validUntil: '2027-01-01T00:00:00.000Z',
    });
    renderAt('/trust');
    const table = await screen.findByRole('region', { name: 'Table of certificates held' });
    await waitFor(() => expect(table.textContent).toContain(assessor.name));
    expect(table.textContent).toContain('assessor (trainee, all portfolios)');
    expect(table.textContent).toContain('01/01/2026 to 01/01/2027');
    expect(within(table).getAllByRole('row')[1]!.textContent).toMatch(/yes$/);
    await distrustCentre(centre.fingerprint);
    await waitFor(() => expect(within(table).getAllByRole('row')[1]!.textContent).toMatch(/not trusted here$/));
  });
});
