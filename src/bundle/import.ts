import { applyImport, notePeer, type ImportResult, rememberKey } from '../storage';
import { verifyBundle, type VerifiedBundle } from './verify';

export type ImportMode = 'restore' | 'merge';

/** Verifies the whole bundle first; only then writes it, in one transaction. */
export async function importBundle(
  blob: Blob,
  mode: ImportMode,
  signerLabel?: string,
): Promise<{ bundle: VerifiedBundle; result: ImportResult }> {
  const bundle = await verifyBundle(blob);
  return { bundle, result: await writeVerifiedBundle(bundle, mode, signerLabel) };
}

/**
 * Writes a bundle `verifyBundle` has passed (the screen verifies once, shows what it holds, then writes). Its
 * media are slices of the picked file, which the browser will not read once the file has changed on disk (File
 * snapshot semantics): a file swapped after the check fails the one transaction instead of slipping in.
 */
export async function writeVerifiedBundle(
  bundle: VerifiedBundle,
  mode: ImportMode,
  signerLabel?: string,
): Promise<ImportResult> {
  const result = await applyImport({
    portfolioId: bundle.portfolioId,
    records: bundle.records,
    media: bundle.media,
    audit: bundle.audit,
    specs: bundle.specs,
    mode,
    scope: bundle.scope,
    summary: `bundle from device ${bundle.deviceId.slice(0, 8)} signed by ${bundle.signer.fingerprint.slice(0, 11)}`,
  });
  await rememberKey(bundle.signer.fingerprint, signerLabel ?? `device ${bundle.deviceId.slice(0, 8)}`);
  await notePeer(bundle.deviceId, { lastReceivedAt: bundle.exportedAt });
  return result;
}
