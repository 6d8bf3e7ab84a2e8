// The app's one sync service: when this device is connected to the centre's store it runs the sync engine, whose
// scheduler pushes after each committed change (debounced), on app start, on `online`, on becoming visible and
// every minute while visible (docs/sync.md, "Scheduling"). It never blocks recording: saves only append to the
// change sequence, and the engine reads it later in its own short transactions. Screens read its state with
// useSyncService (hooks.ts); connecting and disconnecting go through it so the engine starts and stops with them.
import type { SyncSettings } from '../../domain';
import { clearSyncSettings, loadSyncSettings, nowIso, saveSyncSettings, setOwnDeviceLabel } from '../../storage';
import {
  createSyncEngine,
  describeClockOffset,
  engineEnvelope,
  S3Store,
  type SyncEngine,
  type SyncSnapshot,
} from '../../sync';
import { currentDeviceLabel } from './deviceLabel';

export interface SyncServiceState {
  /** 'loading' until the settings are read at start. */
  connection: 'loading' | 'not-connected' | 'connected';
  settings: SyncSettings | null;
  /** The engine's state (null when not connected). */
  snapshot: SyncSnapshot | null;
  /** Said once the store found this device's clock off and sync corrected for it. */
  clockNote: string | null;
}

export interface SyncServiceDeps {
  loadSettings(): Promise<SyncSettings | null>;
  saveSettings(settings: SyncSettings): Promise<SyncSettings>;
  clearSettings(): Promise<void>;
  /** The engine for these settings; `onClockCorrected` is told how far the device clock is off (ms). */
  openEngine(settings: SyncSettings, onClockCorrected: (offsetMs: number) => void, label?: string): Promise<SyncEngine>;
  /** The label this device publishes to the others (default: none, the engine's own). */
  loadLabel?(): Promise<string>;
  saveLabel?(label: string): Promise<void>;
}

export interface SyncService {
  /** Reads the settings and, when connected, starts the engine (app start). Safe to call again. */
  start(): Promise<void>;
  /** Starts once, if nothing has yet (a sync screen opened on a device that was not connected at app start). */
  ensureStarted(): Promise<void>;
  /** Saves new settings and restarts sync with them. */
  connect(settings: SyncSettings): Promise<void>;
  /** Stops sync and forgets the bucket and its key. */
  disconnect(): Promise<void>;
  /** Saves the label other devices see this device by, and restarts sync so that it is published. */
  setLabel(label: string): Promise<void>;
  /** Runs now (rejects with the problem, which is in the state in words too). */
  syncNow(): Promise<void>;
  /** The running engine, for per-portfolio states and the log; null when not connected. */
  engine(): SyncEngine | null;
  subscribe(listener: () => void): () => void;
  state(): SyncServiceState;
}

/** The engine over the S3 store, its clock corrected by what the store says its time is. */
async function openS3Engine(settings: SyncSettings, onClockCorrected: (offsetMs: number) => void, label?: string) {
  const store = new S3Store(settings);
  store.onClockCorrected = onClockCorrected;
  return createSyncEngine({
    store,
    prefix: settings.prefix,
    label,
    envelope: settings.key ? await engineEnvelope(settings.key) : null,
    now: () => new Date(Date.parse(nowIso()) + store.clockOffsetMs).toISOString(),
  });
}

export const browserSyncDeps: SyncServiceDeps = {
  loadSettings: loadSyncSettings,
  saveSettings: saveSyncSettings,
  clearSettings: clearSyncSettings,
  openEngine: openS3Engine,
  loadLabel: currentDeviceLabel,
  saveLabel: setOwnDeviceLabel,
};

export function createSyncService(deps: SyncServiceDeps): SyncService {
  const listeners = new Set<() => void>();
  let state: SyncServiceState = { connection: 'loading', settings: null, snapshot: null, clockNote: null };
  let engine: SyncEngine | null = null;
  let unsubscribe: (() => void) | null = null;
  // Starts, connects and disconnects run one after another, so two engines never run at once.
  let queue: Promise<void> = Promise.resolve();
  const serially = (step: () => Promise<void>) => (queue = queue.then(step, step));

  const set = (change: Partial<SyncServiceState>) => {
    state = { ...state, ...change };
    listeners.forEach((listener) => listener());
  };
  const stopEngine = () => {
    unsubscribe?.();
    engine?.stop();
    unsubscribe = null;
    engine = null;
  };
  const startEngine = async () => {
    stopEngine();
    const settings = await deps.loadSettings();
    if (!settings) return set({ connection: 'not-connected', settings: null, snapshot: null, clockNote: null });
    const onClock = (offsetMs: number) => set({ clockNote: describeClockOffset(offsetMs) });
    const started = await deps.openEngine(settings, onClock, await deps.loadLabel?.());
    engine = started;
    set({ connection: 'connected', settings, clockNote: null });
    unsubscribe = started.subscribe((snapshot) => set({ snapshot }));
    started.start();
  };

  let started: Promise<void> | null = null;
  const start = () => (started = serially(startEngine));

  return {
    start,
    ensureStarted: () => started ?? start(),
    connect: (settings) =>
      serially(async () => {
        await deps.saveSettings(settings);
        await startEngine();
      }),
    disconnect: () =>
      serially(async () => {
        stopEngine();
        await deps.clearSettings();
        set({ connection: 'not-connected', settings: null, snapshot: null, clockNote: null });
      }),
    setLabel: (label) =>
      serially(async () => {
        await deps.saveLabel?.(label);
        if (state.connection === 'connected') await startEngine();
      }),
    async syncNow() {
      await queue;
      if (!engine) throw new Error('This device is not connected to a centre’s store.');
      await engine.syncNow();
    },
    engine: () => engine,
    subscribe(listener) {
      listeners.add(listener);
      return () => listeners.delete(listener);
    },
    state: () => state,
  };
}

/** The app's sync service (main.tsx starts it). */
export const syncService = createSyncService(browserSyncDeps);
