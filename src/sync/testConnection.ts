// "Test the connection": one verdict per step, in the order a browser can learn them — the store answers at all;
// its CORS rule lets this app read answers (until it does, the browser hides everything else, credentials included);
// the key is accepted; the device can list its centre's objects; it can write its own descriptor. It stops at the
// first failing step and says what to do.
import type { SyncSettings } from '../domain';
import { EncryptedStore } from './encryptedStore';
import { importSyncSecret } from './envelope';
import { StoreError, type ObjectStore } from './objectStore';
import { browserProbe } from './s3Errors';
import { S3Store, describeClockOffset, type S3StoreOptions } from './s3Store';

export type ConnectionStep = 'reachable' | 'cors' | 'credentials' | 'list' | 'write';

export interface StepVerdict {
  step: ConnectionStep;
  label: string;
  status: 'passed' | 'failed' | 'not-checked';
  message: string;
}

export interface ConnectionVerdict {
  ok: boolean;
  steps: StepVerdict[];
  /** How far the device clock was off (ms, store minus device); already corrected for when non-zero. */
  clockOffsetMs: number;
}

export interface TestConnectionOptions extends S3StoreOptions {
  /**
   * The bytes of this device's descriptor to write at `<prefix>/devices/<deviceId>.json`. Without it the test
   * rewrites the descriptor already there, or writes a placeholder `{"deviceId", "connectionTest"}` that the
   * engine's first push replaces (readers treat a descriptor without a public key as "not announced yet").
   */
  descriptor?: Uint8Array;
}

const LABELS: Record<ConnectionStep, string> = {
  reachable: 'Store reachable',
  cors: 'CORS configured for this app',
  credentials: 'Credentials accepted',
  list: 'Can list the centre’s objects',
  write: 'Can write this device’s objects',
};
const ORDER: ConnectionStep[] = ['reachable', 'cors', 'credentials', 'list', 'write'];

/** Where a device's descriptor lives (the one object it overwrites). */
export const deviceDescriptorKey = (prefix: string, deviceId: string) =>
  `${prefix ? `${prefix}/` : ''}devices/${deviceId}.json`;

/** The store for these settings: S3, sealed with the link's encryption key when it has one. */
export async function openSyncStore(settings: SyncSettings, options: S3StoreOptions = {}) {
  const s3 = new S3Store(settings, options);
  const store: ObjectStore = settings.key ? new EncryptedStore(s3, await importSyncSecret(settings.key)) : s3;
  return { s3, store };
}

/** Which step a failure belongs to, and what the person should do. */
function failedStep(error: StoreError): { step: ConnectionStep; advice: string } {
  switch (error.failure) {
    case 'cors':
      return { step: 'cors', advice: 'Ask the centre to add the CORS rule for this app (docs/sync-bucket.md).' };
    case 'offline':
    case 'unavailable':
      return { step: 'reachable', advice: 'Check the network and the store address, then test again.' };
    case 'forbidden':
      return /AccessDenied/.test(error.message)
        ? { step: 'list', advice: 'Ask the centre to check the bucket policy for this device’s key.' }
        : { step: 'credentials', advice: 'Check the access key id and secret (copy the sync link again).' };
    case 'clock-skew':
      return { step: 'credentials', advice: 'Set the device’s date and time to automatic, then test again.' };
    case 'no-bucket':
      return { step: 'list', advice: 'Check the bucket name (copy the sync link again).' };
    default:
      return { step: 'list', advice: 'Show this message to the centre.' };
  }
}

function verdict(failed: { step: ConnectionStep; message: string } | null, clockOffsetMs: number): ConnectionVerdict {
  const failedAt = failed ? ORDER.indexOf(failed.step) : ORDER.length;
  const clock = Math.abs(clockOffsetMs) >= 60_000 ? ` ${describeClockOffset(clockOffsetMs)}` : '';
  const steps = ORDER.map((step, i): StepVerdict => {
    const label = LABELS[step];
    if (i < failedAt) return { step, label, status: 'passed', message: step === 'credentials' ? `OK.${clock}` : 'OK.' };
    if (i === failedAt) return { step, label, status: 'failed', message: failed!.message };
    return { step, label, status: 'not-checked', message: 'Not checked (an earlier step failed).' };
  });
  return { ok: failed === null, steps, clockOffsetMs };
}

export async function testConnection(
  settings: SyncSettings,
  deviceId: string,
  options: TestConnectionOptions = {},
): Promise<ConnectionVerdict> {
  const probe = options.probe ?? browserProbe;
  const host = new URL(settings.endpoint).host;
  if (!probe.online()) return verdict({ step: 'reachable', message: 'This device is offline.' }, 0);
  if (!(await probe.endpointAnswers(settings.endpoint))) {
    const message = `Nothing answers at ${settings.endpoint}. Check the store address and the network.`;
    return verdict({ step: 'reachable', message }, 0);
  }
  const { s3, store } = await openSyncStore(settings, options);
  const prefix = settings.prefix ? `${settings.prefix}/` : '';
  try {
    // One key of the centre's devices: proves CORS, the key, the clock and the right to list, in one request.
    await s3.request({ method: 'GET', query: { 'list-type': '2', prefix: `${prefix}devices/`, 'max-keys': '1' } });
  } catch (e) {
    if (!(e instanceof StoreError)) throw e;
    const { step, advice } = failedStep(e);
    return verdict({ step, message: `${e.message} ${advice}` }, s3.clockOffsetMs);
  }
  try {
    const key = deviceDescriptorKey(settings.prefix, deviceId);
    const body =
      options.descriptor ??
      (await store.get(key)) ??
      new TextEncoder().encode(JSON.stringify({ deviceId, connectionTest: new Date().toISOString() }));
    await store.put(key, body, { contentType: 'application/json' });
  } catch (e) {
    const reason = e instanceof Error ? e.message : String(e);
    const message = `${reason} The key may list but not write under this device’s paths (${host}): ask the centre to check the bucket policy.`;
    return verdict({ step: 'write', message }, s3.clockOffsetMs);
  }
  return verdict(null, s3.clockOffsetMs);
}
