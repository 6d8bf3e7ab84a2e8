// @vitest-environment jsdom
// Connecting by link: the screen shows what will be connected (never the secret), stores the settings on
// "Connect" and leaves the address without its fragment; a broken link says what is wrong and stores nothing.
// The header's and the Sync screen's words for each state.
import 'fake-indexeddb/auto';
import { cleanup, fireEvent, render, screen, waitFor } from '@testing-library/react';
import { MemoryRouter, Route, Routes, useLocation } from 'react-router';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { formatDateTime, syncLinkFragment, type SyncSettings } from '../../../src/domain';
import { FieldfolioDB, setDatabase } from '../../../src/storage/db';
import { loadSyncSettings } from '../../../src/storage';
import type { PortfolioSyncView, SyncSnapshot } from '../../../src/sync';
import { ConnectPage } from '../../../src/ui/pages/syncing/ConnectPage';
import { syncService, type SyncServiceState } from '../../../src/ui/syncing/syncService';
import { headerSyncWords, runInWords } from '../../../src/ui/syncing/words';

const SETTINGS: SyncSettings = {
  // Nothing listens there: the engine the Connect button starts fails at once, without leaving this machine.
  endpoint: 'http://127.0.0.1:9',
  bucket: 'fife-college-sync',
  prefix: 'fife',
  region: 'eu-west-2',
  accessKeyId: 'AKIAFIFEPHONE0001',
  secretAccessKey: 'wJalr/XUtnFEMI+K7MDENG',
  key: 'A'.repeat(42) + 'E',
};

/** Where the router is: path and fragment, as the address bar would show them. */
function Address() {
  const { pathname, hash } = useLocation();
  return <output data-testid="address">{`${pathname}${hash}`}</output>;
}

function openConnect(fragment: string) {
  render(
    <MemoryRouter initialEntries={[`/connect#${fragment}`]}>
      <Routes>
        <Route path="/connect" element={<ConnectPage />} />
        <Route path="*" element={<p>elsewhere</p>} />
      </Routes>
      <Address />
    </MemoryRouter>,
  );
}

describe('connecting by sync link', () => {
  beforeEach(async () => {
    setDatabase(new FieldfolioDB('sync-ui-' + Math.random()));
    await syncService.disconnect();
  });
  afterEach(async () => {
    cleanup();
    await syncService.disconnect();
  });

  it('shows the store without its secret, stores the settings on Connect and drops the fragment', async () => {
    openConnect(syncLinkFragment(SETTINGS));
    const summary = await screen.findByTestId('sync-settings-summary');
    expect(summary.textContent).toContain('http://127.0.0.1:9');
    expect(summary.textContent).toContain('fife-college-sync');
    expect(summary.textContent).toContain('AKIAFIFEPHONE0001');
    expect(summary.textContent).toContain('encrypted on this device');
    const page = screen.getByRole('heading', { level: 1 }).closest('section')!.textContent;
    expect(page).not.toContain(SETTINGS.secretAccessKey);
    expect(page).not.toContain(SETTINGS.key);
    expect(screen.getByTestId('credentials-note').textContent).toMatch(/this device only.*revoke/s);
    expect(await loadSyncSettings()).toBeNull();

    fireEvent.click(screen.getByRole('button', { name: 'Connect this device' }));
    await waitFor(() => expect(screen.getByTestId('address').textContent).toBe('/sync/settings'));
    expect(await loadSyncSettings()).toEqual(SETTINGS);
    expect(syncService.state()).toMatchObject({ connection: 'connected', settings: SETTINGS });
  });

  it('a broken link says what is wrong in words and stores nothing', async () => {
    const broken = syncLinkFragment(SETTINGS)
      .replace(/&secretAccessKey=[^&]*/, '')
      .replace('fife-college-sync', 'x');
    openConnect(broken);
    const alert = await screen.findByRole('alert');
    expect(alert.textContent).toContain('Bucket must be 3–63 letters');
    expect(alert.textContent).toContain('Secret access key is missing');
    expect(screen.queryByRole('button', { name: 'Connect this device' })).toBeNull();
    expect(await loadSyncSettings()).toBeNull();
  });

  it('Cancel leaves without storing anything, and without the fragment', async () => {
    openConnect(syncLinkFragment(SETTINGS));
    fireEvent.click(await screen.findByRole('button', { name: 'Cancel' }));
    await waitFor(() => expect(screen.getByTestId('address').textContent).toBe('/'));
    expect(await loadSyncSettings()).toBeNull();
  });
});

