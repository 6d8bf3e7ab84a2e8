// Deleting something with a confirmation step, and an undo offered for as long as the screen stays open. The
// deletion and the undo are each one storage transaction (storage/deletion.ts); the undo brings back exactly
// the records the deletion tombstoned.
import { useCallback, useEffect, useRef, useState } from 'react';
import { undoDeletion, type Deletion } from '../../storage';

export interface UndoableDeletion {
  /** The last deletion made on this screen, while it can still be undone. */
  deletion: Deletion | null;
  /** What the last deletion or undo did, in words. */
  message: string | null;
  remove(run: () => Promise<Deletion>): Promise<void>;
  undo(): Promise<void>;
}

/** The state of deletions made on one screen: kept in the component, so the undo lasts while the screen is open. */
export function useUndoableDeletion(onUndone?: (deletion: Deletion) => void): UndoableDeletion {
  const [deletion, setDeletion] = useState<Deletion | null>(null);
  const [message, setMessage] = useState<string | null>(null);
  const remove = useCallback(async (run: () => Promise<Deletion>) => {
    const done = await run();
    setDeletion(done);
    setMessage(`Deleted ${done.label}.`);
  }, []);
  const undo = useCallback(async () => {
    if (!deletion) return;
    try {
      await undoDeletion(deletion);
      setDeletion(null);
      setMessage(`${deletion.label.charAt(0).toUpperCase()}${deletion.label.slice(1)} is back, as it was.`);
      onUndone?.(deletion);
    } catch (e) {
      setMessage(`${(e as Error).message} The deletion was not undone.`);
    }
  }, [deletion, onUndone]);
  return { deletion, message, remove, undo };
}

/** "Deleted …  [Undo]": focused when it appears, so keyboard and screen-reader users find the undo at once. */
export function UndoDeletionNote({ state }: { state: UndoableDeletion }) {
  const ref = useRef<HTMLDivElement>(null);
  const { deletion, message } = state;
  useEffect(() => {
    if (message) ref.current?.focus();
  }, [message]);
  if (!message) return null;
  return (
    <div ref={ref} className="panel undo-note" tabIndex={-1} data-testid="undo-note">
      <p role="status">{message}</p>
      {deletion && (
        <button type="button" className="secondary" onClick={() => void state.undo()}>
          Undo
        </button>
      )}
    </div>
  );
}

interface DeleteWithConfirmProps {
  /** The button's words: "Delete this portfolio". */
  action: string;
  /** What the confirmation says will happen, in words. */
  consequence: string;
  onConfirm: () => Promise<void>;
}

/** A delete button that asks first, on the page (no browser dialog), and says why a refused deletion failed. */
export function DeleteWithConfirm({ action, consequence, onConfirm }: DeleteWithConfirmProps) {
  const [asking, setAsking] = useState(false);
  const [busy, setBusy] = useState(false);
  const [error, setError] = useState<string | null>(null);
  const confirmRef = useRef<HTMLButtonElement>(null);
  useEffect(() => {
    if (asking) confirmRef.current?.focus();
  }, [asking]);
  if (!asking) {
    return (
      <div className="actions">
        <button
          type="button"
          className="secondary danger"
          onClick={() => {
            setError(null);
            setAsking(true);
          }}
        >
          {action}
        </button>
        {error && (
          <p className="alert" role="alert">
            {error}
          </p>
        )}
      </div>
    );
  }
  const confirm = async () => {
    if (busy) return;
    setBusy(true);
    try {
      await onConfirm();
    } catch (e) {
      setError((e as Error).message);
    } finally {
      setBusy(false);
      setAsking(false);
    }
  };
  return (
    <div className="panel confirm-delete" role="group" aria-label={action}>
      <p>{consequence}</p>
      <div className="actions">
        <button ref={confirmRef} type="button" className="danger" disabled={busy} onClick={() => void confirm()}>
          Yes, delete
        </button>
        <button type="button" className="secondary" onClick={() => setAsking(false)}>
          Cancel
        </button>
      </div>
    </div>
  );
}
