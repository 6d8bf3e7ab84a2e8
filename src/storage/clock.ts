// The one clock and id source of the app. Storage, bundles and screens ask it for "now" and for new ids, so tests
// replace both with `setClock` instead of sleeping on real time.

export interface Clock {
  /** The current instant as an ISO 8601 date-time. */
  now(): string;
  /** A new record id (a UUID in the app). */
  newId(): string;
}

export const systemClock: Clock = {
  now: () => new Date().toISOString(),
  newId: () => crypto.randomUUID(),
};

let current: Clock = systemClock;

/** Tests: use another clock (see tests/unit/clock.ts); `setClock(systemClock)` puts the real one back. */
export function setClock(clock: Clock): void {
  current = clock;
}

export const nowIso = (): string => current.now();
export const newId = (): string => current.newId();
/** Today's calendar date (YYYY-MM-DD), from the same clock. */
export const todayIso = (): string => current.now().slice(0, 10);

/** The clock in use: the demo replays its history on a clock of its own (demo.ts), then puts this one back. */
export const currentClock = (): Clock => current;
