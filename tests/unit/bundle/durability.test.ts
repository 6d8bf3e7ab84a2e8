// An import is one transaction: the records, the new device's key binding and the sending peer land together or
// not at all. Here the very last write of the import (the peer) fails, after every record was put.
import 'fake-indexeddb/auto';
import { describe, expect, it } from 'vitest';
import { strictDb } from '../../../src/storage/db';
import { deviceId, deviceSigningKey, knownDevice, listPeers } from '../../../src/storage';
import { importBundle as importUntrusted, verifyBundle } from '../../../src/bundle';
import { acceptKeysOf } from './trusting';
import { onEachWrite } from '../writeWatch';
import { device, installFileClock, setUpDemoPhone, snapshot } from './helpers';

installFileClock();
const demo = setUpDemoPhone();

/** Fails the write of the peers setting (the import's last write), the way a full disk would abort it. */
const failingPeerWrite = onEachWrite('failing-peer-write', (tableName, req) => {
  if (tableName === 'settings' && req.type === 'put' && req.values.some((v) => v.key === 'peers')) {
    throw new DOMException('The disk failed while writing the peer', 'UnknownError');
  }
});

describe('an import that fails after its records', () => {
  it('leaves nothing of itself: no record, no device binding, no peer', async () => {
    await device('receiving');
    const verified = await verifyBundle(demo.bundle);
    await acceptKeysOf(verified);
    // The device's own id and key are made on first use, outside any import: made here, before the snapshot.
    await deviceId();
    await deviceSigningKey();
    const before = await snapshot();
    const written: string[] = [];
    // Proof that the records were put before the failure: the same middleware sees them first.
    strictDb().use(onEachWrite('watch-records', (tableName) => written.push(tableName)));
    strictDb().use(failingPeerWrite);
    await expect(importUntrusted(demo.bundle, 'restore')).rejects.toThrow(/imported bundle/);
    expect(written).toEqual(expect.arrayContaining(['people', 'enrolments', 'evidence', 'devices']));
    expect(await snapshot()).toEqual(before);
    expect(await knownDevice(verified.signer.deviceId)).toBeUndefined();
    expect(await listPeers()).toEqual([]);
  });
});
