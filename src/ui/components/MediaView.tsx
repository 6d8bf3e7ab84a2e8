import { useEffect, useState } from 'react';
import type { MediaMeta } from '../../domain';
import { mediaBlob } from '../../storage';
import { formatBytes } from './StorageMeter';

/**
 * Shows user media only through <img>/<video>/<audio>, never by navigating to a blob: URL (user HTML or
 * SVG there would run with the app's origin). Other files are offered as downloads.
 */
export function MediaView({ media }: { media: MediaMeta }) {
  const [url, setUrl] = useState<string | null>(null);
  useEffect(() => {
    let revoked = false;
    let objectUrl: string | null = null;
    void mediaBlob(media.id).then((blob) => {
      if (!blob || revoked) return;
      objectUrl = URL.createObjectURL(blob);
      setUrl(objectUrl);
    });
    return () => {
      revoked = true;
      if (objectUrl) URL.revokeObjectURL(objectUrl);
    };
  }, [media.id]);
  const kind = media.mimeType.split('/')[0];
  const safeImage = kind === 'image' && media.mimeType !== 'image/svg+xml';
  return (
    <figure className="media">
      {url && safeImage && <img src={url} alt={media.name || 'Evidence photo'} />}
      {url && kind === 'video' && (
        <video src={url} controls preload="metadata" aria-label={media.name || 'Evidence video'} />
      )}
      {url && kind === 'audio' && (
        <audio src={url} controls preload="metadata" aria-label={media.name || 'Evidence audio'} />
      )}
      <figcaption>
        {media.name || media.mimeType} · {formatBytes(media.size)}{' '}
        {url && (
          <a href={url} download={media.name || `evidence-${media.sha256.slice(0, 8)}`}>
            Download
          </a>
        )}
        <span className="meta"> · SHA-256 {media.sha256.slice(0, 12)}…</span>
      </figcaption>
    </figure>
  );
}
