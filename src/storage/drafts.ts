// Drafts (autosave): cheap single-row writes of unsaved input, debounced by the caller, under the keys
// draftKeys builds.
//
// Every draft write is also journalled synchronously (localStorage) before its IndexedDB write starts, and the
// journal entry is dropped once that write is done. A page that goes away straight after a keystroke or a
// decision (reload, Back out of the app, a closed tab: the write is started from `pagehide`) cannot finish an
// IndexedDB write, but the journal is already on disk; loadDraft reads it first (it is the newer value) and folds
// it back into the table. Drafts holding files (Blobs) cannot be journalled; they are written when files are
// chosen, never in the last moments of a page.
import Dexie from 'dexie';
import { nowIso } from './clock';
import { db } from './db';
import { draftKeys } from './draftKeys';
import { explainWriteError } from './errors';

export { draftKeys };

/** The journal's key for a draft, per database (each database has its own drafts). */
const journalKey = (key: string) => `fieldfolio:draft-journal:${db().name}:${key}`;

/** A journalled draft write: `data` null for a draft being cleared. `seq` tells one write from a later one. */
interface JournalEntry {
  seq: string;
  data: unknown;
  updatedAt: string;
}

let writes = 0;

/** localStorage when this context has it and allows it (not in workers, nor when storage is blocked). */
function journalStore(): Storage | null {
  try {
    return typeof localStorage === 'undefined' ? null : localStorage;
  } catch {
    return null;
  }
}

function holdsBlob(value: unknown, depth = 0): boolean {
  if (typeof Blob !== 'undefined' && value instanceof Blob) return true;
  if (!value || typeof value !== 'object' || depth > 20) return false;
  return Object.values(value).some((v) => holdsBlob(v, depth + 1));
}

/** Journals a write about to start; returns its seq, or null when it could not be journalled. */
function journal(key: string, data: unknown): string | null {
  const store = journalStore();
  if (!store) return null;
  const seq = `${Date.now()}-${++writes}-${Math.random().toString(36).slice(2, 8)}`;
  try {
    if (data !== null && holdsBlob(data)) {
      // Not journalled, and an older journalled value must not win over this write once it is done.
      return seq;
    }
    store.setItem(journalKey(key), JSON.stringify({ seq, data, updatedAt: nowIso() } satisfies JournalEntry));
    return seq;
  } catch {
    return null; // full or blocked: the IndexedDB write alone, as before
  }
}

function journalled(key: string): JournalEntry | undefined {
  try {
    const raw = journalStore()?.getItem(journalKey(key));
    return raw ? (JSON.parse(raw) as JournalEntry) : undefined;
  } catch {
    return undefined;
  }
}

/** The write `seq` (or a later one) is in the table: its journal entry is no longer needed. */
function settle(key: string, seq: string | null, holdsFiles = false) {
  const entry = journalled(key);
  if (!entry) return;
  // A later write has its own entry, kept until that write is done; a write with files supersedes any entry.
  if (entry.seq === seq || holdsFiles) journalStore()?.removeItem(journalKey(key));
}

export async function saveDraft(key: string, data: unknown): Promise<void> {
  const seq = journal(key, data);
  try {
    await db().drafts.put({ key, data, updatedAt: nowIso() });
    settle(key, seq, holdsBlob(data));
  } catch (e) {
    throw explainWriteError(e, 'the draft');
  }
}

export async function loadDraft<T>(key: string): Promise<T | undefined> {
  const pending = journalled(key);
  if (pending) {
    // Cut short last time: use it (it is newer than the table's row) and fold it back into the table meanwhile;
    // should that fail too, the journal keeps it for the next read.
    void (pending.data === null ? clearDraft(key) : saveDraft(key, pending.data)).catch(() => undefined);
    return (pending.data ?? undefined) as T | undefined;
  }
  return (await db().drafts.get(key))?.data as T | undefined;
}

export async function clearDraft(key: string): Promise<void> {
  // Inside a save's transaction the clear may still be rolled back with the save: no tombstone then.
  const seq = Dexie.currentTransaction ? null : journal(key, null);
  await db().drafts.delete(key);
  settle(key, seq, seq === null);
}

/** A saved form's unsaved changes are gone once it is saved (inside the save's transaction). */
export const clearFormDraft = (formId: string) => clearDraft(draftKeys.form(formId));
