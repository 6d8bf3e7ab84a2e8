// @vitest-environment jsdom
// After an assessor merges a verifier's decisions bundle, a unit referred back shows under the portfolio's Checks
// and on the assessor's home; the bundle's summary names the candidate though the bundle does not carry them.
import 'fake-indexeddb/auto';
import { cleanup, render, screen, waitFor, within } from '@testing-library/react';
import { MemoryRouter } from 'react-router';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { FieldfolioDB, setDatabase } from '../../../src/storage/db';
import { listPeople, listVerifierReferrals, savePerson, setClock, storeSpecs, systemClock } from '../../../src/storage';
import { exportVerifierDecisions, verifyBundle, type VerifierSample } from '../../../src/bundle';
import { computeProgress, type Enrolment, type Person } from '../../../src/domain';
import { ChecksSection } from '../../../src/ui/pages/portfolio/ChecksSection';
import { QaActionsSlot } from '../../../src/ui/pages/home/QaActionsSlot';
import { BundleFacts } from '../../../src/ui/pages/import/BundleSummary';
import { importBundle } from '../bundle/trusting';
import { testClock } from '../clock';
import { loadSpec } from '../domain/loadSpecs';
import { svq2Portfolio } from '../factories';

const spec = loadSpec('svq2-customer-service-scqf5');
beforeEach(async () => {
  setClock(testClock());
  setDatabase(new FieldfolioDB(`ui-referrals-${Math.random()}`));
  await storeSpecs([spec], 'bundled');
});
afterEach(() => {
  cleanup();
  setClock(systemClock);
});

async function decisionsBundle(enrolment: Enrolment, verifier: Person, samples: VerifierSample[], now: string) {
  return (await exportVerifierDecisions({ enrolment, verifier, samples, now })).blob;
}

describe('units referred back by a verifier', () => {
  it('show under Checks and on the assessor’s home once merged, until a later agreement closes them', async () => {
    const { enrolment, assessor } = await svq2Portfolio({ candidate: 'Annie Macleod' });
    const ivy = await savePerson({ name: 'Ivy Quality', roles: ['iqa'] });
    const first = await decisionsBundle(
      enrolment,
      ivy,
      [
        { unitCode: 'F1', outcome: 'met', comments: '' },
        { unitCode: 'C3', outcome: 'not-yet', comments: 'Witness testimony unsigned' },
      ],
      '2026-10-02T10:00:00.000Z',
    );
    expect(await listVerifierReferrals({ assessorId: assessor.id })).toEqual([]);
    await importBundle(first, 'merge');

    const referrals = await listVerifierReferrals({ assessorId: assessor.id });
    expect(referrals.map((r) => [r.unitCode, r.candidateName, r.verifierName])).toEqual([
      ['C3', 'Annie Macleod', 'Ivy Quality'],
    ]);
    expect(await listVerifierReferrals({ assessorId: ivy.id })).toEqual([]);

    const progress = computeProgress(
      spec,
      { enrolment, people: [], evidence: [], mappings: [], decisions: [], signatures: [] },
      '2026-10-03',
    );
    render(
      <MemoryRouter>
        <ChecksSection progress={progress} portfolioId={enrolment.id} />
        <QaActionsSlot personId={assessor.id} />
      </MemoryRouter>,
    );
    // Checks and the home slot each show the list (the slot also reads the IQA's actions, so it may come second).
    await waitFor(() => expect(screen.getAllByTestId('verifier-referrals')).toHaveLength(2));
    const lists = screen.getAllByTestId('verifier-referrals');
    expect(lists[0]!.textContent).toMatch(
      /Referred back: Unit C3 by Ivy Quality on 02\/10\/2026 — “Witness testimony unsigned”/,
    );
    expect(within(lists[1]!).getByRole('link', { name: 'Annie Macleod, unit C3' }).getAttribute('href')).toBe(
      `/portfolios/${enrolment.id}/units/C3`,
    );
    expect(screen.getByRole('heading', { name: 'Referred back by verifiers (1)' })).toBeTruthy();

    // The assessor reworks the unit; the verifier samples it again and agrees: nothing is open any more.
    await importBundle(
      await decisionsBundle(
        enrolment,
        ivy,
        [{ unitCode: 'C3', outcome: 'met', comments: '' }],
        '2026-10-09T10:00:00.000Z',
      ),
      'merge',
    );
    expect(await listVerifierReferrals({ portfolioId: enrolment.id })).toEqual([]);
  });

  it('the decisions bundle’s summary names the candidate from this device', async () => {
    const { enrolment } = await svq2Portfolio({ candidate: 'Annie Macleod' });
    const ivy = await savePerson({ name: 'Ivy Quality', roles: ['iqa'] });
    const bundle = await verifyBundle(
      await decisionsBundle(
        enrolment,
        ivy,
        [{ unitCode: 'C3', outcome: 'not-yet', comments: '' }],
        '2026-10-02T10:00:00.000Z',
      ),
    );
    expect(bundle.records.people.map((p) => p.name)).toEqual(['Ivy Quality']);
    render(<BundleFacts bundle={bundle} people={[...bundle.records.people, ...(await listPeople())]} />);
    expect(screen.getByText('Candidate').nextSibling?.textContent).toBe('Annie Macleod');
    expect(screen.getByText('Sampling decisions').nextSibling?.textContent).toBe('Ivy Quality on unit C3');
  });
});