const snapshot = (change: Partial<SyncSnapshot>): SyncSnapshot => ({
  phase: 'idle',
  lastError: null,
  lastSuccessAt: '2026-11-26T12:00:00.000Z',
  nextAttemptAt: null,
  failures: 0,
  sending: {},
  ...change,
});
const connected = (change: Partial<SyncSnapshot>): SyncServiceState => ({
  connection: 'connected',
  settings: SETTINGS,
  snapshot: snapshot(change),
  clockNote: null,
});
const view = (status: PortfolioSyncView['status'], changesWaiting = 0): PortfolioSyncView => ({
  portfolioId: `p-${Math.random()}`,
  status,
  words: '',
  lastSuccessAt: null,
  changesWaiting,
});

describe('the sync state in words', () => {
  it('the header says nothing on a device that is not connected', () => {
    const state: SyncServiceState = { connection: 'not-connected', settings: null, snapshot: null, clockNote: null };
    expect(headerSyncWords(state, [])).toBeNull();
  });

  it('the header sums the portfolios up, the most pressing first', () => {
    const upToDate = view({ kind: 'up-to-date' });
    const waiting = view({ kind: 'waiting', changes: 3 }, 3);
    const held = view({ kind: 'held', changes: 2, keys: ['ab'.repeat(32)] });
    const failed = view({ kind: 'failed', reason: 'The store is full' });
    const sending = view({ kind: 'sending', percent: 40 }, 1);
    expect(headerSyncWords(connected({}), [upToDate])).toEqual({ words: 'Sync: up to date', tone: 'ok' });
    expect(headerSyncWords(connected({}), [upToDate, waiting])?.words).toBe('Sync: 3 changes waiting');
    expect(headerSyncWords(connected({}), [waiting, held])?.words).toBe('Sync: 1 held');
    expect(headerSyncWords(connected({}), [held, failed])).toEqual({ words: 'Sync: 1 failed', tone: 'problem' });
    expect(headerSyncWords(connected({ phase: 'syncing' }), [sending, waiting])?.words).toBe('Sync: sending 40%');
    expect(headerSyncWords(connected({ phase: 'offline' }), [waiting, sending])?.words).toBe('Sync: 4 waiting');
    expect(headerSyncWords(connected({ phase: 'failed', lastError: 'x' }), [upToDate])?.tone).toBe('problem');
  });

  it('the Sync screen says when it last synced, what went wrong and when it tries again', () => {
    expect(runInWords(snapshot({}))).toBe(`Synced at ${formatDateTime('2026-11-26T12:00:00.000Z')}.`);
    expect(runInWords(snapshot({ lastSuccessAt: null }))).toBe('Waiting for the first sync.');
    const refused = 'The store refused the credentials (403): check the access key and secret in the sync link.';
    const failed = runInWords(
      snapshot({ phase: 'failed', lastError: refused, nextAttemptAt: Date.parse('2026-11-26T12:05:00Z') }),
    );
    const retryAt = formatDateTime('2026-11-26T12:05:00.000Z');
    expect(failed).toBe(`Sync failed: ${refused} Next attempt at ${retryAt}.`);
    expect(runInWords(snapshot({ phase: 'offline', lastError: null }))).toMatch(/^No network/);
  });
});
