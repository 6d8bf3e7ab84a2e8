import { useRef, useState } from 'react';

/**
 * The open/edit/save/cancel state of an inline editor behind a toggle button: the edited copy while open (null when
 * closed), its error, the status message left by the last save, and the saving flag. Closing drops the draft
 * and the error and returns focus to the toggle button.
 */
export function useInlineEdit<D extends object>(draftOf: () => D, onClose?: () => void) {
  const [draft, setDraft] = useState<D | null>(null);
  const [error, setError] = useState<string | null>(null);
  const [saved, setSaved] = useState<string | null>(null);
  const [saving, setSaving] = useState(false);
  const toggleRef = useRef<HTMLButtonElement>(null);
  const close = () => {
    setDraft(null);
    onClose?.();
    setError(null);
    toggleRef.current?.focus();
  };
  /** Opens the editor with a fresh draft, or closes it without saving. */
  const toggle = () => {
    setSaved(null);
    if (draft) close();
    else setDraft(draftOf());
  };
  const set = <K extends keyof D>(key: K, value: D[K]) => setDraft((d) => (d ? { ...d, [key]: value } : d));
  /** Runs the write; on success shows the message it returns and closes, on failure shows its error. */
  async function save(run: () => Promise<string>) {
    setSaving(true);
    try {
      setSaved(await run());
      close();
    } catch (err) {
      setError((err as Error).message);
    } finally {
      setSaving(false);
    }
  }
  return { draft, set, error, setError, saved, saving, toggleRef, toggle, close, save };
}
