import { useEffect, useState } from 'react';
import { DOWNLOAD_TYPE, mediaDisplay, parseMediaType, safeDownloadName, type MediaMeta } from '../../domain';
import { mediaBlob } from '../../storage';
import { useOpenedPortfolio } from '../data/openedPortfolio';
import { formatBytes } from './StorageMeter';

/** A stored evidence file (or, in a read-only view, the opened bundle's), shown as MediaFile shows it. */
export function MediaView({ media }: { media: MediaMeta }) {
  const opened = useOpenedPortfolio();
  const [stored, setBlob] = useState<Blob | undefined>(undefined);
  const blob = opened ? opened.media.get(media.id) : stored;
  useEffect(() => {
    if (opened) return;
    let current = true;
    void mediaBlob(media.id).then((b) => current && setBlob(b ?? undefined));
    return () => {
      current = false;
    };
  }, [media.id, opened]);
  return <MediaFile media={media} blob={blob} />;
}

/**
 * An evidence file, whoever made it: raster images, audio and video are played by <img>/<audio>/<video> from a
 * blob typed with their parsed type; everything else (SVG, HTML, XML, PDF, unknown) is never opened as a page of
 * the app, whose origin a blob: URL shares. The download link's blob is application/octet-stream, so even opened
 * in a new tab it downloads, never renders; its name comes from safeDownloadName.
 */
export function MediaFile({ media, blob }: { media: MediaMeta; blob: Blob | undefined }) {
  const display = mediaDisplay(media.mimeType);
  const viewUrl = useObjectUrl(blob && display !== 'download' ? blob : undefined, media.mimeType);
  const downloadUrl = useObjectUrl(blob, DOWNLOAD_TYPE);
  const label = media.name || media.mimeType;
  const [fullSize, setFullSize] = useState(false);
  return (
    <figure className={fullSize ? 'media full-size' : 'media'}>
      {viewUrl && display === 'image' && (
        // At full size the photo keeps its own pixels and scrolls inside its frame, never the page sideways.
        <div
          className="media-frame"
          tabIndex={fullSize ? 0 : undefined}
          aria-label={fullSize ? label : undefined}
          role={fullSize ? 'region' : undefined}
        >
          <img src={viewUrl} alt={media.name || 'Evidence photo'} />
        </div>
      )}
      {viewUrl && display === 'video' && (
        <video src={viewUrl} controls preload="metadata" aria-label={media.name || 'Evidence video'} />
      )}
      {viewUrl && display === 'audio' && (
        <audio src={viewUrl} controls preload="metadata" aria-label={media.name || 'Evidence audio'} />
      )}
      <figcaption>
        {label} · {formatBytes(media.size)}{' '}
        {viewUrl && display === 'image' && (
          <button
            type="button"
            className="secondary small"
            aria-pressed={fullSize}
            onClick={() => setFullSize(!fullSize)}
          >
            Full size<span className="visually-hidden"> {label}</span>
          </button>
        )}{' '}
        {downloadUrl && (
          <a
            href={downloadUrl}
            download={safeDownloadName(media.name, media.mimeType, `evidence-${media.sha256.slice(0, 8)}`)}
            aria-label={`Download ${label}`}
          >
            Download
          </a>
        )}
        {display === 'download' && <span className="meta"> (not shown here: download to open it)</span>}
        <span className="meta"> · SHA-256 {media.sha256.slice(0, 12)}…</span>
      </figcaption>
    </figure>
  );
}

/** An object URL for `blob` retyped as `type` (its parsed essence), revoked when either changes or on unmount. */
function useObjectUrl(blob: Blob | undefined, type: string): string | null {
  const [url, setUrl] = useState<string | null>(null);
  const essence = parseMediaType(type)?.essence ?? DOWNLOAD_TYPE;
  useEffect(() => {
    if (!blob) return;
    const objectUrl = URL.createObjectURL(new Blob([blob], { type: essence }));
    // The URL is an outside resource made and released with this effect (StrictMode's re-run included).
    // eslint-disable-next-line react-hooks/set-state-in-effect
    setUrl(objectUrl);
    return () => {
      URL.revokeObjectURL(objectUrl);
      setUrl(null);
    };
  }, [blob, essence]);
  return url;
}
