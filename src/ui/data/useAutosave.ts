import { useCallback, useEffect, useRef } from 'react';
import { saveDraft } from '../../storage';

/** How long typing must pause before a draft is written. */
export const AUTOSAVE_DELAY_MS = 400;

export interface AutosaveOptions {
  delayMs?: number;
}

export interface Autosave {
  /** Drop the pending write, so Save, Discard or Delete is not followed by a late draft. */
  cancel(): void;
  /** Write the pending change now. */
  flush(): void;
}

/**
 * Writes `value` as a draft shortly after it changes, and at once when the page is hidden or closed, the screen is
 * left (Back, a link) or the key changes, so nothing typed is lost to a reload, a crash, a flat battery or a quick
 * Back. Screens that save or discard call `cancel` first, so the draft they clear is not written again. One small write per pause in typing.
 * `value` must keep its identity until it changes (state, or memoised on state). The value first seen for a key
 * is the value as loaded (restored or empty): opening a page is not an edit, so it writes no draft, and coming
 * back to that value leaves nothing to write.
 */
export function useAutosave(
  key: string | null,
  value: unknown,
  enabled: boolean,
  onError?: (message: string) => void,
  { delayMs = AUTOSAVE_DELAY_MS }: AutosaveOptions = {},
): Autosave {
  const onErrorRef = useRef(onError);
  const pending = useRef<{ key: string; value: unknown } | null>(null);
  const baseline = useRef<{ key: string; value: unknown } | null>(null);

  const cancel = useCallback(() => {
    pending.current = null;
  }, []);
  const flush = useCallback(() => {
    const write = pending.current;
    pending.current = null;
    if (write) saveDraft(write.key, write.value).catch((e: Error) => onErrorRef.current?.(e.message));
  }, []);

  useEffect(() => {
    onErrorRef.current = onError;
  }, [onError]);

  useEffect(() => {
    if (!key || !enabled) return;
    if (baseline.current?.key !== key) baseline.current = { key, value };
    if (value === baseline.current.value) {
      pending.current = null;
      return;
    }
    pending.current = { key, value };
    const timer = setTimeout(flush, delayMs);
    return () => clearTimeout(timer);
  }, [key, value, enabled, delayMs, flush]);

  useEffect(() => {
    if (!key || !enabled) return;
    const onVisibility = () => {
      if (document.visibilityState === 'hidden') flush();
    };
    window.addEventListener('pagehide', flush);
    document.addEventListener('visibilitychange', onVisibility);
    return () => {
      window.removeEventListener('pagehide', flush);
      document.removeEventListener('visibilitychange', onVisibility);
      flush();
    };
  }, [key, enabled, flush]);

  return { cancel, flush };
}
