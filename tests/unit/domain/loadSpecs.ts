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
