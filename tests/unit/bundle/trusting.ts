// Imports as between devices whose people have accepted each other's keys (docs/trust.md): every device key a
// bundle carries is accepted on the receiving device, speaking for every person the bundle names, then the
// bundle is imported as the app does. Tests of refusal and holding import without this (src/bundle directly).
import {
  importBundle as importUntrusted,
  verifyBundle,
  writeVerifiedBundle as writeUntrusted,
} from '../../../src/bundle';
import type { ImportMode, VerifiedBundle } from '../../../src/bundle';
import { acceptKey } from '../../../src/storage';

export async function acceptKeysOf(bundle: VerifiedBundle): Promise<void> {
  const personIds = bundle.records.people.map((p) => p.id);
  if (personIds.length === 0) return;
  const { deviceId, deviceKey } = bundle.signer;
  for (const device of [{ deviceId, deviceKey }, ...bundle.devices]) {
    await acceptKey({ deviceKey: device.deviceKey, deviceId: device.deviceId, personIds, acceptedBy: null });
  }
}

export async function importBundle(blob: Blob, mode: ImportMode) {
  await acceptKeysOf(await verifyBundle(blob));
  return importUntrusted(blob, mode);
}

export async function writeVerifiedBundle(bundle: VerifiedBundle, mode: ImportMode) {
  await acceptKeysOf(bundle);
  return writeUntrusted(bundle, mode);
}
