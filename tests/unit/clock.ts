// Fake time for tests: every `now()` moves the clock on by `stepMs`, so consecutive writes get distinct, ordered
// timestamps without sleeping; `advance` jumps ahead (e.g. "a day later"). Install with installTestClock() in a test
// file; it restores the system clock after each test.
import { afterEach, beforeEach } from 'vitest';
import { setClock, systemClock, type Clock } from '../../src/storage/clock';

export interface TestClock extends Clock {
  advance(ms: number): void;
  /** The time the next now() returns, without moving the clock. */
  peek(): string;
}

/** Ids count up across the whole test run, so two clocks never hand out the same id. */
let ids = 0;

export function testClock(start = '2026-06-01T09:00:00.000Z', stepMs = 1000): TestClock {
  let t = Date.parse(start);
  return {
    now() {
      const at = new Date(t).toISOString();
      t += stepMs;
      return at;
    },
    newId: () => `00000000-0000-4000-8000-${String(++ids).padStart(12, '0')}`,
    advance(ms) {
      t += ms;
    },
    peek: () => new Date(t).toISOString(),
  };
}

/** A fresh test clock before each test of the file, the system clock back after it. */
export function installTestClock(start?: string, stepMs?: number): { current: TestClock } {
  const holder = { current: testClock(start, stepMs) };
  beforeEach(() => {
    holder.current = testClock(start, stepMs);
    setClock(holder.current);
  });
  afterEach(() => setClock(systemClock));
  return holder;
}
