// Devices that sync through one in-process store. Each device is its own database (tests/unit/trust/world.ts);
// storage works on the current database, so every step on a device runs after switching to it (`on`), one at a
// time. Engines are not started here: tests call runOnce(), or start one with fake timers.
import { acceptKey, saveEvidence, savePerson, setSyncPeople } from '../../../src/storage';
import { db } from '../../../src/storage/db';
import {
  createSyncEngine,
  syncLayout,
  type ObjectStore,
  type SyncEngine,
  type SyncEngineOptions,
} from '../../../src/sync';
import type { Person } from '../../../src/domain';
import { newDevice, portfolio, switchTo, type Device } from '../trust/world';
import { MemoryStore } from './memoryStore';

export interface SyncDevice extends Device {
  name: string;
  engine: SyncEngine;
}

export const PREFIX = 'centre';

export async function syncDevice(
  name: string,
  store: ObjectStore,
  options: Partial<SyncEngineOptions> = {},
): Promise<SyncDevice> {
  const device = await newDevice(name);
  const engine = createSyncEngine({ store, prefix: PREFIX, label: name, watchChanges: () => () => {}, ...options });
  return { ...device, name, engine };
}

/** Runs `step` on device `d` (its database made current). */
export async function on<T>(d: Device, step: () => Promise<T>): Promise<T> {
  switchTo(d);
  return step();
}

/** One push-and-pull run on `d`. */
export const sync = (d: SyncDevice) => on(d, () => d.engine.runOnce());

/** Every device accepts every other's key as speaking for these people (their fingerprints compared by hand). */
export async function acceptEachOther(devices: Device[], people: Person[]): Promise<void> {
  for (const d of devices) {
    await on(d, async () => {
      for (const other of devices.filter((o) => o !== d)) {
        await acceptKey({
          deviceKey: other.key,
          deviceId: other.id,
          personIds: people.map((p) => p.id),
          acceptedBy: null,
        });
      }
    });
  }
}

export const person = (name: string, role: 'candidate' | 'assessor' | 'iqa') =>
  savePerson(
    role === 'assessor'
      ? { name, roles: ['assessor'], assessorStatus: 'qualified' }
      : { name, roles: [role === 'iqa' ? 'iqa' : 'candidate'] },
  );

export const usedBy = (d: Device, ...people: Person[]) => on(d, () => setSyncPeople(people.map((p) => p.id)));

/** Evidence titled `title` (a letter, naming the step) added to a portfolio on `d`. */
export const addEvidence = (d: Device, portfolioId: string, title: string) =>
  on(d, () => saveEvidence({ evidence: { portfolioId, type: 'O', title, date: '2026-03-02' } }));

/** The titles on `d` of the evidence the steps added (not the portfolio's first observation), sorted. */
export const addedTitles = (d: Device) =>
  on(d, async () =>
    (await db().evidence.toArray())
      .map((e) => e.title)
      .filter((t) => !t.startsWith('Observed'))
      .sort(),
  );

/** The keys of the bundles device `d` pushed for a portfolio, in the order they were pushed. */
export const bundleKeys = (store: MemoryStore, portfolioId: string, d: Device) =>
  store.keys(syncLayout.bundleFolder(`${PREFIX}/`, portfolioId, d.id));

/**
 * Sam's phone and Cara's tablet on one in-process bucket, with a portfolio of Cara's that Sam assesses made on the
 * phone, and the tablet used by Cara. No key is accepted yet: each test says who trusts whom.
 */
export async function samAndCara() {
  const store = new MemoryStore();
  const phone = await syncDevice('sam-phone', store);
  const sam = await person('Sam', 'assessor');
  const cara = await person('Cara', 'candidate');
  const portfolioId = (await portfolio(cara, sam)).id;
  const tablet = await syncDevice('cara-tablet', store);
  await usedBy(tablet, cara);
  return { store, phone, tablet, sam, cara, portfolioId };
}
