// The sync link as a QR code, for a new device to scan (its own chunk: uqr loads only when asked for).
import { renderSVG } from 'uqr';
import { formatSyncLink, type SyncSettings } from '../../../domain';
import { routes } from '../../routes';

export default function SyncLinkQr({ settings }: { settings: SyncSettings }) {
  const link = formatSyncLink(settings, `${window.location.origin}${routes.connect()}`);
  const svg = renderSVG(link, { ecc: 'L', border: 2 });
  return (
    <figure className="sync-qr">
      <img
        src={`data:image/svg+xml;charset=utf-8,${encodeURIComponent(svg)}`}
        alt="QR code of this device’s sync link"
        data-testid="sync-qr"
      />
      <figcaption className="warning-note">
        This code carries this device’s access key and secret. Show it only to a device of your own; for anyone else,
        ask the centre for a link with their own key, so that a lost device costs one key only.
      </figcaption>
    </figure>
  );
}
