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
import { statusInWords, type PortfolioSyncView } from '../../../src/sync';
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

const view = (portfolioId: string, status: PortfolioSyncView['status'], words: string): PortfolioSyncView => ({
  portfolioId,
  status,
  words,
  lastSuccessAt: null,
  changesWaiting: status.kind === 'waiting' ? status.changes : 0,
});

it('puts what needs a person first (failed, held, sending, waiting, then up to date), each state by candidate name', async () => {
  await storeSpecs([spec], 'bundled');
  const names = ['Zara Young', 'Adam Bell', 'Mia Shaw', 'Ben Ford', 'Cal Dunn', 'Dee Ash'];
  const [zara, adam, mia, ben, cal, dee] = await Promise.all(
    names.map(async (candidate) => (await svq2Portfolio({ candidate })).enrolment.id),
  );
  render(
    <MemoryRouter>
      <PortfolioSyncList
        views={[
          view(zara!, { kind: 'up-to-date' }, 'Up to date'),
          view(adam!, { kind: 'up-to-date' }, 'Up to date'),
          view(mia!, { kind: 'waiting', changes: 3 }, '3 changes waiting'),
          view(ben!, { kind: 'failed', reason: 'the store refused it' }, 'Failed: the store refused it'),
          view(cal!, { kind: 'held', changes: 1, keys: ['ab'] }, 'Held: 1 change'),
          view(dee!, { kind: 'sending', percent: 40 }, 'Sending 40%'),
        ]}
      />
    </MemoryRouter>,
  );
  await screen.findByRole('link', { name: 'Zara Young' });
  const cards = within(screen.getByRole('list', { name: 'Sync state of each portfolio' })).getAllByRole('listitem');
  expect(cards.map((card) => within(card).getByRole('heading').textContent)).toEqual([
    'Ben Ford',
    'Cal Dunn',
    'Dee Ash',
    'Mia Shaw',
    'Adam Bell',
    'Zara Young',
  ]);
  expect(cards.map((card) => card.dataset.state)).toEqual([
    'failed',
    'held',
    'sending',
    'waiting',
    'up-to-date',
    'up-to-date',
  ]);
});

it('while the store cannot be reached, a portfolio with nothing waiting is not called up to date', async () => {
  await storeSpecs([spec], 'bundled');
  const { enrolment } = await svq2Portfolio({ candidate: 'Annie Clews' });
  const views = [view(enrolment.id, { kind: 'up-to-date' }, 'Up to date')];
  const { rerender } = render(
    <MemoryRouter>
      <PortfolioSyncList views={views} storeReachable={false} />
    </MemoryRouter>,
  );
  const state = () => screen.getByTestId('portfolio-sync-state').textContent;
  expect(state()).toContain('Nothing waiting to send');
  expect(state()).not.toContain('Up to date');
  rerender(
    <MemoryRouter>
      <PortfolioSyncList views={views} storeReachable />
    </MemoryRouter>,
  );
  expect(state()).toContain('Up to date');
});

it('a held state counts its changes in words and names the key by the start of its fingerprint', () => {
  const key = 'bc0fed9509d9163d1c9c6cb8c368aa7f3e9646cb28afcd929fd2412c8aaf2af5';
  expect(statusInWords({ kind: 'held', changes: 1, keys: [key] })).toBe(
    'Held: 1 change signed by a key this device does not accept (bc0f ed95 09d9 163d …): compare its fingerprint before accepting it',
  );
  expect(statusInWords({ kind: 'held', changes: 3, keys: [key] })).toMatch(/^Held: 3 changes signed/);
});
