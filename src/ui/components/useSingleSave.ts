import { useCallback, useRef, useState } from 'react';

/**
 * Runs a save at most once at a time, so a double click creates one record: `saving` disables the button, and
 * the ref refuses a second click that lands before React has re-rendered it disabled.
 */
export function useSingleSave() {
  const [saving, setSaving] = useState(false);
  const busy = useRef(false);
  const saveOnce = useCallback(async (save: () => Promise<void>) => {
    if (busy.current) return;
    busy.current = true;
    setSaving(true);
    try {
      await save();
    } finally {
      busy.current = false;
      setSaving(false);
    }
  }, []);
  return { saving, saveOnce };
}
