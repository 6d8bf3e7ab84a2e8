// Record signatures (docs/trust.md): a record version leaves this device signed by the device that made it.
// This device signs the versions it made when they first leave it, and keeps the signature on the stored
// record, so the version keeps it wherever it is relayed. Checking is the receiver's side (admission.ts).
import { signedPayload, type DeviceEntry, type RecordSet, type RecordSignature } from '../domain';
import { db } from './db';
import { thisDeviceEntry } from './trust';
import { deviceSigningKey } from './keys';
import { signText, verifyText } from './signing';

type Row = Record<string, unknown> & {
  id: string;
  deviceId: string;
  rev: number;
  updatedAt: string;
  sig?: RecordSignature;
};

/** Signs every version in `records` that this device made and that has no signature yet; keeps the signatures. */
export async function signOwnRecords<S extends RecordSet>(records: S): Promise<S> {
  const own = await thisDeviceEntry();
  const key = await deviceSigningKey();
  const signed = {} as Record<string, Row[]>;
  const newlySigned: Array<[string, Row]> = [];
  for (const [table, rows] of Object.entries(records) as Array<[string, Row[]]>) {
    signed[table] = await Promise.all(
      rows.map(async (row) => {
        if (row.deviceId !== own.deviceId || row.sig) return row;
        const sig: RecordSignature = {
          deviceKey: own.deviceKey,
          value: await signText(key.privateKey, signedPayload(row, 'sig')),
        };
        const withSig = { ...row, sig };
        newlySigned.push([table, withSig]);
        return withSig;
      }),
    );
  }
  await keepSignatures(newlySigned);
  return signed as unknown as S;
}

/** Stores the signatures on the stored versions they sign (a version changed meanwhile keeps none). */
async function keepSignatures(signed: Array<[string, Row]>): Promise<void> {
  if (signed.length === 0) return;
  const tables = [...new Set(signed.map(([t]) => t))];
  await db().transaction('rw', tables, async () => {
    for (const table of tables) {
      const rows = signed.filter(([t]) => t === table).map(([, r]) => r);
      const stored = (await db()
        .table(table)
        .bulkGet(rows.map((r) => r.id))) as Array<Row | undefined>;
      const updates = rows.flatMap((r, i) => {
        const s = stored[i];
        return s && !s.sig && s.rev === r.rev && s.updatedAt === r.updatedAt && s.deviceId === r.deviceId
          ? [{ ...s, sig: r.sig }]
          : [];
      });
      await db().table(table).bulkPut(updates);
    }
  });
}

/** The devices whose signatures `records` carry, with the keys to check them: this device's and known ones. */
export async function signingDevicesOf(records: RecordSet): Promise<DeviceEntry[]> {
  const ids = new Set<string>();
  for (const rows of Object.values(records) as Row[][]) for (const r of rows) if (r.sig) ids.add(r.deviceId);
  const own = await thisDeviceEntry();
  const known = await db().devices.bulkGet([...ids].filter((id) => id !== own.deviceId));
  const entries = known.flatMap((d) =>
    d ? [{ deviceId: d.deviceId, deviceKey: d.deviceKey, publicKey: d.publicKey }] : [],
  );
  return ids.has(own.deviceId) ? [own, ...entries] : entries;
}

/** True when `record`'s signature is by `device`'s key over the record as it is. */
export async function recordSignatureHolds(record: Record<string, unknown>, device: DeviceEntry): Promise<boolean> {
  const sig = record.sig as RecordSignature | undefined;
  if (!sig || sig.deviceKey !== device.deviceKey || record.deviceId !== device.deviceId) return false;
  return verifyText(device.publicKey, signedPayload(record, 'sig'), sig.value);
}
