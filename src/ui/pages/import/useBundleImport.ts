// Opening a bundle: verify it completely, decide what it may change here (admission, docs/trust.md), show that,
// and only when the person says so write it. Accepting an unknown signer's key re-decides before anything is written.
import { useState } from 'react';
import { useNavigate } from 'react-router';
import {
  admitBundle,
  admitEqaDecisions,
  NotABundleError,
  verifyReceived,
  writeEqaDecisions,
  writeVerifiedBundle,
  type VerifiedBundle,
  type VerifiedEqaDecisions,
} from '../../../bundle';
import { acceptKey, type Admission, type ImportResult } from '../../../storage';
import { routes } from '../../routes';
import { countOf } from '../../../domain';

/** An EQA's decisions on several portfolios, and what each portfolio's part would change here. */
export interface ReceivedDecisions {
  verified: VerifiedEqaDecisions;
  admissions: Admission[];
}

export interface BundleImport {
  bundle: VerifiedBundle | null;
  decisions: ReceivedDecisions | null;
  /** The portfolios an EQA's decisions were just merged into. */
  mergedInto: string[];
  /** The file `bundle` was verified from (kept on the device when it is opened read-only). */
  file: File | null;
  admission: Admission | null;
  checking: { done: number; total: number } | null;
  writing: boolean;
  error: string | null;
  done: string | null;
  check(file: File): Promise<void>;
  apply(mode: 'restore' | 'merge'): Promise<void>;
  mergeDecisions(): Promise<void>;
  acceptSigner(personIds: string[], acceptedBy: string | null): Promise<void>;
}

function resultText(result: ImportResult): string {
  const held =
    result.held > 0 ? ` ${countOf(result.held, 'change')} held until their key is accepted (see Trust).` : '';
  return `Imported: ${countOf(result.written, 'record')} written, ${result.unchanged} already up to date, ${countOf(result.conflicts, 'conflict')} kept for you to resolve.${held}`;
}

function decisionsResultText(results: ImportResult[]): string {
  const sum = (key: keyof ImportResult) => results.reduce((n, r) => n + r[key], 0);
  const held = sum('held') > 0 ? ` ${sum('held')} changes held until their key is accepted (see Trust).` : '';
  return `Merged the EQA’s decisions into ${results.length} portfolio${results.length === 1 ? '' : 's'}: ${sum('written')} records written, ${sum('unchanged')} already up to date, ${sum('conflicts')} conflicts kept for you to resolve.${held}`;
}

/** Why a file was refused, in words: a file that is not a zip at all is simply not a Fieldfolio bundle. */
export function rejectionText(e: unknown, fileName: string): string {
  if (e instanceof NotABundleError) {
    return `“${fileName}” is not a Fieldfolio bundle. A bundle is the .zip file Fieldfolio makes with “Export bundle”; this file is not a zip file (or it was cut short while copying). Nothing on this device was changed.`;
  }
  return `${(e as Error).message}. This bundle was rejected; nothing on this device was changed.`;
}

/** An EQA's decisions and what each portfolio's part would change here, decided now. */
const admitted = async (verified: VerifiedEqaDecisions): Promise<ReceivedDecisions> => ({
  verified,
  admissions: await admitEqaDecisions(verified),
});

export function useBundleImport(): BundleImport {
  const navigate = useNavigate();
  const [bundle, setBundle] = useState<VerifiedBundle | null>(null);
  const [decisions, setDecisions] = useState<ReceivedDecisions | null>(null);
  const [mergedInto, setMergedInto] = useState<string[]>([]);
  const [file, setFile] = useState<File | null>(null);
  const [admission, setAdmission] = useState<Admission | null>(null);
  const [checking, setChecking] = useState<{ done: number; total: number } | null>(null);
  const [writing, setWriting] = useState(false);
  const [error, setError] = useState<string | null>(null);
  const [done, setDone] = useState<string | null>(null);

  async function check(file: File) {
    setBundle(null);
    setDecisions(null);
    setMergedInto([]);
    setAdmission(null);
    setError(null);
    setDone(null);
    setChecking({ done: 0, total: 0 });
    try {
      const received = await verifyReceived(file, { onProgress: (done, total) => setChecking({ done, total }) });
      if (received.kind === 'eqa-decisions') return setDecisions(await admitted(received.decisions));
      setAdmission(await admitBundle(received.bundle));
      setBundle(received.bundle);
      setFile(file);
    } catch (e) {
      setError(rejectionText(e, file.name));
    } finally {
      setChecking(null);
    }
  }

  /** A write the person asked for: one at a time, its failure said in words (nothing was written). */
  async function writeNow(write: () => Promise<void>) {
    setError(null);
    setWriting(true);
    try {
      await write();
    } catch (e) {
      setError(`${(e as Error).message} Nothing on this device was changed.`);
    } finally {
      setWriting(false);
    }
  }

  const apply = (mode: 'restore' | 'merge') =>
    writeNow(async () => {
      if (!bundle || !admission) return;
      const result = await writeVerifiedBundle(bundle, mode, admission);
      setDone(resultText(result));
      if (result.written > 0 || mode === 'merge') void navigate(routes.portfolio(bundle.portfolioId));
    });

  async function acceptSigner(personIds: string[], acceptedBy: string | null) {
    const signer = bundle?.signer ?? decisions?.verified.signer;
    if (!signer) return;
    setError(null);
    try {
      await acceptKey({ deviceKey: signer.deviceKey, deviceId: signer.deviceId, personIds, acceptedBy });
      if (bundle) setAdmission(await admitBundle(bundle));
      if (decisions) setDecisions(await admitted(decisions.verified));
    } catch (e) {
      setError((e as Error).message);
    }
  }

  const mergeDecisions = () =>
    writeNow(async () => {
      if (!decisions) return;
      setDone(decisionsResultText(await writeEqaDecisions(decisions.verified, decisions.admissions)));
      setMergedInto(decisions.verified.portfolios.map((p) => p.portfolioId));
      setDecisions(null);
    });

  const state = { bundle, decisions, mergedInto, file, admission, checking, writing, error, done };
  return { ...state, check, apply, mergeDecisions, acceptSigner };
}
