// A draft whose IndexedDB write is cut short (the page went away straight after a keystroke) is not lost: the
// synchronous journal holds it, loadDraft reads it and folds it back into the table. Closing the database under a
// write that has not finished stands in for the page going away.
import 'fake-indexeddb/auto';
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { FieldfolioDB, setDatabase, db } from '../../../src/storage/db';
import { clearDraft, loadDraft, saveDraft } from '../../../src/storage';
import { installTestClock } from '../clock';

installTestClock();

/** localStorage as a browser has it (Node has none). */
class MemoryStorage {
  private items = new Map<string, string>();
  get length() {
    return this.items.size;
  }
  key = (i: number) => [...this.items.keys()][i] ?? null;
  getItem = (k: string) => this.items.get(k) ?? null;
  setItem = (k: string, v: string) => void this.items.set(k, String(v));
  removeItem = (k: string) => void this.items.delete(k);
  clear = () => this.items.clear();
}

let name: string;
let storage: MemoryStorage;
beforeEach(() => {
  name = `drafts-${Math.random()}`;
  setDatabase(new FieldfolioDB(name));
  storage = new MemoryStorage();
  vi.stubGlobal('localStorage', storage);
});
afterEach(() => vi.unstubAllGlobals());

/** The page goes away: the database closes under whatever write is still under way, then the app starts again. */
function pageGoesAway() {
  db().close();
  setDatabase(new FieldfolioDB(name));
}

describe('draft journal', () => {
  it('a draft whose write was cut short is read back and folded into the table', async () => {
    await saveDraft('form:a', { text: 'first words' });
    const cutShort = saveDraft('form:a', { text: 'first words and the last ones' });
    pageGoesAway();
    await cutShort.catch(() => undefined);
    expect(await loadDraft('form:a')).toEqual({ text: 'first words and the last ones' });
    // Folded back: the table holds it and the journal is empty again.
    expect((await db().drafts.get('form:a'))?.data).toEqual({ text: 'first words and the last ones' });
    expect(storage.length).toBe(0);
  });

  it('a finished write leaves nothing in the journal; the table is read', async () => {
    await saveDraft('form:b', { text: 'kept' });
    expect(storage.length).toBe(0);
    expect(await loadDraft('form:b')).toEqual({ text: 'kept' });
  });

  it('an earlier write finishing does not drop the journal of a later one still under way', async () => {
    const earlier = saveDraft('form:c', { text: 'one' });
    const later = saveDraft('form:c', { text: 'one two' });
    await earlier;
    expect(storage.length).toBe(1);
    await later;
    expect(storage.length).toBe(0);
    expect(await loadDraft('form:c')).toEqual({ text: 'one two' });
  });

  it('a discard cut short stays discarded', async () => {
    await saveDraft('form:d', { text: 'thrown away' });
    const discarding = clearDraft('form:d');
    pageGoesAway();
    await discarding.catch(() => undefined);
    expect(await loadDraft('form:d')).toBeUndefined();
    expect(await db().drafts.get('form:d')).toBeUndefined();
  });

  it('a draft holding files is not journalled, and supersedes an older journalled value once written', async () => {
    const older = saveDraft('files', [{ name: 'note' }]);
    pageGoesAway();
    await older.catch(() => undefined);
    await saveDraft('files', [{ name: 'photo.png', blob: new Blob(['x']) }]);
    expect(storage.length).toBe(0);
    const files = await loadDraft<Array<{ name: string; blob: Blob }>>('files');
    expect(files?.[0]?.name).toBe('photo.png');
  });

  it('without localStorage (blocked), drafts are written to the table alone', async () => {
    vi.stubGlobal('localStorage', undefined);
    await saveDraft('form:e', { text: 'still saved' });
    expect(await loadDraft('form:e')).toEqual({ text: 'still saved' });
  });
});
