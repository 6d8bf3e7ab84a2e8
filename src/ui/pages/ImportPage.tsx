import { useState } from 'react';
import { Link, useNavigate } from 'react-router';
import { useLiveQuery } from 'dexie-react-hooks';
import { writeVerifiedBundle, verifyBundle, type VerifiedBundle } from '../../bundle';
import { listEnrolments } from '../../storage';
import { useVerifier } from '../state/verifier';
import { formatBytes } from '../components/StorageMeter';
import { routes } from '../routes';

/** Open a bundle: it is verified completely before anything is written; then restore, merge or view read-only. */
export function ImportPage() {
  const navigate = useNavigate();
  const enrolments = useLiveQuery(listEnrolments, []);
  const { bundle, checking, writing, error, done, check, apply } = useBundleImport();
  const openReadOnly = useVerifier((s) => s.open);

  const onDevice = bundle && enrolments?.some((e) => e.id === bundle.portfolioId);
  return (
    <section>
      <h1>Open a bundle</h1>
      <p className="lead">
        Choose a Fieldfolio bundle (.zip). It is checked completely — every file, hash and the signature — before
        anything is written.
      </p>
      <label className="field">
        <span>Bundle file</span>
        <input
          type="file"
          accept=".zip,application/zip"
          onChange={(e) => e.target.files?.[0] && void check(e.target.files[0])}
        />
      </label>
      {checking && (
        <div role="status">
          <label>
            Checking the bundle: every file's hash
            <progress max={checking.total || 1} value={checking.done} />
          </label>{' '}
          {formatBytes(checking.done)} of {formatBytes(checking.total)}
        </div>
      )}
      {writing && <p role="status">Writing the portfolio to this device…</p>}
      {error && (
        <p className="alert" role="alert" data-testid="import-error">
          {error}
        </p>
      )}
      {done && <p role="status">{done}</p>}
      {bundle && (
        <BundleSummary
          bundle={bundle}
          onDevice={!!onDevice}
          writing={writing}
          onApply={(mode) => void apply(mode)}
          onOpenReadOnly={() => {
            openReadOnly(bundle);
            void navigate(routes.verifier());
          }}
        />
      )}
      <p>
        <Link to={routes.home()}>Back to portfolios</Link>
      </p>
    </section>
  );
}

interface BundleSummaryProps {
  bundle: VerifiedBundle;
  /** Whether this device holds the bundle's portfolio already (then it can only be merged). */
  onDevice: boolean;
  writing: boolean;
  onApply: (mode: 'restore' | 'merge') => void;
  onOpenReadOnly: () => void;
}

/** A verified bundle: what it holds, and what can be done with it here. */
function BundleSummary({ bundle, onDevice, writing, onApply, onOpenReadOnly }: BundleSummaryProps) {
  return (
    <div className="panel" data-testid="bundle-summary">
      <p>
        ✓ Verified: {bundle.payloadFiles} files, {formatBytes(bundle.payloadBytes)}; every hash and the signature check
        out.
      </p>
      <BundleFacts bundle={bundle} />
      {onDevice ? (
        <button type="button" disabled={writing} onClick={() => onApply('merge')}>
          Merge into my copy
        </button>
      ) : bundle.scope === 'changes' ? (
        <p className="alert" data-testid="partial-bundle">
          This bundle holds only changes
          {bundle.changesSince ? ` since ${bundle.changesSince.slice(0, 16).replace('T', ' ')}` : ''}, not the whole
          portfolio, and this device does not have the portfolio to merge them into. Ask the sender for a full bundle
          (&ldquo;Everything&rdquo;).
        </p>
      ) : (
        <button type="button" disabled={writing} onClick={() => onApply('restore')}>
          Add to this device
        </button>
      )}{' '}
      <button type="button" className="secondary" onClick={onOpenReadOnly}>
        Open read-only (verifier)
      </button>
    </div>
  );
}

/** Whose portfolio the bundle holds, when and by which key it was signed, and how much it carries. */
function BundleFacts({ bundle }: { bundle: VerifiedBundle }) {
  const candidate = bundle.records.people.find((p) => p.id === bundle.records.enrolments[0]?.candidateId);
  return (
    <dl className="facts">
      <div>
        <dt>Candidate</dt>
        <dd>{candidate?.name ?? '—'}</dd>
      </div>
      <div>
        <dt>Qualification</dt>
        <dd>
          {bundle.records.enrolments[0]?.specId} {bundle.records.enrolments[0]?.specVersion}
        </dd>
      </div>
      <div>
        <dt>Exported</dt>
        <dd>{bundle.exportedAt.replace('T', ' ').slice(0, 16)}</dd>
      </div>
      <div>
        <dt>Signed by key</dt>
        <dd>
          <code>{bundle.signer.fingerprint}</code> —{' '}
          {bundle.signer.known ? `known (${bundle.signer.label})` : 'not seen on this device before'}
        </dd>
      </div>
      <div>
        <dt>Contents</dt>
        <dd>
          {bundle.records.evidence.length} evidence, {bundle.media.size} media, {bundle.records.decisions.length}{' '}
          decisions
        </dd>
      </div>
    </dl>
  );
}

/** Checks a chosen bundle completely, then writes it (restore or merge) and opens the portfolio. */
function useBundleImport() {
  const navigate = useNavigate();
  const [bundle, setBundle] = useState<VerifiedBundle | null>(null);
  const [checking, setChecking] = useState<{ done: number; total: number } | null>(null);
  const [writing, setWriting] = useState(false);
  const [error, setError] = useState<string | null>(null);
  const [done, setDone] = useState<string | null>(null);

  async function check(f: File) {
    setBundle(null);
    setError(null);
    setDone(null);
    setChecking({ done: 0, total: 0 });
    try {
      setBundle(await verifyBundle(f, { onProgress: (done, total) => setChecking({ done, total }) }));
    } catch (e) {
      setError(`${(e as Error).message}. This bundle was rejected; nothing on this device was changed.`);
    } finally {
      setChecking(null);
    }
  }

  async function apply(mode: 'restore' | 'merge') {
    if (!bundle) return;
    setError(null);
    setWriting(true);
    try {
      const result = await writeVerifiedBundle(bundle, mode);
      setDone(
        `Imported: ${result.written} records written, ${result.unchanged} already up to date, ${result.conflicts} conflicts kept for you to resolve.`,
      );
      void navigate(routes.portfolio(bundle!.portfolioId));
    } catch (e) {
      setError(`${(e as Error).message} Nothing on this device was changed.`);
    } finally {
      setWriting(false);
    }
  }
  return { bundle, checking, writing, error, done, check, apply };
}
