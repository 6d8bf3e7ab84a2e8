// The device's storage: how much is used, whether the browser may evict it, and asking it not to.
import { db } from './db';

export interface StorageStatus {
  persisted: boolean | null;
  usage: number | null;
  quota: number | null;
  /** Media files stored (live ones). Read from the media table, so a live query of this refreshes as media come and go. */
  mediaFiles: number;
}

/** Above this share of the quota the app warns on every screen. */
export const NEAR_QUOTA = 0.8;

export async function storageStatus(): Promise<StorageStatus> {
  const mediaFiles = await db()
    .media.filter((m) => !m.deleted)
    .count();
  const storage = globalThis.navigator?.storage;
  if (!storage?.estimate) return { persisted: null, usage: null, quota: null, mediaFiles };
  const [estimate, persisted] = await Promise.all([storage.estimate(), storage.persisted?.() ?? Promise.resolve(null)]);
  return { persisted, usage: estimate.usage ?? null, quota: estimate.quota ?? null, mediaFiles };
}

/** Asks the browser not to evict this origin's data under storage pressure. */
export async function requestPersistentStorage(): Promise<boolean> {
  return (await globalThis.navigator?.storage?.persist?.()) ?? false;
}
