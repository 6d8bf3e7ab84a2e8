// Opening a bundle: verify it completely, decide what it may change here (admission, docs/trust.md), show that,
// and only when the person says so write it. Accepting an unknown signer's key re-decides before anything is written.
import { useState } from 'react';
import { useNavigate } from 'react-router';
import { admitBundle, NotABundleError, verifyBundle, writeVerifiedBundle, type VerifiedBundle } from '../../../bundle';
import { acceptKey, type Admission, type ImportResult } from '../../../storage';
import { routes } from '../../routes';
import { countOf } from '../../../domain';

export interface BundleImport {
  bundle: VerifiedBundle | null;
  /** The file `bundle` was verified from (kept on the device when it is opened read-only). */
  file: File | null;
  admission: Admission | null;
  checking: { done: number; total: number } | null;
  writing: boolean;
  error: string | null;
  done: string | null;
  check(file: File): Promise<void>;
  apply(mode: 'restore' | 'merge'): Promise<void>;
  acceptSigner(personIds: string[], acceptedBy: string | null): Promise<void>;
}

function resultText(result: ImportResult): string {
  const held =
    result.held > 0 ? ` ${countOf(result.held, 'change')} held until their key is accepted (see Trust).` : '';
  return `Imported: ${countOf(result.written, 'record')} written, ${result.unchanged} already up to date, ${countOf(result.conflicts, 'conflict')} kept for you to resolve.${held}`;
}

/** Why a file was refused, in words: a file that is not a zip at all is simply not a Fieldfolio bundle. */
export function rejectionText(e: unknown, fileName: string): string {
  if (e instanceof NotABundleError) {
    return `“${fileName}” is not a Fieldfolio bundle. A bundle is the .zip file Fieldfolio makes with “Export bundle”; this file is not a zip file (or it was cut short while copying). Nothing on this device was changed.`;
  }
  return `${(e as Error).message}. This bundle was rejected; nothing on this device was changed.`;
}

export function useBundleImport(): BundleImport {
  const navigate = useNavigate();
  const [bundle, setBundle] = useState<VerifiedBundle | null>(null);
  const [file, setFile] = useState<File | null>(null);
  const [admission, setAdmission] = useState<Admission | null>(null);
  const [checking, setChecking] = useState<{ done: number; total: number } | null>(null);
  const [writing, setWriting] = useState(false);
  const [error, setError] = useState<string | null>(null);
  const [done, setDone] = useState<string | null>(null);

  async function check(file: File) {
    setBundle(null);
    setAdmission(null);
    setError(null);
    setDone(null);
    setChecking({ done: 0, total: 0 });
    try {
      const verified = await verifyBundle(file, { onProgress: (done, total) => setChecking({ done, total }) });
      setAdmission(await admitBundle(verified));
      setBundle(verified);
      setFile(file);
    } catch (e) {
      setError(rejectionText(e, file.name));
    } finally {
      setChecking(null);
    }
  }

  async function apply(mode: 'restore' | 'merge') {
    if (!bundle || !admission) return;
    setError(null);
    setWriting(true);
    try {
      const result = await writeVerifiedBundle(bundle, mode, admission);
      setDone(resultText(result));
      if (result.written > 0 || mode === 'merge') void navigate(routes.portfolio(bundle.portfolioId));
    } catch (e) {
      setError(`${(e as Error).message} Nothing on this device was changed.`);
    } finally {
      setWriting(false);
    }
  }

  async function acceptSigner(personIds: string[], acceptedBy: string | null) {
    if (!bundle) return;
    setError(null);
    try {
      const { deviceKey, deviceId } = bundle.signer;
      await acceptKey({ deviceKey, deviceId, personIds, acceptedBy });
      setAdmission(await admitBundle(bundle));
    } catch (e) {
      setError((e as Error).message);
    }
  }

  return { bundle, file, admission, checking, writing, error, done, check, apply, acceptSigner };
}
