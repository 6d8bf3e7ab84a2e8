// A file opened read-only (a verifier's bundle, an EQA's visit pack) survives a reload and a crash: its file is kept
// in the drafts table when opened, verified again (every hash and the signature) when the app starts without it,
// and dropped only when its reader closes it. One mechanism for both: verifier/openedBundle.ts, eqa/openedPack.ts.
import { useEffect } from 'react';
import type { StoreApi, UseBoundStore } from 'zustand';
import { clearDraft, loadDraft, nowIso, saveDraft } from '../../storage';

/** What the drafts table keeps of an opened file. */
interface KeptFile {
  file: Blob;
  name: string;
  openedAt: string;
}

/** The part of an opened-file store (zustand) this mechanism drives. */
export interface OpenedFileState<T> {
  restored: boolean;
  problem: string | null;
  open: (opened: T) => void;
}

interface KeptOpenedFileOptions<T, S extends OpenedFileState<T>> {
  key: string;
  store: UseBoundStore<StoreApi<S>>;
  /** The opened item in the store's state. */
  current: (state: S) => T | null;
  verify: (file: Blob) => Promise<T>;
  /** What it is called in messages: "bundle", "pack". */
  noun: string;
  /** Whether a kept file that no longer verifies is dropped (else kept: only its reader discards it). */
  dropUnopenable: boolean;
}

export function keptOpenedFile<T, S extends OpenedFileState<T>>(options: KeptOpenedFileOptions<T, S>) {
  const { key, store, current, verify, noun } = options;
  let restoring: Promise<void> | null = null;

  /** Opens a verified file read-only and keeps it on the device, so a reload finds it open. */
  async function open(opened: T, file: File): Promise<void> {
    store.getState().open(opened);
    try {
      await saveDraft(key, { file, name: file.name, openedAt: nowIso() } satisfies KeptFile);
    } catch (e) {
      store.setState({
        problem: `This ${noun} could not be kept on this device (${(e as Error).message}): after a reload, open it again.`,
      } as Partial<S>);
    }
  }

  /** Reopens the file kept on the device, if any (once, however many screens ask). */
  function restore(): Promise<void> {
    if (current(store.getState())) return Promise.resolve();
    restoring ??= (async () => {
      try {
        const kept = await loadDraft<KeptFile>(key);
        if (kept?.file instanceof Blob) store.getState().open(await verify(kept.file));
        else store.setState({ restored: true } as Partial<S>);
      } catch (e) {
        store.setState({
          restored: true,
          problem: `The ${noun} you had open could not be opened again (${(e as Error).message}). Open it again from its file.`,
        } as Partial<S>);
        if (options.dropUnopenable) await clearDraft(key).catch(() => undefined);
      } finally {
        restoring = null;
      }
    })();
    return restoring;
  }

  /** The opened item, reopening the kept one after a reload; `loading` while that is being checked. */
  function useOpened(): { opened: T | null; loading: boolean; problem: string | null } {
    const opened = store(current);
    const restored = store((s) => s.restored);
    const problem = store((s) => s.problem);
    useEffect(() => {
      if (!opened && !restored) void restore();
    }, [opened, restored]);
    return { opened, loading: !opened && !restored, problem };
  }

  return { open, restore, useOpened, forget: () => clearDraft(key) };
}
