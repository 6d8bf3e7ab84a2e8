// Devices and people for the attack tests (issue 10): each device is a fresh database with its own signing key;
// portfolios are made with the storage layer's own functions, and bundles leave by export as the app makes them.
// An attacker's records are made on the attacker's own device (with whatever ids it likes) and signed with its key,
// as its export would sign them; a tampered bundle is signed again with the attacker's key (helpers.resignedWith).
import { expect } from 'vitest';
import { db, setDatabase, type FieldfolioDB } from '../../../src/storage/db';
import {
  createEnrolment,
  recordCriterionDecision,
  saveEvidence,
  savePerson,
  signOffUnit,
  signOwnRecords,
  thisDeviceEntry,
} from '../../../src/storage';
import { BundleRefused, exportPortfolio, importBundle, type ImportMode } from '../../../src/bundle';
import { emptyRecordSet, type Person, type RecordSet } from '../../../src/domain';
import { device, resignedWith, snapshot, specs } from '../bundle/helpers';
import { importBundle as importTrusting } from '../bundle/trusting';

export const UNIT = specs[0]!.units[0]!.code;

export interface Device {
  db: FieldfolioDB;
  id: string;
  /** The full fingerprint of its key. */
  key: string;
  publicKey: string;
}

/** A new device, made current. */
export async function newDevice(name: string): Promise<Device> {
  const database = await device(name);
  const entry = await thisDeviceEntry();
  return { db: database, id: entry.deviceId, key: entry.deviceKey, publicKey: entry.publicKey };
}

/** Makes `d` the current device. */
export const switchTo = (d: Device) => setDatabase(d.db);

/** Exports a portfolio on `from` and imports it on `to` as the app does (untrusting); `to` is left current. */
export async function send(from: Device, to: Device, portfolioId: string, mode: ImportMode = 'merge') {
  switchTo(from);
  const { blob } = await exportPortfolio(portfolioId);
  switchTo(to);
  return (await importBundle(blob, mode)).result;
}

/** Gives `to` the portfolio as `from` holds it, its keys accepted (a device set up with it); `to` is left current. */
export async function copyPortfolio(from: Device, to: Device, portfolioId: string): Promise<void> {
  switchTo(from);
  const { blob } = await exportPortfolio(portfolioId);
  switchTo(to);
  await importTrusting(blob, 'restore');
}

export const candidate = (name: string) => savePerson({ name, roles: ['candidate'] });
export const assessor = (name: string, status: 'qualified' | 'working-towards' = 'qualified') =>
  savePerson({ name, roles: ['assessor'], assessorStatus: status });

/** A portfolio on the current device: its candidate, assessor (if any), and one piece of evidence. */
export async function portfolio(candidateOf: Person, assessorOf: Person | null, id?: string) {
  const enrolment = await createEnrolment({
    id,
    candidateId: candidateOf.id,
    assessorId: assessorOf?.id ?? null,
    specId: specs[0]!.id,
    specVersion: specs[0]!.version,
    route: [],
    startDate: '2026-02-01',
  });
  const evidence = await saveEvidence({
    evidence: { portfolioId: enrolment.id, type: 'P', title: `Observed: ${candidateOf.name}`, date: '2026-03-01' },
  });
  return { id: enrolment.id, evidence };
}

/** A signature as a person makes it on screen. */
export const signatureBy = (person: Person, role = 'Assessor') => ({
  typedName: person.name,
  role,
  personId: person.id,
  image: '',
});

/** UNIT signed off on the current device in `assessorOf`'s name, with their signature. */
export const signOffBy = (portfolioId: string, assessorOf: Person, date: string) =>
  signOffUnit({ portfolioId, unitCode: UNIT, assessorId: assessorOf.id, date, signature: signatureBy(assessorOf) });

/** UNIT's first criterion judged met on the current device in `assessorOf`'s name. */
export const criterionMetBy = (portfolioId: string, assessorOf: Person, date: string) =>
  recordCriterionDecision({
    portfolioId,
    unitCode: UNIT,
    criterionKey: `${UNIT}|pc|1|1`,
    outcome: 'met',
    assessorId: assessorOf.id,
    date,
  });

/** Records as the current device's export would sign them (and keep their signatures). */
export async function signedHere(records: Partial<RecordSet>): Promise<RecordSet> {
  return signOwnRecords({ ...emptyRecordSet(), ...records });
}

type PortfolioJson = { records: Record<string, unknown[]>; audit: unknown[] };

/** Adds records and audit entries to a bundle's portfolio.json; signed again with the current device's key. */
export function withExtra(blob: Blob, extra: { records?: Partial<RecordSet>; audit?: unknown[] }): Promise<Blob> {
  return resignedWith(blob, (files) => {
    const file = JSON.parse(files['data/portfolio.json']!) as PortfolioJson;
    for (const [table, rows] of Object.entries(extra.records ?? {})) file.records[table]!.push(...(rows as unknown[]));
    file.audit.push(...(extra.audit ?? []));
    files['data/portfolio.json'] = JSON.stringify(file, null, 1);
  });
}

/** Imports on the current device: must be refused as a whole, leave the database as it was, and say why. */
export async function refused(blob: Blob, mode: ImportMode = 'restore'): Promise<string[]> {
  const before = await snapshot();
  const error = await importBundle(blob, mode).then(
    () => null,
    (e: unknown) => e,
  );
  expect(error).toBeInstanceOf(BundleRefused);
  expect(await snapshot()).toEqual(before);
  return (error as BundleRefused).reasons;
}

/** The held changes on the current device, as "table reason" lines. */
export async function heldReasons(portfolioId: string): Promise<string[]> {
  const held = await db().held.where('portfolioId').equals(portfolioId).toArray();
  return held.map((h) => `${h.table} ${h.reason}`);
}
