// Work the first screen does not need waits until that screen is up: on a slow phone everything started at once
// competes with the home screen's own read for the one main thread (docs/performance.md). The home screen says when
// its caseload is shown; any other first screen (opened by its address) is taken as up at the first idle moment.
import { lazy, Suspense, useSyncExternalStore, type ComponentType } from 'react';

/** Longest wait before deferred work starts anyway (a first screen that never says it is up). */
const LONGEST_WAIT_MS = 4000;

/**
 * Nothing waits until the app's start (main.tsx) calls watchFirstScreen: a component rendered on its own, as in a
 * unit test, has its whole frame at once.
 */
let watching = false;
let shown = false;
const waiting = new Set<() => void>();
const isShown = () => shown || !watching;

/** The first screen is up: start what waited for it (once; later calls do nothing). */
export function firstScreenShown(): void {
  if (shown) return;
  shown = true;
  for (const run of [...waiting]) run();
  waiting.clear();
}

/** Runs `run` once the first screen is up (at once if it already is). */
export function afterFirstScreen(run: () => void): void {
  if (isShown()) run();
  else waiting.add(run);
}

const subscribe = (onChange: () => void) => {
  waiting.add(onChange);
  return () => waiting.delete(onChange);
};

/** Whether the first screen is up: for parts of the frame that render only after it (the storage meter, QA panels). */
export function useFirstScreenShown(): boolean {
  return useSyncExternalStore(subscribe, isShown);
}

/**
 * Called once at start: the home screen calls firstScreenShown itself once its caseload is shown; another screen
 * opened first has no such moment, so the first idle moment stands for it.
 */
export function watchFirstScreen(isHome: boolean): void {
  watching = true;
  setTimeout(firstScreenShown, LONGEST_WAIT_MS);
  if (isHome) return;
  if (typeof requestIdleCallback === 'function') requestIdleCallback(firstScreenShown, { timeout: 1000 });
  else setTimeout(firstScreenShown, 0); // Safari has no requestIdleCallback
}

/**
 * A part of the frame shown once the first screen is up, from a chunk of its own (precached like every chunk): the
 * first visit neither downloads nor runs it before the first screen.
 */
export function afterFirstScreenPart<P extends object>(load: () => Promise<{ default: ComponentType<P> }>) {
  const Part = lazy(load);
  return function AfterFirstScreen(props: P) {
    if (!useFirstScreenShown()) return null;
    return (
      <Suspense fallback={null}>
        <Part {...props} />
      </Suspense>
    );
  };
}
