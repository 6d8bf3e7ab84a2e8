// The app's sync service on hand-driven timers and an in-process store: it starts the engine on app start only
// when connected; a committed save, the `online` event and becoming visible each lead to a run; a save never
// waits for sync, even when the store hangs; disconnecting stops every trigger and forgets the settings.
import 'fake-indexeddb/auto';
import { beforeEach, describe, expect, it, vi } from 'vitest';
import { saveEvidence } from '../../../src/storage';
import { createSyncEngine, type ObjectStore, type SyncEnvironment, type Timers } from '../../../src/sync';
import type { SyncSettings } from '../../../src/domain';
import { createSyncService, type SyncService } from '../../../src/ui/syncing/syncService';
import { installFileClock } from '../bundle/helpers';
import { newDevice, portfolio } from '../trust/world';
import { MemoryStore } from './memoryStore';
import { person, PREFIX } from './world';

installFileClock();

const SETTINGS: SyncSettings = {
  endpoint: 'https://store.example.org',
  bucket: 'centre-bucket',
  prefix: PREFIX,
  region: 'us-east-1',
  accessKeyId: 'AKIDEXAMPLE',
  secretAccessKey: 'secret/with+plus',
};

/** Timers run by hand: `fire(upTo)` runs every timer set for at most `upTo` ms. */
function handTimers() {
  let next = 1;
  const pending = new Map<number, { run: () => void; ms: number }>();
  const timers: Timers = {
    setTimeout(run, ms) {
      pending.set(next, { run, ms });
      return next++;
    },
    clearTimeout: (id) => void pending.delete(id as number),
  };
  const delays = () => [...pending.values()].map((t) => t.ms);
  function fire(upTo: number) {
    for (const [id, timer] of [...pending]) {
      if (timer.ms > upTo) continue;
      pending.delete(id);
      timer.run();
    }
  }
  return { timers, delays, fire };
}

function fakeEnvironment() {
  const listeners = { online: new Set<() => void>(), visible: new Set<() => void>() };
  const env = { online: true, visible: true };
  const environment: SyncEnvironment = {
    isOnline: () => env.online,
    isVisible: () => env.visible,
    onOnline: (run) => (listeners.online.add(run), () => listeners.online.delete(run)),
    onVisible: (run) => (listeners.visible.add(run), () => listeners.visible.delete(run)),
  };
  return { env, environment, listeners };
}

/** A store that answers only when let go: a run under way waits on it. */
function gatedStore(inner: ObjectStore) {
  let open: () => void = () => undefined;
  let gate = Promise.resolve();
  const wait = <T>(step: () => Promise<T>) => gate.then(step);
  return {
    store: {
      putNew: (key, body, options) => wait(() => inner.putNew(key, body, options)),
      put: (key, body, options) => wait(() => inner.put(key, body, options)),
      get: (key) => wait(() => inner.get(key)),
      getBlob: (key) => wait(() => inner.getBlob(key)),
      list: (prefix, after) => wait(() => inner.list(prefix, after)),
    } satisfies ObjectStore,
    close: () => (gate = new Promise((resolve) => (open = resolve))),
    open: () => open(),
  };
}

