// Which bundled spec files (by their content-hashed addresses) are already in the database: the app start skips
// fetching and validating ~560 KB of spec JSON when the files it ships are the ones it stored last time — on a
// phone with the CPU slowed 4×, that work took seconds of every start (docs/performance.md).
import { db } from './db';

const SPEC_FILES_KEY = 'bundledSpecFiles';

const sameFiles = (a: readonly string[], b: readonly string[]) =>
  a.length === b.length && [...a].sort().every((file, i) => file === [...b].sort()[i]);

/** True when exactly these spec files were stored by an earlier start. */
export async function bundledSpecFilesStored(files: readonly string[]): Promise<boolean> {
  const row = await db().settings.get(SPEC_FILES_KEY);
  return Array.isArray(row?.value) && sameFiles(row.value as string[], files);
}

/** Records that these spec files are stored (after storeSpecs succeeded for every one of them). */
export async function noteBundledSpecFilesStored(files: readonly string[]): Promise<void> {
  await db().settings.put({ key: SPEC_FILES_KEY, value: [...files] });
}
