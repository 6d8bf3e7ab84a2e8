import { useEffect, useId, useRef, useState, type ChangeEvent } from 'react';
import { AudioRecorder, type CapturedFile } from './AudioRecorder';
import { downscaleImage, isResizableImageType, OUTPUT_TYPE } from './downscale';
import { extensionFor, fileStamp, formatSize, uniqueName, withExtension } from './files';
import './capture.css';

export type { CapturedFile } from './AudioRecorder';

export type MediaCaptureProps = {
  /** Receives the whole current list every time it changes (added, downscaled, removed). */
  onFiles(files: CapturedFile[]): void;
  downscalePhotos?: boolean;
  maxPhotoDimension?: number;
};

type Item = CapturedFile & {
  id: number;
  /** Object URL for an image thumbnail; revoked on remove and unmount. */
  thumbUrl: string | null;
  /** Size before downscaling, when the photo was downscaled. */
  originalSize: number | null;
};

/** Where a file came from: camera captures get a timestamped name instead of the phone's "image.jpg". */
type Source = 'photo' | 'video' | 'file' | 'audio';

const canMakeUrls = () => typeof URL.createObjectURL === 'function' && typeof URL.revokeObjectURL === 'function';

function kindLabel(type: string): string {
  const [major = '', minor = ''] = (type.split(';')[0] ?? '').split('/');
  if (major === 'image') return 'Image';
  if (major === 'video') return 'Video';
  if (major === 'audio') return 'Audio';
  if (minor === 'pdf') return 'PDF';
  return 'File';
}

/**
 * Capture evidence on a phone: take a photo or video with the camera, record audio in the page, or add any
 * file (e.g. a product document). Photos are downscaled on the device unless switched off. The file inputs
 * look like buttons but stay real, labelled file inputs, so they work with a keyboard and screen readers.
 */
export function MediaCapture({ onFiles, downscalePhotos = true, maxPhotoDimension = 2048 }: MediaCaptureProps) {
  const id = useId();
  const [downscale, setDownscale] = useState(downscalePhotos);
  const [items, setItems] = useState<Item[]>([]);
  const [pending, setPending] = useState(0);
  const [announcement, setAnnouncement] = useState('');
  const itemsRef = useRef<Item[]>([]);
  const urlsRef = useRef(new Set<string>());
  const nextIdRef = useRef(1);
  const mountedRef = useRef(true);
  const listHeadingRef = useRef<HTMLParagraphElement>(null);

  useEffect(() => {
    mountedRef.current = true;
    const urls = urlsRef.current;
    return () => {
      mountedRef.current = false;
      urls.forEach((u) => URL.revokeObjectURL(u));
      urls.clear();
    };
  }, []);

  const commit = (next: Item[]) => {
    itemsRef.current = next;
    setItems(next);
    onFiles(next.map(({ name, type, blob }) => ({ name, type, blob })));
  };

  const prepare = async (file: CapturedFile, source: Source, shrink: boolean, now: Date) => {
    let { blob, name } = file;
    let type = file.type || blob.type || 'application/octet-stream';
    let originalSize: number | null = null;
    if (source === 'photo') name = `photo-${fileStamp(now)}.${extensionFor(type, 'jpg')}`;
    if (source === 'video') name = `video-${fileStamp(now)}.${extensionFor(type, 'mp4')}`;
    if (shrink && isResizableImageType(type)) {
      const out = await downscaleImage(blob, maxPhotoDimension);
      if (out !== blob) {
        originalSize = blob.size;
        blob = out;
        type = out.type || OUTPUT_TYPE;
        name = withExtension(name, 'jpg');
      }
    }
    return { name, type, blob, originalSize };
  };

  const addFiles = async (files: CapturedFile[], source: Source) => {
    if (files.length === 0) return;
    const shrink = downscale;
    const now = new Date();
    setPending((n) => n + files.length);
    setAnnouncement(`Preparing ${files.length === 1 ? files[0]!.name || 'file' : `${files.length} files`}…`);
    const prepared = await Promise.all(files.map((f) => prepare(f, source, shrink, now)));
    if (!mountedRef.current) return;
    setPending((n) => n - files.length);
    const taken = new Set(itemsRef.current.map((i) => i.name));
    const added: Item[] = prepared.map((p) => {
      const name = uniqueName(p.name, taken);
      taken.add(name);
      let thumbUrl: string | null = null;
      if (p.type.startsWith('image/') && canMakeUrls()) {
        thumbUrl = URL.createObjectURL(p.blob);
        urlsRef.current.add(thumbUrl);
      }
      return { ...p, name, id: nextIdRef.current++, thumbUrl };
    });
    commit([...itemsRef.current, ...added]);
    setAnnouncement(
      added.length === 1 ? `Added ${added[0]!.name}.` : `Added ${added.length} files.`,
    );
  };

  const onInput = (e: ChangeEvent<HTMLInputElement>, source: Source) => {
    const input = e.currentTarget;
    const files = Array.from(input.files ?? []).map((f) => ({ name: f.name, type: f.type, blob: f as Blob }));
    input.value = ''; // so choosing the same file again still fires change
    void addFiles(files, source);
  };

  const remove = (item: Item) => {
    if (item.thumbUrl) {
      URL.revokeObjectURL(item.thumbUrl);
      urlsRef.current.delete(item.thumbUrl);
    }
    commit(itemsRef.current.filter((i) => i.id !== item.id));
    setAnnouncement(`Removed ${item.name}.`);
    listHeadingRef.current?.focus();
  };

  const headingId = `${id}-files`;
  return (
    <section className="media-capture" aria-label="Evidence capture">
      <div className="capture-row">
        <FileButton id={`${id}-photo`} icon="camera" text="Take photo" accept="image/*" capture="environment" onChange={(e) => onInput(e, 'photo')} />
        <FileButton id={`${id}-video`} icon="video" text="Record video" accept="video/*" capture="environment" onChange={(e) => onInput(e, 'video')} />
        <FileButton id={`${id}-file`} icon="file" text="Add file" multiple onChange={(e) => onInput(e, 'file')} />
      </div>

      <label className="capture-check">
        <input type="checkbox" checked={downscale} onChange={(e) => setDownscale(e.target.checked)} />
        Downscale photos (longest side {maxPhotoDimension} px, saves storage on this device)
      </label>

      <AudioRecorder onRecording={(file) => void addFiles([file], 'audio')} />

      <p id={headingId} className="capture-title" tabIndex={-1} ref={listHeadingRef}>
        Chosen files ({items.length})
      </p>
      {items.length === 0 ? (
        <p className="meta">No files chosen yet.</p>
      ) : (
        <ul className="capture-files" aria-labelledby={headingId}>
          {items.map((item) => (
            <li key={item.id}>
              {item.thumbUrl ? (
                <img
                  className="capture-thumb"
                  src={item.thumbUrl}
                  alt=""
                  width={56}
                  height={56}
                  onError={(e) => {
                    e.currentTarget.style.visibility = 'hidden';
                  }}
                />
              ) : (
                <span className="capture-thumb capture-kind" aria-hidden="true">
                  {kindLabel(item.type)}
                </span>
              )}
              <span className="capture-file-text">
                <span className="capture-file-name">{item.name}</span>
                <span className="meta">
                  {formatSize(item.blob.size)}
                  {item.originalSize !== null ? ` (downscaled from ${formatSize(item.originalSize)})` : ''}
                </span>
              </span>
              <button type="button" className="secondary" aria-label={`Remove ${item.name}`} onClick={() => remove(item)}>
                Remove
              </button>
            </li>
          ))}
        </ul>
      )}
      {pending > 0 && (
        <p className="meta" aria-hidden="true">
          Preparing {pending} {pending === 1 ? 'file' : 'files'}…
        </p>
      )}
      <p className="visually-hidden" role="status">
        {announcement}
      </p>
    </section>
  );
}

