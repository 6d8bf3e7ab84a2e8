// Bulk writes for imports and benchmarks: validated records written in chunks, each chunk one transaction
// (one giant transaction over hundreds of thousands of rows has crashed Chrome).
import { RECORD_SCHEMAS, type RecordOf, type RecordTable } from '../domain';
import { db } from './db';
import { explainWriteError } from './errors';

export const BULK_CHUNK = 2500;

export async function bulkPutRecords<T extends RecordTable>(
  table: T,
  records: Array<RecordOf<T>>,
  chunk = BULK_CHUNK,
): Promise<void> {
  const schema = RECORD_SCHEMAS[table];
  const t = db().table(table);
  for (let i = 0; i < records.length; i += chunk) {
    const slice = records.slice(i, i + chunk).map((r) => schema.parse(r));
    try {
      await t.bulkPut(slice);
    } catch (e) {
      throw explainWriteError(e, `${table} ${i + 1}–${i + slice.length}`);
    }
  }
}
