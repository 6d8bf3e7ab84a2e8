// The scheduler on fake time: a burst of changes goes as one run after the debounce; failures back off
// exponentially with jitter; coming online runs at once; a periodic pull runs only while visible.
import { describe, expect, it } from 'vitest';
import { backoffDelay, DEFAULT_RULES, type SyncEnvironment, type Timers } from '../../../src/sync';
import { SyncScheduler, type RunReason } from '../../../src/sync/scheduler';

class FakeTime implements Timers {
  now = 0;
  private queue: Array<{ at: number; run: () => void; id: number }> = [];
  private nextId = 1;
  setTimeout(run: () => void, ms: number): unknown {
    const id = this.nextId++;
    this.queue.push({ at: this.now + ms, run, id });
    return id;
  }
  clearTimeout(handle: unknown): void {
    this.queue = this.queue.filter((t) => t.id !== handle);
  }
  /** Moves time on, running each timer due (and letting the runs they start settle). */
  async advance(ms: number): Promise<void> {
    const end = this.now + ms;
    for (;;) {
      this.queue.sort((a, b) => a.at - b.at);
      const next = this.queue[0];
      if (!next || next.at > end) break;
      this.queue.shift();
      this.now = next.at;
      next.run();
      for (let i = 0; i < 20; i++) await Promise.resolve();
    }
    this.now = end;
  }
}

function world(outcomes: Array<'ok' | 'fail'> = []) {
  const time = new FakeTime();
  const runs: Array<{ at: number; reason: RunReason }> = [];
  const online: Array<() => void> = [];
  const env = { online: true, visible: true };
  const environment: SyncEnvironment = {
    isOnline: () => env.online,
    isVisible: () => env.visible,
    onOnline: (run) => (online.push(run), () => undefined),
    onVisible: () => () => undefined,
  };
  const scheduler = new SyncScheduler({
    timers: time,
    environment,
    random: () => 0.5,
    clock: () => time.now,
    rules: DEFAULT_RULES,
    run: async (reason) => {
      runs.push({ at: time.now, reason });
      if ((outcomes.shift() ?? 'ok') === 'fail') throw new Error('503');
    },
    onSchedule: () => undefined,
  });
  return { time, runs, env, scheduler, goOnline: () => online.forEach((r) => r()) };
}

describe('sync scheduler', () => {
  it('runs on start, then a burst of changes once, two seconds after the last', async () => {
    const { time, runs, scheduler } = world();
    scheduler.start();
    await time.advance(0);
    expect(runs).toEqual([{ at: 0, reason: 'start' }]);
    for (let i = 0; i < 5; i++) {
      scheduler.changed();
      await time.advance(500);
    }
    await time.advance(2000);
    expect(runs.slice(1)).toEqual([{ at: 4000, reason: 'change' }]);
  });

  it('backs off exponentially with jitter, and runs at once when the device comes online', async () => {
    const { time, runs, scheduler, goOnline } = world(['fail', 'fail', 'fail', 'fail']);
    scheduler.start();
    await time.advance(0);
    await time.advance(60_000);
    // With jitter at its middle: 1.5 s, 3 s, 6 s after each failure (base 2 s, doubling, equal jitter).
    expect(runs.map((r) => r.at)).toEqual([0, 1500, 4500, 10_500, 22_500]);
    goOnline();
    await time.advance(0);
    expect(runs.at(-1)).toEqual({ at: 60_000, reason: 'online' });
  });

  it('jitter spreads retries between half and all of the ceiling, which is capped', () => {
    expect(backoffDelay(1, DEFAULT_RULES, () => 0)).toBe(1000);
    expect(backoffDelay(1, DEFAULT_RULES, () => 1)).toBe(2000);
    expect(backoffDelay(30, DEFAULT_RULES, () => 1)).toBe(DEFAULT_RULES.backoffMaxMs);
  });

  it('pulls periodically while visible, not while hidden, and never runs offline', async () => {
    const { time, runs, env, scheduler } = world();
    scheduler.start();
    await time.advance(0);
    await time.advance(DEFAULT_RULES.pullEveryMs);
    expect(runs.map((r) => r.reason)).toEqual(['start', 'periodic']);
    env.visible = false;
    await time.advance(5 * DEFAULT_RULES.pullEveryMs);
    expect(runs).toHaveLength(2);
    env.online = false;
    scheduler.changed();
    await time.advance(10_000);
    expect(runs).toHaveLength(2);
  });
});
