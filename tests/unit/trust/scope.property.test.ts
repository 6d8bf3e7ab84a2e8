// Property (issue 10): whatever a bundle for a new portfolio carries (its own records, and records taking the ids
// of other portfolios' evidence, decisions, signatures, people and audit entries on the target), every record of
// every other portfolio on the target is unchanged after the import, refused or not. The attacker's key is
// accepted on the target for a qualified assessor and IQA, so scope alone stands between it and the rest.
import 'fake-indexeddb/auto';
import { beforeAll, describe, expect, it } from 'vitest';
import fc from 'fast-check';
import { acceptKey, savePerson } from '../../../src/storage';
import { write } from '../../../src/storage/write';
import { exportPortfolio, importBundle } from '../../../src/bundle';
import type { AuditEntry, Person, RecordSet } from '../../../src/domain';
import { installFileClock, snapshot } from '../bundle/helpers';
import {
  assessor,
  candidate,
  newDevice,
  portfolio,
  signatureBy,
  signedHere,
  signOffBy,
  UNIT,
  switchTo,
  withExtra,
} from './world';
import type { Device } from './world';

installFileClock();

const TABLES = ['evidence', 'decisions', 'signatures', 'people', 'audit'] as const;
type Reach = { table: (typeof TABLES)[number]; victim: number | null; deleted: boolean };

/** A record the bundle carries: its own (victim null), or one taking the id of the victim's record. */
const reach = fc.record({
  table: fc.constantFrom(...TABLES),
  victim: fc.option(fc.nat(1), { nil: null }),
  deleted: fc.boolean(),
});

interface Victim {
  portfolioId: string;
  ids: Record<Reach['table'], string>;
}

describe('property: a bundle leaves every other portfolio as it was', () => {
  let target: Device, attacker: Device;
  let mallory: Person;
  const victims: Victim[] = [];

  /** Every row of the victims' portfolios, their people and audit entries, as stored on the target. */
  async function othersOnTarget() {
    switchTo(target);
    const all = (await snapshot()) as Record<string, Array<Record<string, unknown>>>;
    const ids = new Set(victims.flatMap((v) => [v.portfolioId, v.ids.people]));
    const belongs = (table: string, row: Record<string, unknown>) =>
      ids.has(String(row.portfolioId)) || ((table === 'enrolments' || table === 'people') && ids.has(String(row.id)));
    return Object.fromEntries(Object.entries(all).map(([t, rows]) => [t, rows.filter((r) => belongs(t, r))]));
  }

  /** A fresh target for each run (so a failure shrinks to its own cause): two victim portfolios, the attacker accepted. */
  async function freshTarget() {
    target = await newDevice('target');
    victims.length = 0;
    const sam = await assessor('Sam');
    const max = await savePerson({ name: 'Max', roles: ['assessor', 'iqa'], assessorStatus: 'qualified' });
    for (const name of ['Vera', 'Walt']) {
      const person = await candidate(name);
      const { id, evidence } = await portfolio(person, sam);
      const signOff = await signOffBy(id, sam, '2026-04-01');
      const audit = (await snapshot()).audit as AuditEntry[];
      victims.push({
        portfolioId: id,
        ids: {
          evidence: evidence.id,
          decisions: signOff.id,
          signatures: signOff.signatureId!,
          people: person.id,
          audit: audit.find((a) => a.portfolioId === id)!.id,
        },
      });
    }
    await acceptKey({
      deviceKey: attacker.key,
      deviceId: attacker.id,
      personIds: [mallory.id, max.id],
      acceptedBy: null,
    });
  }

  beforeAll(async () => {
    attacker = await newDevice('attacker');
    mallory = await candidate('Mallory');
  });

  /** Makes the reach on the attacker's device, in its portfolio `own`; returns what must be slipped in by hand. */
  async function make(r: Reach, own: string, extra: { people: Person[]; audit: unknown[] }) {
    const id = r.victim === null ? undefined : victims[r.victim]!.ids[r.table];
    const base = { id, portfolioId: own, deleted: r.deleted };
    if (r.table === 'people') extra.people.push(await savePerson({ id, name: 'Renamed', roles: ['candidate'] }));
    else if (r.table === 'audit') {
      const portfolioId = r.victim === null ? own : victims[r.victim]!.portfolioId;
      const entry = { at: '2026-05-01T00:00:00.000Z', actorId: null, deviceId: attacker.id, action: 'x' };
      extra.audit.push({
        ...entry,
        id: id ?? `own-${own}-${extra.audit.length}`,
        portfolioId,
        recordType: 'x',
        recordId: 'x',
      });
    } else if (r.table === 'evidence')
      await write('attack', own, (ctx) => ctx.put('evidence', { ...base, type: 'P', title: 'x', date: '2026-05-01' }));
    else if (r.table === 'decisions') {
      const decision = {
        kind: 'unit-signoff',
        unitCode: UNIT,
        outcome: 'met',
        assessorId: mallory.id,
        date: '2026-05-01',
      };
      await write('attack', own, (ctx) => ctx.put('decisions', { ...base, ...decision }));
    } else {
      const signature = {
        // Mallory signs as what she is: the write path refuses a candidate signing as assessor (signerRoles).
        ...signatureBy(mallory, 'Candidate'),
        purpose: 'evidence',
        subjectId: own,
        signedAt: '2026-05-01T00:00:00.000Z',
      };
      await write('attack', own, (ctx) => ctx.put('signatures', { ...base, ...signature }));
    }
  }

  it('holds for any mix of own records and reaches into other portfolios', async () => {
    await fc.assert(
      fc.asyncProperty(fc.array(reach, { maxLength: 6 }), async (reaches) => {
        await freshTarget();
        const before = await othersOnTarget();
        switchTo(attacker);
        const own = (await portfolio(mallory, null)).id;
        const extra = { people: [] as Person[], audit: [] as unknown[] };
        for (const r of reaches) await make(r, own, extra);
        const exported = (await exportPortfolio(own)).blob;
        const records: Partial<RecordSet> = await signedHere({ people: extra.people });
        const blob = await withExtra(exported, { records: { people: records.people }, audit: extra.audit });
        switchTo(target);
        await importBundle(blob, 'restore').catch(() => undefined);
        expect(await othersOnTarget()).toEqual(before);
      }),
      { numRuns: 50 },
    );
  }, 60_000);
});
