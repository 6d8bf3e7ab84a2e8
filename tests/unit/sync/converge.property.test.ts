// Property: whatever the interleaving of saves, syncs and bundles carried by hand among three devices — with bad
// objects planted in the bucket among theirs (garbage, a truncated copy, another folder's bundle), each posing as
// the newest whole bundle of a folder — once every device has synced enough the three hold the same records, none
// lost, and the same conflicts; and a fourth device that joins only at the end, from the whole bundles, too. In some
// runs the phone hands its records to the tablet by hand and never syncs again: the tablet must relay them.
import 'fake-indexeddb/auto';
import { describe, expect, it } from 'vitest';
import fc from 'fast-check';
import { db } from '../../../src/storage/db';
import { saveEvidence, updateEvidenceDetails } from '../../../src/storage';
import { exportPortfolio, importBundle } from '../../../src/bundle';
import { installFileClock } from '../bundle/helpers';
import { portfolio } from '../trust/world';
import { MemoryStore } from './memoryStore';
import { syncLayout } from '../../../src/sync';
import { acceptEachOther, on, person, PREFIX, sync, syncDevice, usedBy, type SyncDevice } from './world';

installFileClock();

type Op =
  | { kind: 'add'; device: number; title: string }
  | { kind: 'edit'; device: number; pick: number; title: string }
  | { kind: 'sync'; device: number }
  | { kind: 'carry'; from: number; to: number }
  | { kind: 'plant'; device: number; how: 'garbage' | 'truncated' | 'misplaced' };

const device = fc.integer({ min: 0, max: 2 });
const title = fc.constantFrom('a', 'b', 'c', 'd');
const op: fc.Arbitrary<Op> = fc.oneof(
  fc.record({ kind: fc.constant('add' as const), device, title }),
  fc.record({ kind: fc.constant('edit' as const), device, pick: fc.nat(5), title }),
  fc.record({ kind: fc.constant('edit' as const), device, pick: fc.nat(5), title }),
  fc.record({ kind: fc.constant('sync' as const), device }),
  fc.record({ kind: fc.constant('carry' as const), from: device, to: device }),
  fc.record({ kind: fc.constant('plant' as const), device, how: fc.constantFrom('garbage', 'truncated', 'misplaced') }),
);

const ADD_ON_PHONE: Op = { kind: 'add', device: 0, title: 'a' };

const hasPortfolio = (d: SyncDevice, id: string) => on(d, async () => !!(await db().enrolments.get(id)));

/**
 * A bad object named as a whole bundle just after the device's newest object, when that one holds changes (so the
 * name is one its writer never uses): every reader meets it, and a device that joins would start from it.
 */
function plant(store: MemoryStore, devices: SyncDevice[], portfolioId: string, o: Extract<Op, { kind: 'plant' }>) {
  const folder = (d: SyncDevice) => syncLayout.bundleFolder(`${PREFIX}/`, portfolioId, d.id);
  const newest = store.keys(folder(devices[o.device]!)).pop();
  if (!newest?.endsWith('-changes.zip')) return false;
  const elsewhere = devices.flatMap((d) => (d === devices[o.device] ? [] : store.keys(folder(d)))).pop();
  const real = store.objects.get(newest)!;
  const bytes =
    o.how === 'truncated'
      ? real.slice(0, real.length >> 1)
      : o.how === 'misplaced' && elsewhere
        ? store.objects.get(elsewhere)!
        : new Uint8Array(real.length).fill(0x5a);
  store.objects.set(newest.replace('-changes.zip', '-full.zip'), bytes);
  return true;
}

async function apply(devices: SyncDevice[], portfolioId: string, o: Op, store: MemoryStore): Promise<void> {
  if (o.kind === 'plant') return void plant(store, devices, portfolioId, o);
  if (o.kind === 'sync') return void (await sync(devices[o.device]!));
  if (o.kind === 'carry') {
    const [from, to] = [devices[o.from]!, devices[o.to]!];
    if (from === to || !(await hasPortfolio(from, portfolioId))) return;
    const blob = await on(from, async () => (await exportPortfolio(portfolioId)).blob);
    const mode = (await hasPortfolio(to, portfolioId)) ? 'merge' : 'restore';
    return void (await on(to, () => importBundle(blob, mode)));
  }
  const d = devices[o.device]!;
  if (!(await hasPortfolio(d, portfolioId))) return;
  if (o.kind === 'add') {
    await on(d, () => saveEvidence({ evidence: { portfolioId, type: 'O', title: o.title, date: '2026-03-01' } }));
    return;
  }
  const items = await on(d, () => db().evidence.where('portfolioId').equals(portfolioId).sortBy('createdAt'));
  const item = items[o.pick % items.length];
  if (item) await on(d, () => updateEvidenceDetails(portfolioId, item.id, { title: `${item.title}+${o.title}` }));
}

