import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import {
  EVIDENCE_TYPE_LABELS,
  EVIDENCE_TYPES,
  evidenceTypesForUnit,
  NOT_MAPPED,
  parseSpec,
  simulationAllowed,
  type QualificationSpec,
} from '../../../src/domain';
import { bundledSpecFiles, loadSpec, SPEC_DIR } from './loadSpecs';

const unit = (spec: QualificationSpec, code: string) => spec.units.find((u) => u.code === code)!;
const names = (spec: QualificationSpec, code: string) =>
  evidenceTypesForUnit(spec, unit(spec, code)).map((t) => t.name);

describe('one evidence-type vocabulary', () => {
  it('has one label for each record type', () => {
    expect(Object.keys(EVIDENCE_TYPE_LABELS)).toEqual([...EVIDENCE_TYPES]);
  });

  it.each(bundledSpecFiles())('%s maps every evidence type explicitly: a record type, or why none', (file) => {
    const raw = JSON.parse(readFileSync(join(SPEC_DIR, file), 'utf8')) as {
      evidenceTypes: Array<Record<string, unknown>>;
    };
    for (const t of raw.evidenceTypes) expect(t, String(t.name)).toHaveProperty('recordType');
    const spec = loadSpec(file.replace(/\.json$/, ''));
    for (const t of spec.evidenceTypes) {
      if (t.recordType === null) expect(t.noRecordType, t.name).toBeTruthy();
      else expect(EVIDENCE_TYPES).toContain(t.recordType);
    }
  });

  it('parseSpec rejects a missing reason, a reason beside a record type, simulation as a record type, unknown units', () => {
    const spec = JSON.parse(readFileSync(join(SPEC_DIR, 'btec-l3-dip-customer-service-specialists.json'), 'utf8'));
    spec.evidenceTypes = [
      { code: null, name: 'no reason', recordType: null },
      { code: 'P', name: 'reason and type', recordType: 'P', noRecordType: 'why' },
      { code: 'S', name: 'simulation', recordType: 'O', simulation: true },
      { code: 'P', name: 'a second P', recordType: 'P', units: ['99'] },
      { code: 'X', name: 'unknown record type', recordType: 'XYZ' },
    ];
    const message = (() => {
      try {
        parseSpec(spec, 'dip.json');
        return '';
      } catch (e) {
        return (e as Error).message;
      }
    })();
    expect(message).toContain('dip.json: $.evidenceTypes[4].recordType');
    spec.evidenceTypes.pop();
    expect(() => parseSpec(spec, 'dip.json')).toThrow(
      [
        'dip.json: $.evidenceTypes[0]: no record type: say why in "noRecordType"',
        'dip.json: $.evidenceTypes[1].noRecordType: has a record type, so "noRecordType" must be absent',
        'dip.json: $.evidenceTypes[2].recordType: simulation is a flag on evidence: its recordType is null',
        'dip.json: $.evidenceTypes[3].code: duplicate evidence type code "P"',
        'dip.json: $.evidenceTypes[3].units[0]: unknown unit "99"',
      ].join('\n'),
    );
  });

  it('a spec stored before the mapping is still read: not mapped, S and SIM as simulation', () => {
    const spec = JSON.parse(readFileSync(join(SPEC_DIR, 'svq4-customer-service-scqf8.json'), 'utf8'));
    spec.evidenceTypes = [
      { code: 'O', name: 'Observation' },
      { code: 'SIM', name: 'Simulation' },
    ];
    const read = parseSpec(spec);
    expect(read.evidenceTypes).toEqual([
      { code: 'O', name: 'Observation', recordType: null, noRecordType: NOT_MAPPED },
      { code: 'SIM', name: 'Simulation', recordType: null, noRecordType: NOT_MAPPED, simulation: true },
    ]);
    expect(simulationAllowed(read, read.units[0])).toBe(true);
  });
});

describe('the evidence types a unit allows', () => {
  it('VTCT: no simulation where the unit says "Simulation is not allowed"; the guided discussion only for CC20 and CC39', () => {
    const vtct = loadSpec('vtct-l3-dip-customer-service');
    expect(names(vtct, 'BUS59')).not.toContain('Simulation');
    expect(names(vtct, 'IT301')).toContain('Simulation');
    expect(names(vtct, 'CC20')).toContain('a guided discussion with their assessor');
    expect(names(vtct, 'BUS59')).not.toContain('a guided discussion with their assessor');
    expect(evidenceTypesForUnit(vtct, undefined)).toEqual(vtct.evidenceTypes);
  });

  it('BTEC Diploma: knowledge units get the knowledge-unit forms, skills units the coded skills-unit forms', () => {
    const dip = loadSpec('btec-l3-dip-customer-service-specialists');
    const knowledge = evidenceTypesForUnit(dip, unit(dip, '2'));
    expect(knowledge.map((t) => t.code)).toEqual([null, null, null, null, null, null, null, 'RPL']);
    expect(knowledge[0]).toMatchObject({ name: 'written tasks or reports', recordType: 'P' });
    const skills = evidenceTypesForUnit(dip, unit(dip, '6'));
    expect(skills.map((t) => t.code)).toEqual(['O', 'Q&A', 'P', 'RA', 'PD', 'WT', 'S', 'EWT', 'RPL']);
  });

  it("SVQ2: the seed's P (Personal Statement) is recorded as RA, S is simulation", () => {
    const svq2 = loadSpec('svq2-customer-service-scqf5');
    expect(svq2.evidenceTypes.find((t) => t.code === 'P')).toMatchObject({
      name: 'Personal Statement',
      recordType: 'RA',
    });
    expect(svq2.evidenceTypes.find((t) => t.code === 'S')).toMatchObject({ recordType: null, simulation: true });
    expect(simulationAllowed(svq2, unit(svq2, 'C5'))).toBe(false);
  });
});
