// When sync runs: a committed change (debounced), the `online` event, app start, becoming visible, a periodic pull
// while visible, "Sync now". A failed run is retried with exponential backoff and jitter. One run at a time; a
// trigger during a run runs once more after it. Timers and the environment are injected: tests use fake time.
import { backoffDelay, type SyncRules } from './rules';
import type { SyncEnvironment, Timers } from './transport';

export type RunReason = 'start' | 'change' | 'online' | 'visible' | 'periodic' | 'retry' | 'now';

export interface SchedulerDeps {
  timers: Timers;
  environment: SyncEnvironment;
  random(): number;
  /** Milliseconds, for "next attempt at". */
  clock(): number;
  rules: SyncRules;
  /** One sync run; throws when it failed (then it is retried after a backoff). */
  run(reason: RunReason): Promise<void>;
  /** Told whenever the schedule changes (for the state a person sees). */
  onSchedule(nextAttemptAt: number | null, failures: number, offline: boolean): void;
}

export class SyncScheduler {
  private timer: unknown = null;
  private dueAt: number | null = null;
  private dueReason: RunReason | null = null;
  /** When the first change of a burst still waiting was committed: a burst waits at most 10 debounce periods. */
  private burstStart: number | null = null;
  private running: Promise<void> | null = null;
  private again: RunReason | null = null;
  private failures = 0;
  private stopListening: Array<() => void> = [];
  private started = false;

  constructor(private readonly deps: SchedulerDeps) {}

  start(): void {
    if (this.started) return;
    this.started = true;
    const { environment } = this.deps;
    this.stopListening = [
      environment.onOnline(() => {
        this.failures = 0;
        this.schedule(0, 'online');
      }),
      environment.onVisible(() => this.schedule(0, 'visible')),
    ];
    this.schedule(0, 'start');
  }

  stop(): void {
    this.started = false;
    this.stopListening.forEach((stop) => stop());
    this.stopListening = [];
    this.clear();
  }

  /** A change was committed: push it after the debounce (a retry already waiting is not brought forward). */
  changed(): void {
    if (this.failures > 0 && this.dueAt !== null) return;
    this.schedule(this.deps.rules.debounceMs, 'change', true);
  }

  /** Runs now (after a run under way), whatever the backoff; resolves when done, rejects with its failure. */
  async syncNow(): Promise<void> {
    this.clear();
    if (this.running) await this.running.catch(() => undefined);
    await this.execute('now', true);
  }

  private clear(): void {
    if (this.timer !== null) this.deps.timers.clearTimeout(this.timer);
    this.timer = null;
    this.dueAt = null;
    this.dueReason = null;
  }

  /** Runs after `delay` unless a run is due sooner; `debounce` moves a pending change-run later instead. */
  private schedule(delay: number, reason: RunReason, debounce = false): void {
    if (!this.started) return;
    const now = this.deps.clock();
    const at = now + delay;
    if (debounce && this.burstStart !== null && now - this.burstStart >= 10 * this.deps.rules.debounceMs) return;
    const postpone = debounce && this.dueReason === 'change';
    if (this.dueAt !== null && this.dueAt <= at && !postpone) return;
    if (debounce) this.burstStart ??= now;
    this.clear();
    this.dueAt = at;
    this.dueReason = reason;
    this.timer = this.deps.timers.setTimeout(() => {
      this.timer = null;
      this.dueAt = null;
      this.dueReason = null;
      this.burstStart = null;
      void this.execute(reason, false).catch(() => undefined);
    }, delay);
    this.report();
  }

  private report(): void {
    const offline = !this.deps.environment.isOnline();
    this.deps.onSchedule(this.dueAt, this.failures, offline);
  }

  private async execute(reason: RunReason, rethrow: boolean): Promise<void> {
    if (this.running) {
      this.again = reason;
      return;
    }
    const { environment, rules } = this.deps;
    // Hidden and nothing to push: the periodic pull waits until the app is visible again.
    if (reason === 'periodic' && !environment.isVisible()) return;
    if (!environment.isOnline() && reason !== 'now') return this.report();
    this.running = this.deps.run(reason);
    try {
      await this.running;
      this.failures = 0;
      this.running = null;
      this.afterRun();
    } catch (e) {
      this.running = null;
      this.failures++;
      this.schedule(backoffDelay(this.failures, rules, this.deps.random), 'retry');
      if (rethrow) throw e;
    }
  }

  private afterRun(): void {
    if (this.again) {
      const reason = this.again;
      this.again = null;
      this.schedule(reason === 'change' ? this.deps.rules.debounceMs : 0, reason);
    } else if (this.deps.environment.isVisible()) this.schedule(this.deps.rules.pullEveryMs, 'periodic');
    else this.report();
  }
}
