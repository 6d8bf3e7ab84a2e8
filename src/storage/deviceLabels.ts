// Device labels people recognise ("Sam’s phone"): this device's own, set on the sync settings screen and published
// in its descriptor object, and the labels other devices published, learned by sync, so that screens naming a
// device (the sync log, held keys, conflicts) say whose device it was instead of a bare id. A label is a hint for
// people, never a trust decision (fingerprints are).
import { TEXT_LIMITS } from '../domain';
import { nowIso } from './clock';
import { db } from './db';

const OWN = 'syncDeviceLabel';
const KNOWN = 'syncDeviceLabels';

/** A label read from another device's descriptor: trimmed, one line, at most a name's length; else null. */
export function cleanDeviceLabel(value: unknown): string | null {
  if (typeof value !== 'string') return null;
  const label = value.replace(/\s+/g, ' ').trim().slice(0, TEXT_LIMITS.name);
  return label === '' ? null : label;
}

/** This device's label as its person set it, or null (then the app proposes one). */
export async function ownDeviceLabel(): Promise<string | null> {
  return cleanDeviceLabel((await db().settings.get(OWN))?.value);
}

export async function setOwnDeviceLabel(label: string): Promise<void> {
  const clean = cleanDeviceLabel(label);
  if (!clean) throw new Error('A device label cannot be empty.');
  await db().settings.put({ key: OWN, value: clean });
}

/** Other devices' labels: device id → the label and when it was learned. */
export type KnownDeviceLabels = Record<string, { label: string; at: string }>;

export async function knownDeviceLabels(): Promise<KnownDeviceLabels> {
  const value = (await db().settings.get(KNOWN))?.value;
  return value && typeof value === 'object' ? (value as KnownDeviceLabels) : {};
}

/** Remembers labels read from the store (a null label is remembered as read, so it is not asked again at once). */
export async function rememberDeviceLabels(labels: Record<string, string | null>): Promise<void> {
  await db().transaction('rw', db().settings, async () => {
    const known = await knownDeviceLabels();
    const at = nowIso();
    for (const [deviceId, label] of Object.entries(labels)) {
      const clean = cleanDeviceLabel(label);
      known[deviceId] = { label: clean ?? known[deviceId]?.label ?? '', at };
    }
    await db().settings.put({ key: KNOWN, value: known });
  });
}
