// Dexie middleware for tests that need a write to fail part-way (a full disk, a broken device) or to see which
// tables a transaction wrote: one hook before each write reaches its table.
import type { DBCore, DBCoreMutateRequest, Middleware } from 'dexie';
import { strictDb } from '../../src/storage/db';

/** Runs `beforeWrite` before every write reaches its table; what it throws fails that write, as the disk would. */
export const onEachWrite = (
  name: string,
  beforeWrite: (tableName: string, req: DBCoreMutateRequest) => void,
): Middleware<DBCore> => ({
  stack: 'dbcore',
  name,
  create: (down) => ({
    ...down,
    table: (tableName) => {
      const table = down.table(tableName);
      return {
        ...table,
        mutate: async (req) => {
          beforeWrite(tableName, req);
          return table.mutate(req);
        },
      };
    },
  }),
});

/** Installs middleware on the connection saves commit through (strict durability), reopening it so it applies. */
export async function useOnStrictConnection(middleware: Middleware<DBCore>): Promise<void> {
  strictDb().use(middleware);
  // Middleware takes effect when the database is (re)opened.
  strictDb().close();
  await strictDb().open();
}
