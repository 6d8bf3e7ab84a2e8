// Qualification specs kept in the database, so portfolios open offline with the exact spec version they
// were enrolled on.
import { parseSpec, type QualificationSpec } from '../domain';
import { nowIso } from './clock';
import { db } from './db';
import { explainWriteError } from './errors';

/** Stores validated specs (inside the caller's transaction when there is one: the specs table in its scope). */
export async function storeSpecs(specs: QualificationSpec[], source: 'bundled' | 'imported'): Promise<void> {
  try {
    // A spec version is immutable: only versions not yet on the device are written (this runs at every start).
    const have = await db().specs.bulkGet(specs.map((s) => [s.id, s.version] as [string, string]));
    const fresh = specs.filter((_, i) => !have[i]);
    if (fresh.length === 0) return;
    await db().specs.bulkPut(fresh.map((s) => ({ id: s.id, version: s.version, json: s, source, storedAt: nowIso() })));
  } catch (e) {
    throw explainWriteError(e, 'the qualification specs');
  }
}

// A stored spec version is never rewritten (storeSpecs skips versions it has), so each is parsed once per database.
const parsedSpecs = new WeakMap<object, Map<string, QualificationSpec>>();

export async function loadStoredSpec(id: string, version: string): Promise<QualificationSpec | null> {
  const database = db();
  const cache = parsedSpecs.get(database) ?? new Map<string, QualificationSpec>();
  parsedSpecs.set(database, cache);
  const key = `${id}@${version}`;
  // Not even read again: a spec's JSON is large (up to 190 KB here), and reading it back on every portfolio screen
  // measured some 15 ms of the 150 ms the screen takes to open.
  const known = cache.get(key);
  if (known) return known;
  const row = await database.specs.get([id, version]);
  if (!row) return null;
  const spec = parseSpec(row.json, key);
  cache.set(key, spec);
  return spec;
}

export async function listStoredSpecs(): Promise<QualificationSpec[]> {
  const rows = await db().specs.toArray();
  const specs: QualificationSpec[] = [];
  for (const row of rows) {
    try {
      specs.push(parseSpec(row.json, `${row.id}@${row.version}`));
    } catch {
      // A stored spec that no longer validates is skipped here; loadStoredSpec reports it when opened.
    }
  }
  return specs;
}
