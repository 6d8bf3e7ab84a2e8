// The sync engine (docs/sync.md): push every portfolio with changes, then discover and pull what is new, on the
// scheduler's triggers. The UI builds one with createSyncEngine, subscribes to its state, and calls syncNow().
import {
  appendSyncLog,
  centreSync,
  deviceId,
  listPortfolioSync,
  nowIso,
  onChangesCommitted,
  pendingUploads,
  portfoliosToPush,
  syncLog,
  updateCentreSync,
  updatePortfolioSync,
  type SyncLogRow,
} from '../storage';
import type { SyncContext } from './context';
import { inWords } from './failures';
import { learnDeviceLabels } from './deviceLabels';
import { discover } from './feed';
import { writeDeviceObject } from './index-objects';
import { normalisePrefix } from './layout';
import { StoreError, type ObjectStore } from './objectStore';
import { pullFolders, type PullSummary } from './pull';
import { pushPortfolio, type PushOutcome } from './push';
import { DEFAULT_RULES, type SyncRules } from './rules';
import { SyncScheduler, type RunReason } from './scheduler';
import { portfolioViews, type PortfolioSyncView } from './status';
import { browserEnvironment, realTimers, type Envelope, type SyncEnvironment, type Timers } from './transport';

export interface SyncEngineOptions {
  store: ObjectStore;
  /** The sync link's `prefix` (the centre's folder in the bucket). */
  prefix?: string;
  /** When the sync link carries `&key=`: every object is sealed before upload and opened after download. */
  envelope?: Envelope | null;
  /** What other devices see this device as (its descriptor object). */
  label?: string;
  /** ISO time for feed keys: pass the store-corrected clock (default: storage's clock). */
  now?: () => string;
  timers?: Timers;
  random?: () => number;
  environment?: SyncEnvironment;
  rules?: Partial<SyncRules>;
  /** How the engine hears of committed changes (default: storage's onChangesCommitted). */
  watchChanges?: (run: () => void) => () => void;
}

export interface SyncSnapshot {
  phase: 'stopped' | 'idle' | 'syncing' | 'offline' | 'failed';
  /** The last run's problem in words (null after a good run). */
  lastError: string | null;
  lastSuccessAt: string | null;
  /** When the next run is due (ms since the epoch), if one is scheduled. */
  nextAttemptAt: number | null;
  /** Failed runs in a row (the backoff grows with it). */
  failures: number;
  /** Portfolios being sent: percent done. */
  sending: Record<string, number>;
}

export interface SyncRunResult {
  pushed: PushOutcome[];
  pulled: PullSummary;
}

export interface SyncEngine {
  /** Starts the triggers (and runs once: app start). */
  start(): void;
  stop(): void;
  /** A change was committed (the default watcher calls this; call it yourself with a custom one). */
  changed(): void;
  /** Runs now, whatever the backoff; rejects with the problem (its words are in the snapshot too). */
  syncNow(): Promise<void>;
  /** One push-and-pull run without the scheduler (tests, the bench). */
  runOnce(): Promise<SyncRunResult>;
  subscribe(listener: (snapshot: SyncSnapshot) => void): () => void;
  snapshot(): SyncSnapshot;
  /** Each portfolio's state in words (durable parts from storage, progress from this engine). */
  portfolioStates(): Promise<PortfolioSyncView[]>;
  log(limit?: number): Promise<SyncLogRow[]>;
}

