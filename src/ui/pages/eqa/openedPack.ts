// The EQA's opened visit pack survives a reload and a crash, as an opened bundle does (data/keptOpenedFile.ts).
// Their decisions on its portfolios, not yet exported, are kept beside it (draftKeys.eqaPackDecisions), all in one
// draft, as they leave in one bundle. A kept pack that no longer verifies stays kept: the decisions beside it are
// the EQA's work, and only they discard it.
import { verifyPack, type VerifiedPack } from '../../../bundle';
import { clearDraft, draftKeys } from '../../../storage';
import { keptOpenedFile } from '../../data/keptOpenedFile';
import { useEqaPack } from '../../state/eqaPack';
import type { Samples } from '../verifier/hooks';

/** The EQA's decisions not yet exported, by portfolio id. */
export type PackSamples = Record<string, Samples>;

const kept = keptOpenedFile<VerifiedPack, ReturnType<typeof useEqaPack.getState>>({
  key: draftKeys.eqaPack(),
  store: useEqaPack,
  current: (s) => s.pack,
  verify: (file) => verifyPack(file),
  noun: 'pack',
  dropUnopenable: false,
});

/** Opens a verified pack read-only and keeps its file on the device, so a reload finds it open. */
export const openPack: (pack: VerifiedPack, file: File) => Promise<void> = kept.open;

/** Closes the pack: its file and the EQA's unexported decisions on it leave the device. */
export async function closePack(packId: string): Promise<void> {
  await kept.forget();
  await clearDraft(draftKeys.eqaPackDecisions(packId));
  useEqaPack.getState().close();
}

/** The opened pack, reopening the kept one after a reload; `loading` while that is being checked. */
export function useOpenedPack(): { pack: VerifiedPack | null; loading: boolean; problem: string | null } {
  const { opened, loading, problem } = kept.useOpened();
  return { pack: opened, loading, problem };
}
