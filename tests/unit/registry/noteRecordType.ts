// A record type that exists only in tests: a note about a portfolio. It is written exactly as an app record
// type is (one module), so the registry test can show that a new type needs this module and one registry line.
import { z } from 'zod';
import { metaFields, RECORD_SCHEMA_VERSION, recordFactory } from '../../../src/domain/records/meta';
import { defineRecordType } from '../../../src/domain/records/recordType';

export const Note = z
  .object({
    ...metaFields(),
    portfolioId: z.string().min(1),
    text: z.string().min(1),
  })
  .loose();
export type Note = z.infer<typeof Note>;

export const newNote = recordFactory(Note);

export const noteRecordType = defineRecordType({
  table: 'notes',
  schema: Note,
  // New now: it has no older shapes, so no migrations yet.
  introducedIn: RECORD_SCHEMA_VERSION,
  migrations: [],
  indexes: 'id, portfolioId',
  travels: true,
  portfolioScoped: true,
  // Content of a portfolio: the candidate or an assessor may change it (docs/trust.md).
  changedBy: 'content',
});
