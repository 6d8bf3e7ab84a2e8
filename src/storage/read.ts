// The one read path: every record read is migrated and validated (readRecord); one that fails is reported,
// never silently dropped. Deleted records (tombstones) are left out of the lists.
import { readRecord, type RecordOf, type RecordTable } from '../domain';
import { db } from './db';

/**
 * Records already validated in this session, by version: a version (id, rev, clock, update time, device) never
 * changes once written, so re-reading it (every live query re-runs on each change) need not re-validate it.
 */
const validatedVersions = new Map<string, unknown>();
const VALIDATED_VERSIONS_KEPT = 50_000;

function readRecordOnce<T extends RecordTable>(table: T, raw: Record<string, unknown>): RecordOf<T> {
  const version = [raw.id, raw.rev, raw.updatedAt, raw.deviceId, JSON.stringify(raw.clock), raw.schemaVersion];
  const key = `${table}|${version.map(String).join('|')}`;
  const known = validatedVersions.get(key) as RecordOf<T> | undefined;
  if (known) return known;
  const record = readRecord(table, raw);
  if (validatedVersions.size >= VALIDATED_VERSIONS_KEPT) validatedVersions.clear();
  validatedVersions.set(key, record);
  return record;
}

/** The live records among stored rows; each one that fails validation adds a line to `problems`. */
export function validRecords<T extends RecordTable>(table: T, rows: unknown[], problems: string[]): RecordOf<T>[] {
  const out: RecordOf<T>[] = [];
  for (const row of rows) {
    const { blob: _blob, ...rest } = row as Record<string, unknown>;
    if (rest.deleted) continue;
    try {
      out.push(readRecordOnce(table, rest));
    } catch (e) {
      problems.push(`${table} ${String(rest.id)}: ${(e as Error).message}`);
    }
  }
  return out;
}

/** The stored rows of a portfolio-scoped table for one portfolio, tombstones included. */
export function portfolioRows(table: RecordTable, portfolioId: string): Promise<unknown[]> {
  return db().table(table).where('portfolioId').equals(portfolioId).toArray();
}

/** The live records of one portfolio in a portfolio-scoped table, validated. */
export async function portfolioRecords<T extends RecordTable>(
  table: T,
  portfolioId: string,
  problems: string[] = [],
): Promise<RecordOf<T>[]> {
  return validRecords(table, await portfolioRows(table, portfolioId), problems);
}
