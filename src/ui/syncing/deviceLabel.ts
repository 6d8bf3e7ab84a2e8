// What other devices call this one ("Sam Reid’s phone"), and what this device calls the others. The person sets
// this device's label on the sync settings screen; until then it is proposed from the acting person's name and the
// kind of device. Other devices' labels come from their descriptor objects, learned by sync (storage).
import { useLiveQuery } from 'dexie-react-hooks';
import { actingPersonId, deviceId, knownDeviceLabels, listPeople, ownDeviceLabel } from '../../storage';
import { deviceKind, type DeviceKind } from './deviceKind';

export const proposedDeviceLabel = (personName: string | null, kind: DeviceKind) =>
  personName ? `${personName}’s ${kind}` : `This ${kind}`;

/** The label this device publishes: the one its person set, else the proposed one. */
export async function currentDeviceLabel(): Promise<string> {
  const own = await ownDeviceLabel();
  if (own) return own;
  const acting = await actingPersonId();
  const person = acting ? (await listPeople()).find((p) => p.id === acting) : undefined;
  return proposedDeviceLabel(person?.name ?? null, deviceKind());
}

/** A device named for people: its label when known, else the start of its id. */
export const shortDeviceName = (id: string) => `device ${id.slice(0, 8)}`;

/** A function naming devices by their labels (this device: "this device (label)"), live as labels arrive. */
export function useDeviceNames(): (deviceId: string) => string {
  const names = useLiveQuery(async () => {
    const [known, own, self] = await Promise.all([knownDeviceLabels(), currentDeviceLabel(), deviceId()]);
    const map = new Map(Object.entries(known).flatMap(([id, { label }]) => (label ? [[id, label] as const] : [])));
    map.set(self, `this device (${own})`);
    return map;
  }, []);
  return (id) => names?.get(id) ?? shortDeviceName(id);
}
