// The EQA's opened visit pack survives a reload and a crash, as an opened bundle does (verifier/openedBundle.ts):
// its file is kept in the drafts table when opened, verified again (every hash and the signature) when the app
// starts without it, and dropped only when the EQA closes it. Their decisions on its portfolios, not yet exported,
// are kept beside it (draftKeys.eqaPackDecisions), all in one draft, as they leave in one bundle.
import { useEffect } from 'react';
import { verifyPack, type VerifiedPack } from '../../../bundle';
import { clearDraft, draftKeys, loadDraft, nowIso, saveDraft } from '../../../storage';
import { useEqaPack } from '../../state/eqaPack';
import type { Samples } from '../verifier/hooks';

/** What the drafts table keeps of an opened pack. */
interface KeptPack {
  file: Blob;
  name: string;
  openedAt: string;
}

/** The EQA's decisions not yet exported, by portfolio id. */
export type PackSamples = Record<string, Samples>;

const KEY = draftKeys.eqaPack();

/** Opens a verified pack read-only and keeps its file on the device, so a reload finds it open. */
export async function openPack(pack: VerifiedPack, file: File): Promise<void> {
  useEqaPack.getState().open(pack);
  try {
    await saveDraft(KEY, { file, name: file.name, openedAt: nowIso() } satisfies KeptPack);
  } catch (e) {
    useEqaPack.setState({
      problem: `This pack could not be kept on this device (${(e as Error).message}): after a reload, open it again.`,
    });
  }
}

let restoring: Promise<void> | null = null;

/** Reopens the pack kept on the device, if any (once, however many screens ask). */
export function restoreKeptPack(): Promise<void> {
  if (useEqaPack.getState().pack) return Promise.resolve();
  restoring ??= (async () => {
    try {
      const kept = await loadDraft<KeptPack>(KEY);
      if (kept?.file instanceof Blob) useEqaPack.getState().open(await verifyPack(kept.file));
      else useEqaPack.setState({ restored: true });
    } catch (e) {
      // The file stays kept: the decisions beside it are the EQA's work, and only they discard it.
      useEqaPack.setState({
        restored: true,
        problem: `The pack you had open could not be opened again (${(e as Error).message}). Open it again from its file.`,
      });
    } finally {
      restoring = null;
    }
  })();
  return restoring;
}

/** Closes the pack: its file and the EQA's unexported decisions on it leave the device. */
export async function closePack(packId: string): Promise<void> {
  await clearDraft(KEY);
  await clearDraft(draftKeys.eqaPackDecisions(packId));
  useEqaPack.getState().close();
}

/** The opened pack, reopening the kept one after a reload; `loading` while that is being checked. */
export function useOpenedPack(): { pack: VerifiedPack | null; loading: boolean; problem: string | null } {
  const pack = useEqaPack((s) => s.pack);
  const restored = useEqaPack((s) => s.restored);
  const problem = useEqaPack((s) => s.problem);
  useEffect(() => {
    if (!pack && !restored) void restoreKeptPack();
  }, [pack, restored]);
  return { pack, loading: !pack && !restored, problem };
}
