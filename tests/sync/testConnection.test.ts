// "Test the connection" against Ceph RGW: every step passes with good settings; each bad setting fails its step.
import { describe, expect, it } from 'vitest';
import { SyncSettings } from '../../src/domain';
import { deviceDescriptorKey, generateSyncSecret, isEnvelope, openSyncStore, testConnection } from '../../src/sync';
import { freshPrefix, rgw } from './helpers';

const settingsOn = (overrides: Record<string, string> = {}) =>
  SyncSettings.parse({ ...rgw(), prefix: freshPrefix('connect'), ...overrides });
const statuses = (v: Awaited<ReturnType<typeof testConnection>>) => v.steps.map((s) => s.status);

describe('testConnection on Ceph RGW', () => {
  it('passes every step and writes only this device’s descriptor (sealed when the link has a key)', async () => {
    const settings = settingsOn({ key: generateSyncSecret() });
    const verdict = await testConnection(settings, 'device-1');
    expect(verdict.ok).toBe(true);
    expect(statuses(verdict)).toEqual(['passed', 'passed', 'passed', 'passed', 'passed']);
    const { s3, store } = await openSyncStore(settings);
    expect((await s3.list(`${settings.prefix}/`)).map((o) => o.key)).toEqual([
      deviceDescriptorKey(settings.prefix, 'device-1'),
    ]);
    expect(isEnvelope((await s3.get(deviceDescriptorKey(settings.prefix, 'device-1')))!)).toBe(true);
    const placeholder = JSON.parse(new TextDecoder().decode((await store.get(`${settings.prefix}/devices/device-1.json`))!)); // prettier-ignore
    expect(placeholder.deviceId).toBe('device-1');
    // A second test rewrites the same descriptor, it does not replace it with a placeholder.
    const descriptor = new TextEncoder().encode('{"deviceId":"device-1","publicKey":"…"}');
    await store.put(deviceDescriptorKey(settings.prefix, 'device-1'), descriptor);
    expect((await testConnection(settings, 'device-1')).ok).toBe(true);
    expect(await store.get(deviceDescriptorKey(settings.prefix, 'device-1'))).toEqual(descriptor);
  });

  it('fails at "credentials" for a wrong secret and at "list" for a missing bucket, saying what to do', async () => {
    const wrong = await testConnection(settingsOn({ secretAccessKey: 'wrong' }), 'device-1');
    expect(statuses(wrong)).toEqual(['passed', 'passed', 'failed', 'not-checked', 'not-checked']);
    expect(wrong.steps[2]!.message).toMatch(/secret key.*Check the access key id and secret/);
    const noBucket = await testConnection(settingsOn({ bucket: 'missing-bucket' }), 'device-1');
    expect(statuses(noBucket)).toEqual(['passed', 'passed', 'passed', 'failed', 'not-checked']);
    expect(noBucket.steps[3]!.message).toMatch(/“missing-bucket” does not exist.*Check the bucket name/);
  });

  it('reports a device clock 20 minutes fast as corrected, and passes', async () => {
    const verdict = await testConnection(settingsOn(), 'device-2', { now: () => Date.now() + 20 * 60_000 });
    expect(verdict.ok).toBe(true);
    expect(verdict.steps[2]!.message).toMatch(/20 minutes ahead of the store’s; sync corrects for it/);
  });
});
