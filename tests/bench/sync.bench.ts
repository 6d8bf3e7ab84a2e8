// Sync figures against the in-process store double (real-RGW figures come with the s3 side's harness):
// - an idle sync cycle on a device holding 200 portfolios in a centre of 50 devices: requests made, beside the
//   formula of docs/sync.md and beside a naive design that lists each portfolio's folder (the peer);
// - one new evidence item with a 3 MB photo: bytes sent, beside the photo's own size, and the time until another
//   device has it (in-process: no network time).
import 'fake-indexeddb/auto';
import { readFileSync } from 'node:fs';
import { parseSpec } from '../../src/domain';
import { FieldfolioDB, setDatabase } from '../../src/storage/db';
import {
  acceptKey,
  createEnrolment,
  saveEvidence,
  savePerson,
  setSyncPeople,
  storeSpecs,
  thisDeviceEntry,
} from '../../src/storage';
import { createSyncEngine, syncLayout, DEFAULT_RULES, type Envelope, type ObjectStore } from '../../src/sync';
import { MemoryStore } from '../unit/sync/memoryStore';

const PORTFOLIOS = 200;
const DEVICES = 50;
const PREFIX = 'centre/';
const spec = parseSpec(readFileSync('specs/svq2-customer-service-scqf5.json', 'utf8'), 'svq2.json');

/** A device of its own database (made current), with an engine on `store`. */
export async function newDevice(name: string, store: ObjectStore, envelope: Envelope | null = null) {
  const database = new FieldfolioDB(`${name}-${Math.random()}`);
  setDatabase(database);
  await storeSpecs([spec], 'bundled');
  const entry = await thisDeviceEntry();
  const engine = createSyncEngine({ store, prefix: PREFIX, label: name, envelope, watchChanges: () => () => {} });
  return { database, entry, engine, use: () => setDatabase(database) };
}

/** Feed entries, index objects and bundles of the other devices of the centre, written over the past days. */
function otherDevicesHistory(store: MemoryStore, perDevice: number) {
  // Days ago, well before the look-back window.
  const day = Date.now() - 3 * 24 * 3600_000;
  for (let d = 0; d < DEVICES - 2; d++) {
    const deviceId = `00000000-0000-4000-9000-${String(d).padStart(12, '0')}`;
    for (let i = 0; i < perDevice; i++) {
      const portfolioId = `00000000-0000-4000-a000-${String(d * 1000 + (i % 10)).padStart(12, '0')}`;
      const bundle = syncLayout.bundleName(i + 1, i === 0, false);
      const at = new Date(day + (d * perDevice + i) * 60_000).toISOString();
      store.objects.set(
        syncLayout.feedKey(PREFIX, { at, deviceId, portfolioId, bundle, partiesHash: 'ffffffff' }),
        new Uint8Array(),
      );
      store.objects.set(`${syncLayout.bundleFolder(PREFIX, portfolioId, deviceId)}${bundle}`, new Uint8Array(10));
    }
  }
}

export async function benchSync(): Promise<void> {
  const store = new MemoryStore();
  otherDevicesHistory(store, 40);
  const device = await newDevice('assessor-phone', store);
  const sam = await savePerson({ name: 'Sam', roles: ['assessor'], assessorStatus: 'qualified' });
  await setSyncPeople([sam.id]);
  const portfolioIds: string[] = [];
  for (let i = 0; i < PORTFOLIOS; i++) {
    const cand = await savePerson({ name: `Candidate ${i}`, roles: ['candidate'] });
    const e = await createEnrolment({
      candidateId: cand.id,
      assessorId: sam.id,
      specId: spec.id,
      specVersion: spec.version,
      route: [],
      startDate: '2026-02-01',
    });
    portfolioIds.push(e.id);
  }
  let t = performance.now();
  await device.engine.runOnce(); // first sync: pushes 200 full bundles, reads the centre's history once
  const firstSyncMs = performance.now() - t;

  store.resetCounts();
  await device.engine.runOnce();
  const idle = store.counts.requests;
  // The peer: a design without the feed lists every held portfolio's bundle folders each cycle.
  store.resetCounts();
  for (const id of portfolioIds) await store.list(syncLayout.portfolioBundles(PREFIX, id));
  const naive = store.counts.requests;

  // 3 MB photo: bytes sent by the pushing device, time until a second device has it.
  const tablet = await newDevice('second-device', store);
  await setSyncPeople([sam.id]);
  await acceptKey({
    deviceKey: device.entry.deviceKey,
    deviceId: device.entry.deviceId,
    personIds: [sam.id],
    acceptedBy: null,
  });
  await tablet.engine.runOnce();
  device.use();
  const photo = new Blob([new Uint8Array(3 * 1024 * 1024).map((_, i) => (i * 31) & 255)], { type: 'image/jpeg' });
  await saveEvidence({
    evidence: { portfolioId: portfolioIds[0]!, type: 'O', title: 'Observed at the till', date: '2026-03-02' },
    files: [{ name: 'till.jpg', type: 'image/jpeg', blob: photo }],
  });
  store.resetCounts();
  t = performance.now();
  await device.engine.runOnce();
  const sent = store.counts.bytesSent;
  tablet.use();
  await tablet.engine.runOnce();
  const untilOtherMs = performance.now() - t;

  const feedEntries = store.keys(`${PREFIX}feed/`).length;
  const row = (label: string, value: string, peer: string, ratio: string) =>
    console.log(`${label.padEnd(58)} ${value.padStart(14)}   ${peer.padEnd(40)} ${ratio}`);
  console.log(
    `\nsync (memory store double; ${PORTFOLIOS} portfolios on the device, ${DEVICES} devices, ${feedEntries} feed entries)`,
  );
  row('idle cycle: requests', String(idle), `naive per-portfolio listing: ${naive}`, `${(idle / naive).toFixed(3)}×`);
  row(
    '  formula 1 + ⌊E_W/1000⌋ + waiting folders (E_W = 0, none)',
    String(1),
    `deep scan once a day: 1 + ${PORTFOLIOS}`,
    `look-back ${DEFAULT_RULES.lookBackMs / 60_000} min`,
  );
  row(
    'one evidence item with a 3 MB photo: bytes sent',
    String(sent),
    `photo: ${photo.size}`,
    `${(sent / photo.size).toFixed(3)}× (+${((sent - photo.size) / 1024).toFixed(1)} KB)`,
  );
  row('  time until the second device has it (no network)', `${untilOtherMs.toFixed(0)} ms`, '', '');
  row('first sync of the device (pushes 200 full bundles)', `${firstSyncMs.toFixed(0)} ms`, '', '');
}
