// Read-ahead for the pull (docs/sync.md, "Joining a centre"): while one object is verified and applied, the listing
// and the next object of the next folders are already on their way, so the store's latency and the download hide
// behind the work. Bounded: at most READ_AHEAD_FOLDERS folders ahead and only objects up to READ_AHEAD_MAX_BYTES,
// so what is held beside the object in hand is a few bodies whatever the size of the centre. Nothing is decided
// here: the pull still decides what to read from the state it reads then, and takes a body read ahead only when it
// asks for that very key (one use each); a read ahead that failed is simply asked for again.
import type { ObjectStore, StoredObject } from './objectStore';

/** Folders whose listing and next object are read while the current one is applied. */
export const READ_AHEAD_FOLDERS = 2;
/** Larger objects are read when their turn comes (a 50 MB video is not held beside another). */
export const READ_AHEAD_MAX_BYTES = 16 * 1024 * 1024;
/** Requests for bundle objects a pull keeps in flight at most: the one in hand and those read ahead. */
export const PULL_OBJECTS_IN_FLIGHT = 1 + READ_AHEAD_FOLDERS;

const FAILED = Symbol('failed');
type Pending<T> = Promise<T | typeof FAILED>;

/** A store whose listings and bodies may have been asked for before the pull needs them (each kept for one use). */
export class ReadAheadStore implements ObjectStore {
  private readonly listings = new Map<string, Pending<StoredObject[]>>();
  private readonly bodies = new Map<string, Pending<Blob | null>>();
  /** Keys and listings the pull has read: a read ahead that comes late for one would be a second request. */
  private readonly taken = new Set<string>();
  /** After the pull: a read ahead that comes late starts nothing. */
  private closed = false;

  constructor(private readonly store: ObjectStore) {}

  /** Starts listing `prefix` (after `startAfter`) now; the result waits for the pull's own list call. */
  listAhead(prefix: string, startAfter?: string): Promise<StoredObject[] | null> {
    const key = `${prefix}\n${startAfter ?? ''}`;
    if (this.closed || this.taken.has(key)) return Promise.resolve(null);
    const pending = this.listings.get(key) ?? this.store.list(prefix, startAfter).catch(() => FAILED);
    this.listings.set(key, pending);
    return pending.then((listed) => (listed === FAILED ? null : listed));
  }

  /** Starts reading `object` now if it is small enough to hold beside another. */
  getAhead(object: StoredObject): void {
    if (this.closed || object.size > READ_AHEAD_MAX_BYTES) return;
    if (this.bodies.has(object.key) || this.taken.has(object.key)) return;
    this.bodies.set(
      object.key,
      this.store.getBlob(object.key).catch(() => FAILED),
    );
  }

  /** Drops whatever was read ahead and not used (nothing of it stays alive past the pull); starts nothing more. */
  clear(): void {
    this.closed = true;
    this.listings.clear();
    this.bodies.clear();
    this.taken.clear();
  }

  async list(prefix: string, startAfter?: string): Promise<StoredObject[]> {
    const key = `${prefix}\n${startAfter ?? ''}`;
    const ahead = this.listings.get(key);
    this.listings.delete(key);
    this.taken.add(key);
    const listed = ahead ? await ahead : FAILED;
    return listed === FAILED ? this.store.list(prefix, startAfter) : listed;
  }

  async getBlob(key: string): Promise<Blob | null> {
    const ahead = this.bodies.get(key);
    this.bodies.delete(key);
    this.taken.add(key);
    const body = ahead ? await ahead : FAILED;
    return body === FAILED ? this.store.getBlob(key) : body;
  }

  putNew: ObjectStore['putNew'] = (key, body, options) => this.store.putNew(key, body, options);
  put: ObjectStore['put'] = (key, body, options) => this.store.put(key, body, options);
  get: ObjectStore['get'] = (key) => this.store.get(key);
}
