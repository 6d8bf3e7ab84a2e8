// Once per app start: copy the bundled specs into the database (so portfolios open offline with the exact
// spec version they were enrolled on) and ask the browser to keep this origin's data.
import { requestPersistentStorage, storeSpecs } from '../../storage';
import { loadBundledSpecs } from './bundledSpecs';

let started: Promise<void> | null = null;

export function startApp(): Promise<void> {
  started ??= (async () => {
    const { specs } = await loadBundledSpecs();
    await storeSpecs(specs, 'bundled');
    await requestPersistentStorage().catch(() => false);
  })();
  return started;
}
