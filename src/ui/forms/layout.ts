import type { FormField } from '../../domain';

/** Rows of a section as the seed lays them out: two half-width fields in a row, every other field alone. */
export function pairHalfWidth(fields: readonly FormField[]): FormField[][] {
  const rows: FormField[][] = [];
  for (const f of fields) {
    const last = rows[rows.length - 1];
    if (f.half && last && last.length === 1 && last[0]!.half) last.push(f);
    else rows.push([f]);
  }
  return rows;
}
