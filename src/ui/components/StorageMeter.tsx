import { useStorageStatus } from '../data/liveHooks';
import { NEAR_QUOTA, requestPersistentStorage } from '../../storage';

export const formatBytes = (n: number) =>
  n < 1024
    ? `${n} B`
    : n < 1024 ** 2
      ? `${(n / 1024).toFixed(1)} KB`
      : n < 1024 ** 3
        ? `${(n / 1024 ** 2).toFixed(1)} MB`
        : `${(n / 1024 ** 3).toFixed(2)} GB`;

/** Storage used, whether it is persistent, and a warning near the quota. */
export function StorageMeter() {
  const status = useStorageStatus();
  if (!status || status.usage === null || status.quota === null) return null;
  const share = status.quota > 0 ? status.usage / status.quota : 0;
  return (
    <section className={`storage-meter ${share > NEAR_QUOTA ? 'alert' : ''}`} aria-label="Device storage">
      <p>
        Storage: {formatBytes(status.usage)} used of {formatBytes(status.quota)} available ({(share * 100).toFixed(1)}
        %), {status.mediaFiles} media file{status.mediaFiles === 1 ? '' : 's'}.{' '}
        {status.persisted
          ? 'Protected from automatic clearing.'
          : 'Not yet protected from automatic clearing by the browser.'}
      </p>
      {share > NEAR_QUOTA && (
        <p role="alert">
          The device is nearly full. Export a bundle as a backup and remove large media you no longer need before adding
          more.
        </p>
      )}
      <p className="meta">
        Tip: install Fieldfolio (browser menu → Install app, or Share → Add to Home Screen) so the browser keeps its
        data, and export a bundle of each portfolio from time to time as a backup.
      </p>
      {!status.persisted && (
        <button type="button" className="secondary" onClick={() => void requestPersistentStorage()}>
          Keep my data on this device
        </button>
      )}
    </section>
  );
}

/** On every screen (the capture screens included): a short warning when the device is nearly full. */
export function NearQuotaWarning() {
  const status = useStorageStatus();
  if (!status?.usage || !status.quota || status.usage / status.quota <= NEAR_QUOTA) return null;
  return (
    <p className="alert near-quota" role="alert">
      This device is nearly full ({formatBytes(status.usage)} of {formatBytes(status.quota)}): new photos and videos may
      not fit. Export a bundle as a backup, then remove large media you no longer need.
    </p>
  );
}
