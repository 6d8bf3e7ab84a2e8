// Drafts (autosave): cheap single-row writes of unsaved input, debounced by the caller, under the keys
// draftKeys builds.
import { nowIso } from './clock';
import { db } from './db';
import { draftKeys } from './draftKeys';
import { explainWriteError } from './errors';

export { draftKeys };

export async function saveDraft(key: string, data: unknown): Promise<void> {
  try {
    await db().drafts.put({ key, data, updatedAt: nowIso() });
  } catch (e) {
    throw explainWriteError(e, 'the draft');
  }
}

export async function loadDraft<T>(key: string): Promise<T | undefined> {
  return (await db().drafts.get(key))?.data as T | undefined;
}

export async function clearDraft(key: string): Promise<void> {
  await db().drafts.delete(key);
}

/** A saved form's unsaved changes are gone once it is saved (inside the save's transaction). */
export const clearFormDraft = (formId: string) => clearDraft(draftKeys.form(formId));
