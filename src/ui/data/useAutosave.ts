import { useEffect, useRef } from 'react';
import { saveDraft } from '../../storage';

/**
 * Writes `value` as a draft shortly after it changes, and at once when the page is hidden or closed, so
 * nothing typed is lost to a reload, a crash or a flat battery. One small write per pause in typing.
 * `value` must keep its identity until it changes (state, or memoised on state).
 */
export function useAutosave(key: string | null, value: unknown, enabled: boolean, onError?: (message: string) => void, delayMs = 400) {
  const latest = useRef(value);
  const onErrorRef = useRef(onError);
  const dirty = useRef(false);
  // The value as loaded (restored or empty): opening a page is not an edit, so it writes no draft.
  const baseline = useRef<{ key: string; value: unknown } | null>(null);
  useEffect(() => {
    onErrorRef.current = onError;
    latest.current = value;
    if (!key || !enabled) return;
    if (baseline.current?.key !== key) baseline.current = { key, value };
    if (value === baseline.current.value) return;
    dirty.current = true;
    const timer = setTimeout(() => {
      dirty.current = false;
      saveDraft(key, value).catch((e: Error) => onError?.(e.message));
    }, delayMs);
    return () => clearTimeout(timer);
  }, [key, value, enabled, delayMs, onError]);
  useEffect(() => {
    if (!key || !enabled) return;
    const flush = () => {
      if (dirty.current) {
        dirty.current = false;
        saveDraft(key, latest.current).catch((e: Error) => onErrorRef.current?.(e.message));
      }
    };
    const onVisibility = () => document.visibilityState === 'hidden' && flush();
    window.addEventListener('pagehide', flush);
    document.addEventListener('visibilitychange', onVisibility);
    return () => {
      window.removeEventListener('pagehide', flush);
      document.removeEventListener('visibilitychange', onVisibility);
    };
  }, [key, enabled]);
}
