// The verifier's opened bundle survives a reload and a crash (data/keptOpenedFile.ts); their unexported decisions
// are kept beside it (draftKeys.verifierSamples).
import { verifyBundle, type VerifiedBundle } from '../../../bundle';
import { clearDraft, draftKeys } from '../../../storage';
import { keptOpenedFile } from '../../data/keptOpenedFile';
import { useVerifier } from '../../state/verifier';

const kept = keptOpenedFile<VerifiedBundle, ReturnType<typeof useVerifier.getState>>({
  key: draftKeys.verifierBundle(),
  store: useVerifier,
  current: (s) => s.bundle,
  verify: (file) => verifyBundle(file),
  noun: 'bundle',
  dropUnopenable: true,
});

/** Opens a verified bundle read-only and keeps its file on the device, so a reload finds it open. */
export const openReadOnly: (bundle: VerifiedBundle, file: File) => Promise<void> = kept.open;

/** Reopens the bundle kept on the device, if any (once, however many screens ask). */
export const restoreKeptBundle = kept.restore;

/** Closes the bundle: its file and the verifier's unexported decisions on it leave the device. */
export async function closeOpenedBundle(portfolioId: string): Promise<void> {
  await kept.forget();
  await clearDraft(draftKeys.verifierSamples(portfolioId));
  useVerifier.getState().close();
}

/** The opened bundle, reopening the kept one after a reload; `loading` while that is being checked. */
export function useOpenedBundle(): { bundle: VerifiedBundle | null; loading: boolean; problem: string | null } {
  const { opened, loading, problem } = kept.useOpened();
  return { bundle: opened, loading, problem };
}
