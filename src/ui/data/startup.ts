// Once per app start: copy the bundled specs into the database (so portfolios open offline with the exact
// spec version they were enrolled on) and ask the browser to keep this origin's data.
import {
  bundledSpecFilesStored,
  noteBundledSpecFilesStored,
  requestPersistentStorage,
  storeSpecs,
} from '../../storage';
import { bundledSpecUrls, loadBundledSpecs } from './bundledSpecs';

let started: Promise<void> | null = null;

/** Reads, validates and stores the shipped specs, unless these very files were stored by an earlier start. */
async function storeBundledSpecs(): Promise<void> {
  const files = bundledSpecUrls();
  if (await bundledSpecFilesStored(files)) return;
  const { specs, errors } = await loadBundledSpecs();
  await storeSpecs(specs, 'bundled');
  // A file that failed is tried again next start.
  if (errors.length === 0) await noteBundledSpecFilesStored(files);
}

export function startApp(): Promise<void> {
  started ??= (async () => {
    await storeBundledSpecs();
    await requestPersistentStorage().catch(() => false);
  })();
  return started;
}
