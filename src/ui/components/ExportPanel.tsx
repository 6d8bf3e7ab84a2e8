import { useEffect, useRef, useState } from 'react';
import { exportPortfolio, type ExportProgress, type ExportedBundle } from '../../bundle/export';
import { formatBytes } from './StorageMeter';
import { useLiveQuery } from 'dexie-react-hooks';
import { listPeers, deviceSigningKey } from '../../storage';

/** Export a signed bundle with progress and cancel; then download it or share it (phones). */
export function ExportPanel({ portfolioId }: { portfolioId: string }) {
  const [progress, setProgress] = useState<ExportProgress | null>(null);
  const [result, setResult] = useState<{ bundle: ExportedBundle; url: string } | null>(null);
  const [error, setError] = useState<string | null>(null);
  const abort = useRef<AbortController | null>(null);
  const peers = useLiveQuery(listPeers, []);
  const [target, setTarget] = useState('');
  const peer = peers?.find((p) => p.deviceId === target);
  useEffect(() => () => (result ? URL.revokeObjectURL(result.url) : undefined), [result]);
  const [fingerprint, setFingerprint] = useState<string | null>(null);
  useEffect(() => {
    deviceSigningKey().then((k) => setFingerprint(k.fingerprint), () => setFingerprint(null));
  }, []);

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

  const file = result ? new File([result.bundle.blob], result.bundle.fileName, { type: 'application/zip' }) : null;
  const canShare = !!file && typeof navigator.canShare === 'function' && navigator.canShare({ files: [file] });

  return (
    <section aria-labelledby="export-heading">
      <h2 id="export-heading">Bundle</h2>
      <p className="meta">
        A signed, checkable file of this portfolio for another device, a verifier, or a backup. Anyone can check it with{' '}
        <code>unzip -t</code> and <code>sha256sum -c manifest-sha256.txt</code>.
      </p>
      {fingerprint && (
        <p className="meta" data-testid="own-fingerprint">
          This device signs its bundles with key <code>{fingerprint}</code>. Tell the receiver this fingerprint another way (phone,
          in person): their import shows the signer&rsquo;s, and the two must match.
        </p>
      )}
      {error && (
        <p className="alert" role="alert">
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
          <button type="button" className="secondary" onClick={() => abort.current?.abort()}>
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
                    {p.sentAt[portfolioId] ? `Changes since last sent to ${p.label} (${p.sentAt[portfolioId].slice(0, 16).replace('T', ' ')})` : `Everything, for ${p.label}`}
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
      {result && (
        <p role="status" data-testid="export-ready">
          Ready: {result.bundle.fileName} ({formatBytes(result.bundle.blob.size)}, {result.bundle.files} payload files).{' '}
          <a className="button" href={result.url} download={result.bundle.fileName}>
            Download bundle
          </a>{' '}
          {canShare && (
            <button type="button" className="secondary" onClick={() => void navigator.share({ files: [file!], title: result.bundle.fileName }).catch(() => undefined)}>
              Share…
            </button>
          )}
        </p>
      )}
    </section>
  );
}
