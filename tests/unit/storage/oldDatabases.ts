// Databases as earlier versions of the app left them, for the migration tests: a database opened at an old schema
// version under a fresh name, records in the shape that version stored them, and the app's upgrade of it.
import Dexie from 'dexie';
import { expect } from 'vitest';
import {
  DB_VERSION,
  FieldfolioDB,
  STORES_V1,
  STORES_V2,
  STORES_V3,
  STORES_V4,
  STORES_V5,
  setDatabase,
} from '../../../src/storage/db';

const STORES_BY_VERSION = [STORES_V1, STORES_V2, STORES_V3, STORES_V4, STORES_V5];

/** A database at schema version `version` (1 to 5), opened as that version of the app opened it. */
export async function openOldDatabase(version: number): Promise<Dexie> {
  const old = new Dexie(`v${version}-${Math.random()}`);
  STORES_BY_VERSION.slice(0, version).forEach((stores, i) => old.version(i + 1).stores(stores));
  await old.open();
  return old;
}

/** Closes the old database and opens it as the app does now, which runs every upgrade since. */
export async function upgradeToCurrent(old: Dexie): Promise<FieldfolioDB> {
  old.close();
  const upgraded = new FieldfolioDB(old.name);
  setDatabase(upgraded);
  await upgraded.open();
  expect(upgraded.verno).toBe(DB_VERSION);
  return upgraded;
}

/** What every record carried from schema version 3 on: written on one device ('phone'), at its `rev`-th version. */
export const v3Meta = (rev: number, at = '2026-03-02T03:04:05.000Z') => ({
  createdAt: at,
  updatedAt: at,
  rev,
  clock: { phone: rev },
  deviceId: 'phone',
  deleted: false,
  schemaVersion: 3,
});

/** Stored record fields as old versions wrote them; `meta` is the version's own metadata. */
type Meta = Record<string, unknown>;

export const oldPerson = <M extends Meta>(meta: M, fields: Meta = {}) => ({
  id: 'p1',
  ...meta,
  name: 'Cand',
  roles: ['candidate'],
  ...fields,
});

export const oldEnrolment = <M extends Meta>(meta: M, fields: Meta = {}) => ({
  id: 'e1',
  ...meta,
  candidateId: 'p1',
  specId: 'svq2-customer-service-scqf5',
  specVersion: '1.0.0',
  route: ['F1'],
  startDate: '2026-01-01',
  ...fields,
});

/** Evidence as version 1 stored it: no simulation flag, criteria in a table of their own. */
export const v1Evidence = <M extends Meta>(meta: M, fields: Meta = {}) => ({
  id: 'ev1',
  ...meta,
  portfolioId: 'e1',
  type: 'O',
  title: 'Observed',
  date: '2026-01-01',
  ...fields,
});

/** Evidence as versions 2 on stored it, its criteria on itself. */
export const oldEvidence = <M extends Meta>(meta: M, fields: Meta = {}) =>
  v1Evidence(meta, { simulation: false, criteria: [], ...fields });

export const oldMedia = <M extends Meta>(meta: M, fields: Meta = {}) => ({
  id: 'm1',
  ...meta,
  portfolioId: 'e1',
  evidenceId: 'ev1',
  mimeType: 'image/png',
  size: 3,
  sha256: 'a'.repeat(64),
  blob: new Blob(['png']),
  ...fields,
});
