// @vitest-environment jsdom
// A saved draft that cannot be read (a damaged row, a storage error) must not leave a screen stuck: the page says
// so and starts from an empty draft.
import 'fake-indexeddb/auto';
import { cleanup, render, screen } from '@testing-library/react';
import { MemoryRouter, Route, Routes } from 'react-router';
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import type { Enrolment } from '../../../src/domain';
import { FieldfolioDB, setDatabase } from '../../../src/storage/db';
import { portfolioForExport, savePerson, setActingPerson, storeSpecs } from '../../../src/storage';
import type { VerifiedBundle } from '../../../src/bundle/verify';
import { EvidenceNewPage } from '../../../src/ui/pages/EvidenceNewPage';
import { VerifierPage } from '../../../src/ui/pages/VerifierPage';
import { useVerifier } from '../../../src/ui/state/verifier';
import { loadSpec } from '../domain/loadSpecs';
import { svq2Portfolio } from '../factories';
import { testClock } from '../clock';
import { setClock, systemClock } from '../../../src/storage/clock';

// A fresh test clock per test, as useTestClock() gives (called here directly: the React hooks lint rule takes any use* call for a hook).
beforeEach(() => setClock(testClock()));
afterEach(() => setClock(systemClock));
const spec = loadSpec('svq2-customer-service-scqf5');
let database: FieldfolioDB;
let enrolment: Enrolment;

beforeEach(async () => {
  database = new FieldfolioDB('draft-read-' + Math.random());
  setDatabase(database);
  vi.stubGlobal('URL', Object.assign(URL, { createObjectURL: vi.fn(() => 'blob:fake'), revokeObjectURL: vi.fn() }));
  await storeSpecs([spec], 'bundled');
  ({ enrolment } = await svq2Portfolio());
  vi.spyOn(database.drafts, 'get').mockRejectedValue(new Error('the draft row is damaged'));
});

afterEach(() => {
  cleanup();
  useVerifier.getState().close();
  vi.unstubAllGlobals();
  vi.restoreAllMocks();
});

describe('a saved draft that cannot be read', () => {
  it('new evidence: the page says so, leaves "Loading…" and offers an empty form', async () => {
    render(
      <MemoryRouter initialEntries={[`/portfolios/${enrolment.id}/evidence/new`]}>
        <Routes>
          <Route path="/portfolios/:portfolioId/evidence/new" element={<EvidenceNewPage />} />
        </Routes>
      </MemoryRouter>,
    );
    expect((await screen.findByRole('alert')).textContent).toBe(
      'Your unsaved evidence could not be read (the draft row is damaged); starting from an empty form.',
    );
    expect(screen.queryByText('Loading…')).toBeNull();
    expect(screen.getByRole('form', { name: 'Evidence' })).toBeTruthy();
    expect((screen.getByLabelText('Title') as HTMLInputElement).value).toBe('');
    expect((screen.getByRole('button', { name: 'Save evidence' }) as HTMLButtonElement).disabled).toBe(false);
  });

  it('verifier view: the page says so and sampling decisions can still be made', async () => {
    const iqa = await savePerson({ name: 'Ida Quality', roles: ['iqa'] });
    await setActingPerson(iqa.id);
    const { records } = (await portfolioForExport(enrolment.id))!;
    const bundle: VerifiedBundle = {
      portfolioId: enrolment.id,
      exportedAt: '2026-06-01T09:00:00.000Z',
      deviceId: 'phone',
      scope: 'full',
      changesSince: null,
      records,
      audit: [],
      specs: [spec],
      media: new Map(),
      signer: {
        fingerprint: 'ab:cd',
        deviceKey: 'e'.repeat(64),
        deviceId: 'phone',
        publicKey: 'AAAA',
        known: false,
        label: null,
      },
      devices: [],
      trustDocuments: [],
      sender: null,
      payloadFiles: 0,
      payloadBytes: 0,
      receivedReportSha256: null,
    };
    useVerifier.getState().open(bundle);
    render(
      <MemoryRouter>
        <VerifierPage />
      </MemoryRouter>,
    );
    expect((await screen.findByRole('alert')).textContent).toBe(
      'Your saved sampling decisions could not be read (the draft row is damaged); starting with none.',
    );
    expect(screen.queryByText('Loading…')).toBeNull();
    const decision = (await screen.findByLabelText('Decision on F1')) as HTMLSelectElement;
    await vi.waitFor(() => expect(decision.disabled).toBe(false));
    expect(decision.value).toBe('');
  });
});