/** What must agree: every record version in force, and the conflicts kept. */
const state = (d: SyncDevice) =>
  on(d, async () => ({
    evidence: (await db().evidence.toArray()).map((e) => [e.id, e.title, e.clock, e.deleted]).sort(),
    enrolments: (await db().enrolments.toArray()).map((e) => [e.id, e.clock]).sort(),
    conflicts: (await db().conflicts.toArray()).map((c) => c.id).sort(),
  }));

describe('three devices converge', () => {
  let runsWithConflicts = 0;
  let lateRefusals = 0;
  let relays = 0;
  it('any interleaving of saves, syncs, hand-carried bundles and planted bad objects ends with the same records everywhere, a late joiner included', async () => {
    await fc.assert(
      fc.asyncProperty(fc.array(op, { minLength: 1, maxLength: 10 }), fc.boolean(), async (ops, phoneLost) => {
        const store = new MemoryStore();
        const phone = await syncDevice('phone', store);
        const sam = await person('Sam', 'assessor');
        const cara = await person('Cara', 'candidate');
        const { id } = await portfolio(cara, sam);
        const tablet = await syncDevice('tablet', store);
        const desktop = await syncDevice('desktop', store);
        const late = await syncDevice('late-laptop', store);
        const devices = [phone, tablet, desktop];
        await acceptEachOther([...devices, late], [sam, cara]);
        await usedBy(tablet, cara);
        await usedBy(desktop, sam);
        await usedBy(late, cara);
        // Everyone starts with the portfolio (discovered through the store), so edits can be concurrent.
        for (const d of devices) await sync(d);
        // The phone's folder ends in a changes bundle, so a bad whole bundle can be planted after it from the start.
        await apply(devices, id, { kind: 'add', device: 0, title: 'a' }, store);
        await sync(phone);
        const made = new Set<string>();
        for (const o of ops) {
          await apply(devices, id, o, store);
          for (const d of devices) {
            for (const e of await on(d, () => db().evidence.toArray())) made.add(e.id);
          }
        }
        // Sometimes the phone hands all it holds to the tablet as a file and is never seen again: what only the
        // phone had reaches the others solely through the tablet's pushes (a relay, selected by change seq).
        if (phoneLost) {
          const [onPhone, onTablet] = await Promise.all([phone, tablet].map(state));
          const tabletHas = new Set(onTablet!.evidence.map((e) => JSON.stringify(e)));
          if (onPhone!.evidence.some((e) => !tabletHas.has(JSON.stringify(e)))) relays++;
          await apply(devices, id, { kind: 'carry', from: 0, to: 1 }, store);
        }
        const staying = phoneLost ? [tablet, desktop] : devices;
        // Everyone still here syncs, twice round: the last round only confirms.
        for (let round = 0; round < 2; round++) for (const d of staying) await sync(d);
        // The late device joins now: from each folder's newest good whole bundle and the changes after it.
        lateRefusals += (await sync(late)).pulled.refused;
        const [first, ...others] = await Promise.all([...staying, late].map(state));
        for (const other of others) expect(other).toEqual(first);
        expect(new Set(first!.evidence.map((e) => e[0]))).toEqual(made);
        if (first!.conflicts.length > 0) runsWithConflicts++;
      }),
      {
        numRuns: 25,
        // Always tried: the phone records, the tablet pushes a change of its own later, then the phone's record
        // reaches it by hand and the phone is lost — selecting outgoing records by `updatedAt` since the tablet's
        // last push would never send the phone's record on.
        examples: [
          [[ADD_ON_PHONE, { kind: 'edit', device: 1, pick: 0, title: 'b' }, { kind: 'sync', device: 1 }], true],
          // A counterexample found by a long run (seed -1865131762): the second plant copies the tablet's planted
          // copy of the phone's changes bundle back into the phone's folder under a whole bundle's name — a genuine
          // phone bundle there — and the late device started from it and waited for ever (src/sync/apply.ts).
          [
            [
              { kind: 'edit', device: 1, pick: 0, title: 'a' },
              { kind: 'sync', device: 1 },
              { kind: 'plant', device: 1, how: 'misplaced' },
              { kind: 'plant', device: 0, how: 'misplaced' },
            ],
            false,
          ],
        ],
      },
    );
    // Not vacuous: concurrent edits happened, and were kept as conflicts on every device alike.
    expect(runsWithConflicts).toBeGreaterThan(0);
    // …and the late device met planted whole bundles, refused them and still ended with everything.
    expect(lateRefusals).toBeGreaterThan(0);
    // …and the phone left holding record versions only the tablet could send on.
    expect(relays).toBeGreaterThan(0);
  }, 600_000);
});
