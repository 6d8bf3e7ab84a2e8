// @vitest-environment jsdom
// The Sync screen's portfolios: each named by its candidate and its qualification's title (never the spec's id),
// its state in words and when it last synced, as cards that fit a phone.
import 'fake-indexeddb/auto';
import { cleanup, render, screen, within } from '@testing-library/react';
import { MemoryRouter } from 'react-router';
import { afterEach, beforeEach, expect, it } from 'vitest';
import { formatDateTime } from '../../../src/domain';
import { FieldfolioDB, setDatabase } from '../../../src/storage/db';
import { storeSpecs } from '../../../src/storage';
import { PortfolioSyncList } from '../../../src/ui/pages/syncing/PortfolioSyncList';
import { loadSpec } from '../domain/loadSpecs';
import { svq2Portfolio } from '../factories';

const spec = loadSpec('svq2-customer-service-scqf5');

beforeEach(() => setDatabase(new FieldfolioDB('sync-list-' + Math.random())));
afterEach(cleanup);

it('names the candidate and the qualification, says the state and when it last synced', async () => {
  await storeSpecs([spec], 'bundled');
  const { enrolment } = await svq2Portfolio({ candidate: 'Annie Clews' });
  const lastSuccessAt = '2026-11-26T12:00:00.000Z';
  render(
    <MemoryRouter>
      <PortfolioSyncList
        views={[
          {
            portfolioId: enrolment.id,
            status: { kind: 'up-to-date' },
            words: 'Up to date',
            lastSuccessAt,
            changesWaiting: 0,
          },
          {
            portfolioId: 'elsewhere',
            status: { kind: 'up-to-date' },
            words: 'Up to date',
            lastSuccessAt: null,
            changesWaiting: 0,
          },
        ]}
      />
    </MemoryRouter>,
  );
  const cards = within(screen.getByRole('list', { name: 'Sync state of each portfolio' })).getAllByRole('listitem');
  expect(cards).toHaveLength(2);
  const [annie, arriving] = cards as [HTMLElement, HTMLElement];
  expect(await within(annie).findByRole('link', { name: 'Annie Clews' })).toBeTruthy();
  expect(await within(annie).findByText(spec.title)).toBeTruthy();
  expect(annie.textContent).not.toContain(enrolment.specId);
  expect(annie.textContent).toContain(`Last synced: ${formatDateTime(lastSuccessAt)}`);
  expect(arriving.textContent).toContain('A portfolio arriving from another device');
  expect(arriving.textContent).toContain('Last synced: not yet');
});
