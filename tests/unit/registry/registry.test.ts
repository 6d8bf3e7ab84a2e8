// The record-type registry: its migration sequences are checked when it is made, and everything that lists
// record tables follows it.
import { describe, expect, it } from 'vitest';
import {
  addClock,
  checkMigrations,
  MIGRATIONS,
  RECORD_SCHEMA_VERSION,
  RECORD_SCHEMAS,
  RECORD_TABLES,
  RECORD_TYPES,
  recordRegistry,
  TRAVELLING_TABLES,
  emptyRecordSet,
  unchangedIn,
  type Migration,
} from '../../../src/domain';
import { noteRecordType } from './noteRecordType';

const step = (to: number): Migration => ({ name: `v${to}: a step`, to, up: (r) => r });

describe('migration sequences', () => {
  it('every app record type rises by one version per step, with no gaps, up to the current version', () => {
    for (const type of RECORD_TYPES) {
      expect(() => checkMigrations(type)).not.toThrow();
      // Types of the first release have a step to each later version; those new in v3 (centre QA) have none.
      const steps = Array.from(
        { length: RECORD_SCHEMA_VERSION - type.introducedIn },
        (_, i) => type.introducedIn + 1 + i,
      );
      expect(type.migrations.map((m) => m.to)).toEqual(steps);
    }
    expect(RECORD_SCHEMA_VERSION).toBe(3);
  });

  it('a gap is refused with a message naming the type, the step and the version it should go to', () => {
    const gap = { table: 'people', introducedIn: 1, migrations: [addClock] };
    expect(() => checkMigrations(gap)).toThrow(
      'Record type "people": migration 1 ("v3: every record gains a version vector (clock), from its revision") goes to version 3, but the sequence must rise by one with no gaps from version 1, so it should go to 2.',
    );
  });

  it('steps out of order, repeated, or beyond the current record schema version are refused', () => {
    expect(() => checkMigrations({ table: 'x', introducedIn: 1, migrations: [step(3), step(2)] })).toThrow(
      /should go to 2/,
    );
    expect(() => checkMigrations({ table: 'x', introducedIn: 1, migrations: [step(2), step(2)] })).toThrow(
      /should go to 3/,
    );
    expect(() => checkMigrations({ table: 'x', introducedIn: 1, migrations: [step(2), step(3), step(4)] })).toThrow(
      'Record type "x": migration "v4: a step" goes to version 4, beyond the record schema version 3 (raise RECORD_SCHEMA_VERSION in domain/records/meta.ts).',
    );
  });

  it('a type new in the current version needs no step; unchanged versions are named steps that keep the record', () => {
    expect(() => checkMigrations(noteRecordType)).not.toThrow();
    const record = { id: 'x', a: 1 };
    expect(unchangedIn(2).up(record)).toEqual(record);
  });

  it('the check runs when a registry is made', () => {
    const broken = { ...noteRecordType, introducedIn: 1, migrations: [addClock] };
    expect(() => recordRegistry([...RECORD_TYPES, broken])).toThrow(/Record type "notes": migration 1/);
    expect(() => recordRegistry([...RECORD_TYPES, RECORD_TYPES[0]])).toThrow('Two record types share a table name.');
  });
});

describe('what the registry derives', () => {
  it('one schema, one migration sequence and one table per record type, in the order of the list', () => {
    const tables = RECORD_TYPES.map((t) => t.table);
    expect(RECORD_TABLES).toEqual(tables);
    expect(Object.keys(RECORD_SCHEMAS)).toEqual(tables);
    expect(Object.keys(MIGRATIONS)).toEqual(tables);
    expect(TRAVELLING_TABLES).toEqual([
      'enrolments',
      'people',
      'evidence',
      'media',
      'decisions',
      'signatures',
      'forms',
      // Centre QA on a portfolio travels with it; plans, standardisation, CPD and appeals stay (docs/centre-qa.md).
      'iqaDecisions',
      'qaActions',
    ]);
    expect(emptyRecordSet()).toEqual(Object.fromEntries(TRAVELLING_TABLES.map((t) => [t, []])));
  });

  it('a registry of a longer list reads the new type, and says so for a table it does not know', () => {
    const registry = recordRegistry([...RECORD_TYPES, noteRecordType]);
    expect(registry.TRAVELLING_TABLES).toContain('notes');
    const at = '2026-06-01T09:00:00.000Z';
    const raw = { id: 'n1', createdAt: at, updatedAt: at, deviceId: 'd', portfolioId: 'p', text: 'hello', extra: 1 };
    expect(registry.readRecord('notes', raw)).toMatchObject({ text: 'hello', extra: 1, rev: 1, schemaVersion: 3 });
    expect(() => registry.readRecord('nonsense', raw)).toThrow(
      'No record type is registered for the table "nonsense".',
    );
  });
});
