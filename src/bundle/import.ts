// Import: verify the whole bundle, decide what it may change on this device (admission: scope, keys, record
// signatures, who may change what; docs/trust.md), and only then write it, in one transaction.
import { admit, applyImport, type Admission, type ImportPlan, type ImportResult } from '../storage';
import { verifyBundle, type VerifiedBundle } from './verify';

export type ImportMode = 'restore' | 'merge';

/** A bundle refused as a whole before anything was written: every reason, in words. */
export class BundleRefused extends Error {
  constructor(readonly reasons: string[]) {
    super(
      `This bundle was refused; nothing was written. ${reasons.slice(0, 5).join('; ')}${reasons.length > 5 ? ` (and ${reasons.length - 5} more)` : ''}`,
    );
    this.name = 'BundleRefused';
  }
}

/** What a verified bundle would change here, and what would be held or refused: shown before the person says yes. */
export function admitBundle(bundle: VerifiedBundle): Promise<Admission> {
  return admit({
    portfolioId: bundle.portfolioId,
    records: bundle.records,
    audit: bundle.audit,
    media: bundle.media,
    devices: bundle.devices,
    trustDocuments: bundle.trustDocuments,
    signer: {
      deviceId: bundle.signer.deviceId,
      deviceKey: bundle.signer.deviceKey,
      publicKey: bundle.signer.publicKey,
    },
  });
}

/** Verifies the whole bundle first; only then writes what it may change, in one transaction. */
export async function importBundle(
  blob: Blob,
  mode: ImportMode,
): Promise<{ bundle: VerifiedBundle; result: ImportResult }> {
  const bundle = await verifyBundle(blob);
  return { bundle, result: await writeVerifiedBundle(bundle, mode) };
}

/**
 * Writes a bundle `verifyBundle` has passed, as admission decided (the screen shows the admission first). Its media
 * are slices of the picked file, which the browser will not read once the file has changed on disk (File snapshot
 * semantics): a file swapped after the check fails the one transaction instead of slipping in.
 */
export async function writeVerifiedBundle(
  bundle: VerifiedBundle,
  mode: ImportMode,
  admission?: Admission,
  /** 'store': pulled by sync (storage changes.ts: not pushed again by an incremental bundle). */
  via?: 'store',
): Promise<ImportResult> {
  const decided = admission ?? (await admitBundle(bundle));
  if (decided.refusals.length > 0) throw new BundleRefused(decided.refusals);
  return applyImport(importPlanOf(bundle, mode, decided, via));
}

/** What storage writes for a verified bundle as admission decided. */
export function importPlanOf(bundle: VerifiedBundle, mode: ImportMode, decided: Admission, via?: 'store'): ImportPlan {
  return {
    portfolioId: bundle.portfolioId,
    records: decided.admitted,
    media: bundle.media,
    audit: decided.audit,
    specs: bundle.specs,
    mode,
    scope: bundle.scope,
    summary: `bundle from device ${bundle.deviceId.slice(0, 8)}`,
    via,
    trust: {
      held: decided.held,
      newDevices: decided.newDevices,
      trustDocuments: decided.trustDocuments,
      signerKey: bundle.signer.deviceKey,
      peer: { deviceId: bundle.deviceId, sentAt: bundle.exportedAt },
    },
  };
}