/**
 * A real file input that looks like a button: the transparent input covers the label (see capture.css), so it
 * is focusable, operable with Enter/Space, and named by the visible text (the icon is left out of the name).
 */
function FileButton({
  id,
  icon,
  text,
  onChange,
  ...input
}: {
  id: string;
  icon: keyof typeof ICONS;
  text: string;
  onChange(e: ChangeEvent<HTMLInputElement>): void;
  accept?: string;
  capture?: 'user' | 'environment';
  multiple?: boolean;
}) {
  return (
    <label className="capture-button file-button">
      <input type="file" aria-labelledby={`${id}-text`} onChange={onChange} {...input} />
      <Icon name={icon} />
      <span id={`${id}-text`}>{text}</span>
    </label>
  );
}

/** Stroke icons drawn inline: emoji fonts are missing on some devices, and these follow the text colour. */
const ICONS = {
  camera: 'M4 7h3l2-3h6l2 3h3a1 1 0 0 1 1 1v11a1 1 0 0 1-1 1H4a1 1 0 0 1-1-1V8a1 1 0 0 1 1-1zM12 17a4 4 0 1 0 0-8 4 4 0 0 0 0 8z',
  video: 'M4 6h10a2 2 0 0 1 2 2v8a2 2 0 0 1-2 2H4a2 2 0 0 1-2-2V8a2 2 0 0 1 2-2zM16 10l6-3v10l-6-3',
  file: 'M21 11.5l-8.5 8.5a5 5 0 0 1-7-7L14 4.5a3.5 3.5 0 0 1 5 5L10.5 18a2 2 0 0 1-3-3L15 7.5',
} as const;

function Icon({ name }: { name: keyof typeof ICONS }) {
  return (
    <svg className="capture-icon" viewBox="0 0 24 24" width="20" height="20" aria-hidden="true" focusable="false">
      <path d={ICONS[name]} fill="none" stroke="currentColor" strokeWidth="2" strokeLinecap="round" strokeLinejoin="round" />
    </svg>
  );
}
