// Sync settings stay on the device, in the settings table, validated when read.
import 'fake-indexeddb/auto';
import { beforeEach, describe, expect, it } from 'vitest';
import { FieldfolioDB, db, setDatabase } from '../../../src/storage/db';
import { clearSyncSettings, loadSyncSettings, saveSyncSettings } from '../../../src/storage';

const settings = {
  endpoint: 'https://s3.example.org/',
  bucket: 'centre',
  accessKeyId: 'AKID',
  secretAccessKey: 'se/cr+et',
};

beforeEach(() => {
  setDatabase(new FieldfolioDB(`sync-settings-${Math.random()}`));
});

describe('sync settings', () => {
  it('are absent until saved, saved normalised, and gone after disconnecting', async () => {
    expect(await loadSyncSettings()).toBeNull();
    const saved = await saveSyncSettings(settings);
    expect(saved).toEqual({ ...settings, endpoint: 'https://s3.example.org', prefix: '', region: 'us-east-1' });
    expect(await loadSyncSettings()).toEqual(saved);
    expect((await db().settings.get('syncSettings'))?.value).toEqual(saved);
    await clearSyncSettings();
    expect(await loadSyncSettings()).toBeNull();
  });

  it('refuse to save invalid settings and keep the old ones', async () => {
    await saveSyncSettings(settings);
    await expect(saveSyncSettings({ ...settings, bucket: 'x' })).rejects.toThrow();
    expect((await loadSyncSettings())?.bucket).toBe('centre');
  });

  it('read a damaged row as "not connected"', async () => {
    await db().settings.put({ key: 'syncSettings', value: { endpoint: 42 } });
    expect(await loadSyncSettings()).toBeNull();
  });
});
