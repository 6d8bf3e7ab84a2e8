import { readFileSync, readdirSync } from 'node:fs';
import { join } from 'node:path';
import { parseSpec, type QualificationSpec } from '../../../src/domain';

export const SPEC_DIR = join(__dirname, '../../../specs');

export function bundledSpecFiles(): string[] {
  return readdirSync(SPEC_DIR).filter((f) => f.endsWith('.json') && f !== 'schema.json');
}

export function loadSpec(id: string): QualificationSpec {
  return parseSpec(readFileSync(join(SPEC_DIR, `${id}.json`), 'utf8'), `${id}.json`);
}

/** The fields of a made-up qualification's spec before its groups, units and rules (specs written in a test). */
export const testSpecHeader = (id: string, title: string, source: { file: string; section: string }) => ({
  id,
  version: '1',
  title,
  awardingBody: 'Test',
  qualificationNumbers: [],
  framework: 'RQF',
  level: 3,
  credits: null,
  tqt: null,
  glh: null,
  source,
});
