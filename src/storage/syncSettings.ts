// This device's sync settings (the bucket and the key to it): kept in the device-local `settings` table, never in a
// bundle or an export, and validated on every read so that a damaged row reads as "not connected", not as a crash.
import { SyncSettings, type SyncSettingsInput } from '../domain';
import { db } from './db';

const SYNC_SETTINGS = 'syncSettings';

/** The saved settings, or null when this device is not connected (or what is stored no longer validates). */
export async function loadSyncSettings(): Promise<SyncSettings | null> {
  const row = await db().settings.get(SYNC_SETTINGS);
  if (!row) return null;
  const parsed = SyncSettings.safeParse(row.value);
  return parsed.success ? parsed.data : null;
}

/** Validates and saves (throws the zod error on invalid settings: check them with checkSyncSettings first). */
export async function saveSyncSettings(settings: SyncSettingsInput): Promise<SyncSettings> {
  const valid = SyncSettings.parse(settings);
  await db().settings.put({ key: SYNC_SETTINGS, value: valid });
  return valid;
}

/** Disconnects this device: forgets the bucket and its key. */
export async function clearSyncSettings(): Promise<void> {
  await db().settings.delete(SYNC_SETTINGS);
}
