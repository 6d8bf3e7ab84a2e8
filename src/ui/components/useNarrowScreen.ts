// Whether the screen is phone-narrow: there a wide table cannot show its columns side by side, so lists of units
// and people are drawn as one card per row instead (the table stays on wider screens).
import { useSyncExternalStore } from 'react';

/** Below this width (≈ 600 px) a card per row replaces a wide table. */
export const NARROW_QUERY = '(max-width: 37.5rem)';

function query(): MediaQueryList | null {
  return typeof window !== 'undefined' && typeof window.matchMedia === 'function'
    ? window.matchMedia(NARROW_QUERY)
    : null;
}

function subscribe(onChange: () => void): () => void {
  const list = query();
  list?.addEventListener('change', onChange);
  return () => list?.removeEventListener('change', onChange);
}

/** True on a phone-width screen; follows rotation and resizing. Without matchMedia (old webviews): wide. */
export function useNarrowScreen(): boolean {
  return useSyncExternalStore(
    subscribe,
    () => query()?.matches ?? false,
    () => false,
  );
}
