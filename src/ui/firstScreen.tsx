// Work the first screen does not need waits until that screen is up: on a slow phone everything started at once
// competes with the home screen's own read for the one main thread (docs/performance.md). The home screen, and the
// screens opened most often by their address (portfolio, recording form), say when their content is on screen; any
// other first screen is taken as up at the first idle moment after its code has loaded.
import { lazy, Suspense, useEffect, useSyncExternalStore, type ComponentType } from 'react';
import { markAfterPaint } from './pages/home/marks';

/** Longest wait before deferred work starts anyway (a first screen that never says it is up). */
const LONGEST_WAIT_MS = 4000;

/**
 * Nothing waits until the app's start (main.tsx) calls watchFirstScreen: a component rendered on its own, as in a
 * unit test, has its whole frame at once.
 */
let watching = false;
let shown = false;
/** A screen rendered first has said it will tell when its content is shown (useFirstScreenContent). */
let claimed = false;
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

/** Called once at start: nothing deferred starts before the first screen is up, or LONGEST_WAIT_MS has passed. */
export function watchFirstScreen(): void {
  watching = true;
  setTimeout(firstScreenShown, LONGEST_WAIT_MS);
}

/**
 * A screen's code has loaded (main.tsx, before it renders): unless the screen says when its content is shown, the
 * next idle moment stands for it. Not earlier: while its code loads the thread is idle, and the deferred work then
 * took the thread (and the database) from the screen's own read.
 */
export function screenCodeLoaded(): void {
  if (shown || !watching) return;
  const fallback = () => {
    if (!claimed) firstScreenShown();
  };
  if (typeof requestIdleCallback === 'function') requestIdleCallback(fallback, { timeout: 1000 });
  else setTimeout(fallback, 0); // Safari has no requestIdleCallback
}

/**
 * For a screen often opened first (by its address): the deferred work waits until `contentShown` is true and that
 * frame is painted. Called in render, so it claims the first screen before any idle moment after its code loaded.
 */
export function useFirstScreenContent(contentShown: boolean): void {
  claimFirstScreen();
  useEffect(() => {
    if (contentShown && !shown) markAfterPaint(SCREEN_PAINTED, firstScreenShown);
  }, [contentShown]);
}

function claimFirstScreen(): void {
  if (watching && !shown) claimed = true;
}

/** The performance mark set when a screen that said so (useFirstScreenContent) has its content painted. */
export const SCREEN_PAINTED = 'fieldfolio:screen-painted';

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
