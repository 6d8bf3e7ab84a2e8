// Media types (MIME types) of evidence files: how the app may show each one, the file extension it is saved
// with, and a safe name for a download. The one place a media type is parsed: every check of "is this an SVG",
// "can this play" goes through parseMediaType, so parameters ("; charset=utf-8") and case cannot slip past.

/** A media type reduced to what decides how it is handled: `essence` is "type/subtype", lower case. */
export interface MediaType {
  type: string;
  subtype: string;
  essence: string;
}

/** RFC 9110 token characters: a type or subtype made of anything else is not a media type. */
const TOKEN = /^[!#$%&'*+.^_`|~0-9a-z-]+$/;

/** "Image/SVG+XML ; charset=utf-8" → image/svg+xml; null for text that is not a media type. */
export function parseMediaType(value: string): MediaType | null {
  const essence = (value.split(';')[0] ?? '').trim().toLowerCase();
  const slash = essence.indexOf('/');
  const type = essence.slice(0, slash);
  const subtype = essence.slice(slash + 1);
  if (slash < 0 || !TOKEN.test(type) || !TOKEN.test(subtype)) return null;
  return { type, subtype, essence };
}

/**
 * How the app shows a file: raster images in <img>, sound in <audio>, film in <video>; everything else
 * (SVG, HTML, XML, PDF, documents, unknown) is only offered as a download. SVG is not shown even in <img>, where
 * its scripts would not run: "Open image in new tab" on it would open the blob as a page of the app's origin.
 */
export type MediaDisplay = 'image' | 'audio' | 'video' | 'download';

/** Raster formats browsers decode as pictures only, never as documents. */
const RASTER_IMAGES = new Set(['image/png', 'image/jpeg', 'image/gif', 'image/webp', 'image/avif', 'image/bmp']);

export function mediaDisplay(mimeType: string): MediaDisplay {
  const parsed = parseMediaType(mimeType);
  if (!parsed) return 'download';
  if (RASTER_IMAGES.has(parsed.essence)) return 'image';
  if (parsed.type === 'audio' || parsed.type === 'video') return parsed.type;
  return 'download';
}

/** The type a download is handed to the browser as: never rendered, whatever the file holds. */
export const DOWNLOAD_TYPE = 'application/octet-stream';

/**
 * The extensions files are saved with, by media type: a safe list (no executables, scripts or shortcuts), so a
 * received file's type cannot choose what a double-click on the saved file runs.
 */
const EXTENSIONS: Record<string, string> = {
  'image/jpeg': 'jpg',
  'image/png': 'png',
  'image/webp': 'webp',
  'image/gif': 'gif',
  'image/avif': 'avif',
  'image/bmp': 'bmp',
  'image/heic': 'heic',
  'image/heif': 'heif',
  'image/svg+xml': 'svg',
  'video/mp4': 'mp4',
  'video/webm': 'webm',
  'video/quicktime': 'mov',
  'video/x-matroska': 'mkv',
  'video/3gpp': '3gp',
  'audio/webm': 'webm',
  'audio/mp4': 'm4a',
  'audio/x-m4a': 'm4a',
  'audio/aac': 'm4a',
  'audio/mpeg': 'mp3',
  'audio/ogg': 'ogg',
  'audio/wav': 'wav',
  'audio/wave': 'wav',
  'application/pdf': 'pdf',
  'text/plain': 'txt',
  'text/csv': 'csv',
  'application/msword': 'doc',
  'application/vnd.openxmlformats-officedocument.wordprocessingml.document': 'docx',
  'application/vnd.ms-excel': 'xls',
  'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet': 'xlsx',
  'application/vnd.oasis.opendocument.text': 'odt',
  'application/vnd.oasis.opendocument.spreadsheet': 'ods',
};

/** The extension for a media type from the safe list ("image/jpeg; q=1" → "jpg"); null when it has none. */
export function mediaExtension(mimeType: string): string | null {
  const parsed = parseMediaType(mimeType);
  return (parsed && EXTENSIONS[parsed.essence]) ?? null;
}

/** Path separators, characters Windows forbids, control characters (C0, DEL, C1) and bidi/format controls. */
// eslint-disable-next-line no-control-regex
const UNSAFE_NAME_CHARACTERS = /[/\\:*?"<>|\u0000-\u001f\u007f-\u009f\u200b-\u200f\u202a-\u202e\u2066-\u2069]+/g;
const MAX_STEM = 100;

/**
 * A name to save a file under: the stem of `name` without path or control characters (nor leading dots, so
 * nothing hidden or "..") and the extension of its media type from the safe list ("bin" when none).
 */
export function safeDownloadName(name: string, mimeType: string, fallbackStem: string): string {
  const cleaned = name.replace(UNSAFE_NAME_CHARACTERS, '_').trim();
  const dot = cleaned.lastIndexOf('.');
  const stem = (dot > 0 ? cleaned.slice(0, dot) : cleaned)
    .replace(/^[.\s]+/, '')
    .trim()
    .slice(0, MAX_STEM);
  return `${stem || fallbackStem}.${mediaExtension(mimeType) ?? 'bin'}`;
}
