import { applyImport, notePeer, type ImportResult } from '../storage/exchange';
import { rememberKey } from '../storage/keys';
import { verifyBundle, type VerifiedBundle } from './verify';

export type ImportMode = 'restore' | 'merge';

/** Verifies the whole bundle first; only then writes it, in one transaction. */
export async function importBundle(blob: Blob, mode: ImportMode, signerLabel?: string): Promise<{ bundle: VerifiedBundle; result: ImportResult }> {
  const bundle = await verifyBundle(blob);
  const result = await applyImport({
    portfolioId: bundle.portfolioId,
    records: bundle.records,
    media: bundle.media,
    audit: bundle.audit,
    specs: bundle.specs,
    mode,
    summary: `bundle from device ${bundle.deviceId.slice(0, 8)} signed by ${bundle.signer.fingerprint.slice(0, 11)}`,
  });
  await rememberKey(bundle.signer.fingerprint, signerLabel ?? `device ${bundle.deviceId.slice(0, 8)}`);
  await notePeer(bundle.deviceId, { lastReceivedAt: bundle.exportedAt });
  return { bundle, result };
}
