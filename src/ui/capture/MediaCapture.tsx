import { useId, useRef, useState, type ChangeEvent } from 'react';
import { parseMediaType } from '../../domain';
import { AudioRecorder } from './AudioRecorder';
import type { CapturedFile } from './recording';
import { formatSize } from './files';
import { useCapturedFiles, type ChosenFile, type RejectedFile, type Source } from './useCapturedFiles';
import './capture.css';

export type MediaCaptureProps = {
  /** Receives the whole current list every time it changes (added, downscaled, removed). */
  onFiles(files: CapturedFile[]): void;
  downscalePhotos?: boolean;
  maxPhotoDimension?: number;
};

function kindLabel(type: string): string {
  const parsed = parseMediaType(type);
  if (parsed?.type === 'image') return 'Image';
  if (parsed?.type === 'video') return 'Video';
  if (parsed?.type === 'audio') return 'Audio';
  if (parsed?.subtype === 'pdf') return 'PDF';
  return 'File';
}

/** The buttons that open the camera (the rear one, where a phone has two). */
const CAMERA_BUTTONS = [
  { source: 'photo', icon: 'camera', text: 'Take photo', accept: 'image/*' },
  { source: 'video', icon: 'video', text: 'Record video', accept: 'video/*' },
] as const;

/**
 * Capture evidence on a phone: take a photo or video with the camera, record audio in the page, or add any
 * file (e.g. a product document). Photos are downscaled on the device unless switched off. The file inputs
 * look like buttons but stay real, labelled file inputs, so they work with a keyboard and screen readers.
 */
export function MediaCapture({ onFiles, downscalePhotos = true, maxPhotoDimension = 2048 }: MediaCaptureProps) {
  const id = useId();
  const [downscale, setDownscale] = useState(downscalePhotos);
  const listHeadingRef = useRef<HTMLParagraphElement>(null);
  const { items, pending, announcement, rejected, addFiles, remove, keepAsFile, discard } = useCapturedFiles(
    onFiles,
    listHeadingRef,
  );
  const shrink = downscale ? maxPhotoDimension : null;

  const onInput = (e: ChangeEvent<HTMLInputElement>, source: Source) => {
    const input = e.currentTarget;
    const files = Array.from(input.files ?? []).map((f) => ({ name: f.name, type: f.type, blob: f as Blob }));
    input.value = ''; // so choosing the same file again still fires change
    void addFiles(files, source, shrink);
  };

  const headingId = `${id}-files`;
  return (
    <section className="media-capture" aria-label="Evidence capture">
      <div className="capture-row">
        {CAMERA_BUTTONS.map((b) => (
          <FileButton
            key={b.source}
            id={`${id}-${b.source}`}
            icon={b.icon}
            text={b.text}
            accept={b.accept}
            capture="environment"
            onChange={(e) => onInput(e, b.source)}
          />
        ))}
        <FileButton id={`${id}-file`} icon="file" text="Add file" multiple onChange={(e) => onInput(e, 'file')} />
      </div>

      <label className="capture-check">
        <input type="checkbox" checked={downscale} onChange={(e) => setDownscale(e.target.checked)} />
        Downscale photos to {maxPhotoDimension} px (saves storage)
      </label>

      <AudioRecorder onRecording={(file) => void addFiles([file], 'audio', shrink)} />

      {rejected.map((r) => (
        <RejectedItem key={r.id} item={r} onKeep={() => keepAsFile(r)} onDiscard={() => discard(r)} />
      ))}
      <p id={headingId} className="capture-title" tabIndex={-1} ref={listHeadingRef}>
        Chosen files ({items.length})
      </p>
      {items.length > 0 && (
        <ul className="capture-files" aria-labelledby={headingId}>
          {items.map((item) => (
            <CapturedItem key={item.id} item={item} onRemove={() => remove(item)} />
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

/** A file that failed its check: what is wrong, and the choice to keep it as a plain file (if it holds anything). */
function RejectedItem({ item, onKeep, onDiscard }: { item: RejectedFile; onKeep: () => void; onDiscard: () => void }) {
  const name = item.file.name || 'The file';
  return (
    <div className="alert capture-rejected" role="alert">
      <p>
        <strong>{name}</strong> {item.problem}
      </p>
      <div className="actions">
        {item.file.blob.size > 0 && (
          <button type="button" className="secondary" onClick={onKeep}>
            Keep {name} as a plain file
          </button>
        )}
        <button type="button" className="secondary" onClick={onDiscard}>
          Discard {name}
        </button>
      </div>
    </div>
  );
}

/** A chosen file: its thumbnail (or kind), name and size, and its Remove button. */
function CapturedItem({ item, onRemove }: { item: ChosenFile; onRemove: () => void }) {
  return (
    <li>
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
      <button type="button" className="secondary" aria-label={`Remove ${item.name}`} onClick={onRemove}>
        Remove
      </button>
    </li>
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
  camera:
    'M4 7h3l2-3h6l2 3h3a1 1 0 0 1 1 1v11a1 1 0 0 1-1 1H4a1 1 0 0 1-1-1V8a1 1 0 0 1 1-1zM12 17a4 4 0 1 0 0-8 4 4 0 0 0 0 8z',
  video: 'M4 6h10a2 2 0 0 1 2 2v8a2 2 0 0 1-2 2H4a2 2 0 0 1-2-2V8a2 2 0 0 1 2-2zM16 10l6-3v10l-6-3',
  file: 'M21 11.5l-8.5 8.5a5 5 0 0 1-7-7L14 4.5a3.5 3.5 0 0 1 5 5L10.5 18a2 2 0 0 1-3-3L15 7.5',
} as const;

function Icon({ name }: { name: keyof typeof ICONS }) {
  return (
    <svg className="capture-icon" viewBox="0 0 24 24" width="20" height="20" aria-hidden="true" focusable="false">
      <path
        d={ICONS[name]}
        fill="none"
        stroke="currentColor"
        strokeWidth="2"
        strokeLinecap="round"
        strokeLinejoin="round"
      />
    </svg>
  );
}