export function createSyncEngine(options: SyncEngineOptions): SyncEngine {
  const rules = { ...DEFAULT_RULES, ...options.rules };
  const now = options.now ?? nowIso;
  const environment = options.environment ?? browserEnvironment;
  const listeners = new Set<(s: SyncSnapshot) => void>();
  const sending = new Map<string, number>();
  let state: SyncSnapshot = {
    phase: 'stopped',
    lastError: null,
    lastSuccessAt: null,
    nextAttemptAt: null,
    failures: 0,
    sending: {},
  };
  const update = (change: Partial<SyncSnapshot>) => {
    state = { ...state, ...change, sending: Object.fromEntries(sending) };
    listeners.forEach((l) => l(state));
  };
  const context = async (): Promise<SyncContext> => ({
    store: options.store,
    prefix: normalisePrefix(options.prefix ?? ''),
    envelope: options.envelope ?? null,
    deviceId: await deviceId(),
    now,
    rules,
    onProgress(portfolioId, sent, total) {
      const percent = total > 0 ? Math.floor((sent / total) * 100) : 100;
      if (sending.get(portfolioId) === percent) return;
      sending.set(portfolioId, percent);
      update({});
    },
  });

  async function runOnce(): Promise<SyncRunResult> {
    const ctx = await context();
    await announce(ctx, options.label ?? `device ${ctx.deviceId.slice(0, 8)}`);
    const pushed = await pushAll(ctx, () => update({}), sending);
    const pulled = await pullFolders(ctx, await discover(ctx));
    await learnDeviceLabels(ctx, pulled.devicesHeard);
    return { pushed, pulled };
  }

  const scheduler = scheduled(options, rules, now, environment, runOnce, update);
  let unwatch: (() => void) | null = null;

  return {
    start() {
      unwatch = (options.watchChanges ?? onChangesCommitted)(() => scheduler.changed());
      update({ phase: 'idle' });
      scheduler.start();
    },
    stop() {
      unwatch?.();
      scheduler.stop();
      update({ phase: 'stopped', nextAttemptAt: null });
    },
    changed: () => scheduler.changed(),
    syncNow: () => scheduler.syncNow(),
    runOnce,
    subscribe(listener) {
      listeners.add(listener);
      listener(state);
      return () => listeners.delete(listener);
    },
    snapshot: () => state,
    portfolioStates: () => portfolioViews(sending),
    log: (limit) => syncLog(limit),
  };
}

/** This device's descriptor object goes up once, and again when its label changes. */
async function announce(ctx: SyncContext, label: string): Promise<void> {
  if ((await centreSync()).announcedLabel === label) return;
  await writeDeviceObject(ctx, label);
  await updateCentreSync({ announcedLabel: label });
}

/**
 * Pushes every portfolio with changes or an upload pending. A store failure stops the run (retried with backoff);
 * any other problem is the portfolio's own: noted on it in words, the others go on, and the run fails at the end.
 */
async function pushAll(ctx: SyncContext, notify: () => void, sending: Map<string, number>): Promise<PushOutcome[]> {
  const rows = new Map((await listPortfolioSync()).map((r) => [r.portfolioId, r.lastPushedSeq]));
  const due = new Set([
    ...(await pendingUploads()).map((p) => p.portfolioId),
    ...(await portfoliosToPush((id) => rows.get(id) ?? 0)),
  ]);
  const pushed: PushOutcome[] = [];
  let problem: unknown = null;
  for (const portfolioId of due) {
    try {
      // The pending bundle first, then whatever changed meanwhile.
      for (
        let outcome = await pushPortfolio(ctx, portfolioId);
        outcome;
        outcome = await pushPortfolio(ctx, portfolioId)
      ) {
        pushed.push(outcome);
      }
    } catch (e) {
      const reason = inWords(e);
      await updatePortfolioSync(portfolioId, () => ({ lastError: reason, lastErrorAt: ctx.now() }));
      await appendSyncLog({ level: 'error', portfolioId, key: null, message: `Could not send: ${reason}` });
      if (e instanceof StoreError) throw e;
      problem ??= e;
    } finally {
      sending.delete(portfolioId);
      notify();
    }
  }
  if (problem) throw problem;
  return pushed;
}

/** The scheduler around runOnce: each run's outcome goes to the snapshot and, when it failed, to the sync log. */
function scheduled(
  options: SyncEngineOptions,
  rules: SyncRules,
  now: () => string,
  environment: SyncEnvironment,
  runOnce: () => Promise<SyncRunResult>,
  update: (change: Partial<SyncSnapshot>) => void,
): SyncScheduler {
  return new SyncScheduler({
    timers: options.timers ?? realTimers,
    environment,
    random: options.random ?? Math.random,
    clock: () => Date.parse(now()),
    rules,
    async run(reason: RunReason) {
      update({ phase: 'syncing' });
      try {
        await runOnce();
        update({ phase: 'idle', lastError: null, lastSuccessAt: now() });
      } catch (e) {
        const words = inWords(e);
        update({ phase: e instanceof StoreError && e.failure === 'offline' ? 'offline' : 'failed', lastError: words });
        await appendSyncLog({
          level: 'error',
          portfolioId: null,
          key: null,
          message: `Sync (${reason}) failed: ${words}`,
        });
        throw e;
      }
    },
    onSchedule(nextAttemptAt, failures, offline) {
      update({ nextAttemptAt, failures, ...(offline ? { phase: 'offline' as const } : {}) });
    },
  });
}