describe('the sync service', () => {
  let store: MemoryStore;
  let gated: ReturnType<typeof gatedStore>;
  let time: ReturnType<typeof handTimers>;
  let world: ReturnType<typeof fakeEnvironment>;
  let saved: SyncSettings | null;
  let service: SyncService;
  let portfolioId: string;
  const bundles = () => store.keys(`${PREFIX}/portfolios/${portfolioId}/bundles/`);

  beforeEach(async () => {
    await newDevice('phone');
    portfolioId = (await portfolio(await person('Cara', 'candidate'), await person('Sam', 'assessor'))).id;
    store = new MemoryStore();
    gated = gatedStore(store);
    time = handTimers();
    world = fakeEnvironment();
    saved = SETTINGS;
    service = createSyncService({
      loadSettings: async () => saved,
      saveSettings: async (settings) => (saved = settings),
      clearSettings: async () => void (saved = null),
      openEngine: async (settings) =>
        createSyncEngine({
          store: gated.store,
          prefix: settings.prefix,
          timers: time.timers,
          environment: world.environment,
          random: () => 0.5,
        }),
    });
  });

  it('does nothing on app start when this device is not connected', async () => {
    saved = null;
    await service.start();
    expect(service.state().connection).toBe('not-connected');
    expect(service.engine()).toBeNull();
    expect(time.delays()).toEqual([]);
    expect(store.counts.requests).toBe(0);
  });

  it('runs on app start, then after each committed save (debounced), on online and on becoming visible', async () => {
    await service.start();
    expect(service.state().connection).toBe('connected');
    expect(time.delays()).toEqual([0]); // app start: at once
    time.fire(0);
    await vi.waitFor(() => expect(service.state().snapshot?.phase).toBe('idle'));
    expect(bundles()).toHaveLength(1);
    expect(service.state().snapshot?.lastSuccessAt).not.toBeNull();

    await saveEvidence({ evidence: { portfolioId, type: 'P', title: 'Observed at the till', date: '2026-03-02' } });
    await vi.waitFor(() => expect(time.delays()).toContain(2000)); // the debounce after a save
    time.fire(2000);
    await vi.waitFor(() => expect(bundles()).toHaveLength(2));
    await vi.waitFor(() => expect(service.state().snapshot?.phase).toBe('idle'));

    const before = store.counts.requests;
    world.listeners.online.forEach((run) => run());
    time.fire(0);
    await vi.waitFor(() => expect(store.counts.requests).toBeGreaterThan(before));
    await vi.waitFor(() => expect(service.state().snapshot?.phase).toBe('idle'));

    const beforeVisible = store.counts.requests;
    world.listeners.visible.forEach((run) => run());
    time.fire(0);
    await vi.waitFor(() => expect(store.counts.requests).toBeGreaterThan(beforeVisible));
  });

  it('never makes a save wait: a save while the store hangs mid-run completes, and goes in the next run', async () => {
    await service.start();
    gated.close();
    time.fire(0); // the start run, now stuck on the store
    await vi.waitFor(() => expect(service.state().snapshot?.phase).toBe('syncing'));
    const evidence = await saveEvidence({
      evidence: { portfolioId, type: 'P', title: 'Saved during a stuck sync', date: '2026-03-03' },
    });
    expect(evidence.id).toBeTruthy();
    gated.open();
    await vi.waitFor(() => expect(service.state().snapshot?.phase).toBe('idle'));
    // The save during the run went with it or schedules one more run: either way it reaches the store.
    time.fire(2000);
    await vi.waitFor(async () => {
      const states = await service.engine()!.portfolioStates();
      expect(states.find((s) => s.portfolioId === portfolioId)?.words).toBe('Up to date');
    });
    expect(bundles().length).toBeGreaterThan(0);
  });

  it('offline, a save waits on the device; the online event sends it', async () => {
    await service.start();
    time.fire(0);
    await vi.waitFor(() => expect(bundles()).toHaveLength(1));
    await vi.waitFor(() => expect(service.state().snapshot?.phase).toBe('idle'));
    world.env.online = false;
    await saveEvidence({ evidence: { portfolioId, type: 'P', title: 'Recorded offline', date: '2026-03-04' } });
    await vi.waitFor(() => expect(time.delays()).toContain(2000));
    const before = store.counts.requests;
    time.fire(2000);
    await vi.waitFor(() => expect(service.state().snapshot?.phase).toBe('offline'));
    expect(store.counts.requests).toBe(before);
    world.env.online = true;
    world.listeners.online.forEach((run) => run());
    time.fire(0);
    await vi.waitFor(() => expect(bundles()).toHaveLength(2));
  });

  it('disconnecting stops every trigger and forgets the settings', async () => {
    await service.start();
    time.fire(0);
    await vi.waitFor(() => expect(service.state().snapshot?.phase).toBe('idle'));
    await service.disconnect();
    expect(saved).toBeNull();
    expect(service.state()).toMatchObject({ connection: 'not-connected', snapshot: null });
    expect(world.listeners.online.size).toBe(0);
    expect(world.listeners.visible.size).toBe(0);
    time.fire(Number.MAX_SAFE_INTEGER); // whatever was scheduled before is cancelled or finds no engine
    const before = store.counts.requests;
    await saveEvidence({ evidence: { portfolioId, type: 'P', title: 'After disconnecting', date: '2026-03-05' } });
    await new Promise((resolve) => setTimeout(resolve, 50));
    expect(time.delays()).toEqual([]);
    expect(store.counts.requests).toBe(before);
    await expect(service.syncNow()).rejects.toThrow(/not connected/);
  });

  it('connecting saves the settings and starts the engine with them', async () => {
    saved = null;
    await service.start();
    await service.connect({ ...SETTINGS, bucket: 'another-bucket' });
    expect(saved).toMatchObject({ bucket: 'another-bucket' });
    expect(service.state()).toMatchObject({ connection: 'connected', settings: { bucket: 'another-bucket' } });
    expect(time.delays()).toEqual([0]);
  });
});
