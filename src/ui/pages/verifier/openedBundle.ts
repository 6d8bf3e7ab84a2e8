// The verifier's opened bundle survives a reload and a crash: its file is kept in the drafts table when opened,
// verified again (every hash and the signature) when the app starts without it, and dropped only when the
// verifier closes it. Their unexported decisions are kept beside it (draftKeys.verifierSamples).
import { useEffect } from 'react';
import { verifyBundle, type VerifiedBundle } from '../../../bundle';
import { clearDraft, draftKeys, loadDraft, nowIso, saveDraft } from '../../../storage';
import { useVerifier } from '../../state/verifier';

/** What the drafts table keeps of an opened bundle. */
interface KeptBundle {
  file: Blob;
  name: string;
  openedAt: string;
}

const KEY = draftKeys.verifierBundle();

/** Opens a verified bundle read-only and keeps its file on the device, so a reload finds it open. */
export async function openReadOnly(bundle: VerifiedBundle, file: File): Promise<void> {
  useVerifier.getState().open(bundle);
  try {
    await saveDraft(KEY, { file, name: file.name, openedAt: nowIso() } satisfies KeptBundle);
  } catch (e) {
    useVerifier.setState({
      problem: `This bundle could not be kept on this device (${(e as Error).message}): after a reload, open it again.`,
    });
  }
}

let restoring: Promise<void> | null = null;

/** Reopens the bundle kept on the device, if any (once, however many screens ask). */
export function restoreKeptBundle(): Promise<void> {
  if (useVerifier.getState().bundle) return Promise.resolve();
  restoring ??= (async () => {
    try {
      const kept = await loadDraft<KeptBundle>(KEY);
      if (kept?.file instanceof Blob) useVerifier.getState().open(await verifyBundle(kept.file));
      else useVerifier.setState({ restored: true });
    } catch (e) {
      useVerifier.setState({
        restored: true,
        problem: `The bundle you had open could not be opened again (${(e as Error).message}). Open it again from its file.`,
      });
      await clearDraft(KEY).catch(() => undefined);
    } finally {
      restoring = null;
    }
  })();
  return restoring;
}

/** Closes the bundle: its file and the verifier's unexported decisions on it leave the device. */
export async function closeOpenedBundle(portfolioId: string): Promise<void> {
  await clearDraft(KEY);
  await clearDraft(draftKeys.verifierSamples(portfolioId));
  useVerifier.getState().close();
}

/** The opened bundle, reopening the kept one after a reload; `loading` while that is being checked. */
export function useOpenedBundle(): { bundle: VerifiedBundle | null; loading: boolean; problem: string | null } {
  const bundle = useVerifier((s) => s.bundle);
  const restored = useVerifier((s) => s.restored);
  const problem = useVerifier((s) => s.problem);
  useEffect(() => {
    if (!bundle && !restored) void restoreKeptBundle();
  }, [bundle, restored]);
  return { bundle, loading: !bundle && !restored, problem };
}
