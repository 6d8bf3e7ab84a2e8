// Work the first screen does not need waits until that screen is up: on a slow phone everything started at once
// competes with the home screen's own read for the one main thread (docs/performance.md). The home screen says when
// its caseload is shown; any other first screen (opened by its address) is taken as up at the first idle moment.
import { useSyncExternalStore } from 'react';

/** Longest wait before deferred work starts anyway (a first screen that never says it is up). */
const LONGEST_WAIT_MS = 4000;

let shown = false;
const waiting = new Set<() => void>();

/** The first screen is up: start what waited for it (once; later calls do nothing). */
export function firstScreenShown(): void {
  if (shown) return;
  shown = true;
  for (const run of [...waiting]) run();
  waiting.clear();
}

/** Runs `run` once the first screen is up (at once if it already is). */
export function afterFirstScreen(run: () => void): void {
  if (shown) run();
  else waiting.add(run);
}

const subscribe = (onChange: () => void) => {
  waiting.add(onChange);
  return () => waiting.delete(onChange);
};

/** Whether the first screen is up: for parts of the frame that render only after it (the storage meter, QA panels). */
export function useFirstScreenShown(): boolean {
  return useSyncExternalStore(subscribe, () => shown);
}

/**
 * Called once at start: the home screen calls firstScreenShown itself once its caseload is shown; another screen
 * opened first has no such moment, so the first idle moment stands for it.
 */
export function watchFirstScreen(isHome: boolean): void {
  setTimeout(firstScreenShown, LONGEST_WAIT_MS);
  if (isHome) return;
  if (typeof requestIdleCallback === 'function') requestIdleCallback(firstScreenShown, { timeout: 1000 });
  else setTimeout(firstScreenShown, 0); // Safari has no requestIdleCallback
}
