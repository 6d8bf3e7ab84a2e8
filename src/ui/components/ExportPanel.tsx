import { formatDateTime } from '../../domain';
import { useEffect, useRef, useState } from 'react';
import { exportPortfolio, type ExportProgress, type ExportedBundle } from '../../bundle';
import { formatBytes } from './StorageMeter';
import { useLiveQuery } from 'dexie-react-hooks';
import { listPeers, deviceSigningKey, type Peer } from '../../storage';

/** Export a signed bundle with progress and cancel; then download it or share it (phones). */
export function ExportPanel({ portfolioId }: { portfolioId: string }) {
  const peers = useLiveQuery(listPeers, []);
  const [target, setTarget] = useState('');
  const peer = peers?.find((p) => p.deviceId === target);
  const { progress, result, error, start, cancel } = useBundleExport(portfolioId, peer);
  const [fingerprint, setFingerprint] = useState<string | null>(null);
  // A failed or cancelled export removed the Cancel button that had focus: focus the reason instead.
  const errorLine = useRef<HTMLParagraphElement>(null);
  useEffect(() => {
    if (error) errorLine.current?.focus();
  }, [error]);
  useEffect(() => {
    // The key may take a moment (made on first use): the panel may be gone by then.
    let live = true;
    deviceSigningKey().then(
      (k) => live && setFingerprint(k.fingerprint),
      () => live && setFingerprint(null),
    );
    return () => {
      live = false;
    };
  }, []);

  return (
    <section aria-labelledby="export-heading">
      <h2 id="export-heading">Bundle</h2>
      <p className="meta">
        A signed, checkable file of this portfolio for another device, a verifier, or a backup. Anyone can check it with{' '}
        <code>unzip -t</code> and <code>sha256sum -c manifest-sha256.txt</code>.
      </p>
      {fingerprint && (
        <p className="meta" data-testid="own-fingerprint">
          This device signs its bundles with key <code>{fingerprint}</code>. Tell the receiver this fingerprint another
          way (phone, in person): their import shows the signer&rsquo;s, and the two must match.
        </p>
      )}
      {error && (
        <p ref={errorLine} className="alert" role="alert" tabIndex={-1}>
          {error}
        </p>
      )}
      {progress ? (
        <div role="status">
          <label>
            Exporting {progress.file}
            <progress max={progress.bytesTotal || 1} value={progress.bytesDone} />
          </label>{' '}
          {formatBytes(progress.bytesDone)} of {formatBytes(progress.bytesTotal)}{' '}
          <button type="button" className="secondary" onClick={cancel}>
            Cancel export
          </button>
        </div>
      ) : (
        <>
          {peers && peers.length > 0 && (
            <label className="field">
              <span>What to send</span>
              <select value={target} onChange={(e) => setTarget(e.target.value)}>
                <option value="">Everything (a full bundle)</option>
                {peers.map((p) => (
                  <option key={p.deviceId} value={p.deviceId}>
                    {p.sentAt[portfolioId]
                      ? `Changes since last sent to ${p.label} (${formatDateTime(p.sentAt[portfolioId])})`
                      : `Everything, for ${p.label}`}
                  </option>
                ))}
              </select>
            </label>
          )}
          <button type="button" onClick={() => void start()}>
            Export bundle
          </button>
        </>
      )}
      {result && <ExportReady bundle={result.bundle} url={result.url} />}
    </section>
  );
}

/**
 * The finished bundle: download it, or share it where the device can (phones). Focus moves to the download link,
 * since the Export button pressed is gone and focus would otherwise drop to the page.
 */
function ExportReady({ bundle, url }: { bundle: ExportedBundle; url: string }) {
  const download = useRef<HTMLAnchorElement>(null);
  useEffect(() => download.current?.focus(), []);
  const file = new File([bundle.blob], bundle.fileName, { type: 'application/zip' });
  const canShare = typeof navigator.canShare === 'function' && navigator.canShare({ files: [file] });
  return (
    <p role="status" data-testid="export-ready">
      Ready: {bundle.fileName} ({formatBytes(bundle.blob.size)}, {bundle.files} payload files).{' '}
      <a ref={download} className="button" href={url} download={bundle.fileName}>
        Download bundle
      </a>{' '}
      {canShare && (
        <button
          type="button"
          className="secondary"
          onClick={() => void navigator.share({ files: [file], title: bundle.fileName }).catch(() => undefined)}
        >
          Share…
        </button>
      )}
    </p>
  );
}

/** Exports the portfolio (for `peer`: only what it has not been sent) with progress, cancel and the result. */
function useBundleExport(portfolioId: string, peer: Peer | undefined) {
  const [progress, setProgress] = useState<ExportProgress | null>(null);
  const [result, setResult] = useState<{ bundle: ExportedBundle; url: string } | null>(null);
  const [error, setError] = useState<string | null>(null);
  const abort = useRef<AbortController | null>(null);
  useEffect(() => () => (result ? URL.revokeObjectURL(result.url) : undefined), [result]);
  async function start() {
    setError(null);
    setResult(null);
    abort.current = new AbortController();
    setProgress({ bytesDone: 0, bytesTotal: 0, file: '' });
    try {
      const bundle = await exportPortfolio(portfolioId, {
        onProgress: setProgress,
        signal: abort.current.signal,
        forDevice: peer?.deviceId,
        since: peer?.sentAt[portfolioId],
      });
      setResult({ bundle, url: URL.createObjectURL(bundle.blob) });
    } catch (e) {
      setError((e as Error).name === 'AbortError' ? 'Export cancelled.' : `Export failed: ${(e as Error).message}`);
    } finally {
      setProgress(null);
    }
  }

  return { progress, result, error, start, cancel: () => abort.current?.abort() };
}
