/** Small pure helpers for captured files (names, sizes). */
import { mediaExtension } from '../../domain';

/** "12 bytes", "340 KB", "4.2 MB", "1.3 GB". */
export function formatSize(bytes: number): string {
  if (!Number.isFinite(bytes) || bytes < 0) return '—';
  if (bytes < 1024) return `${bytes} ${bytes === 1 ? 'byte' : 'bytes'}`;
  const kb = bytes / 1024;
  if (kb < 1024) return `${kb < 10 ? kb.toFixed(1) : Math.round(kb)} KB`;
  const mb = kb / 1024;
  if (mb < 1024) return `${mb < 10 ? mb.toFixed(1) : Math.round(mb)} MB`;
  return `${(mb / 1024).toFixed(1)} GB`;
}

const pad2 = (n: number) => String(n).padStart(2, '0');

/** Local date and time usable in a file name on every platform: "2025-06-03_14-05-09". */
export function fileStamp(at: Date): string {
  return (
    `${at.getFullYear()}-${pad2(at.getMonth() + 1)}-${pad2(at.getDate())}` +
    `_${pad2(at.getHours())}-${pad2(at.getMinutes())}-${pad2(at.getSeconds())}`
  );
}

/** `name` with its extension replaced (or added): ("IMG_0042.PNG", "jpg") → "IMG_0042.jpg". */
export function withExtension(name: string, ext: string): string {
  const dot = name.lastIndexOf('.');
  const stem = dot > 0 ? name.slice(0, dot) : name;
  return `${stem}.${ext}`;
}

/** Extension for a captured photo or video, from its MIME type ("image/jpeg" → "jpg"). */
export const extensionFor = (type: string, fallback: string): string => mediaExtension(type) ?? fallback;

/**
 * `name`, or `name-2`, `name-3`… (before the extension) if already taken. Phones often call every camera
 * capture "image.jpg", and a portfolio needs evidence files it can tell apart.
 */
export function uniqueName(name: string, taken: ReadonlySet<string>): string {
  if (!taken.has(name)) return name;
  const dot = name.lastIndexOf('.');
  const stem = dot > 0 ? name.slice(0, dot) : name;
  const ext = dot > 0 ? name.slice(dot) : '';
  for (let i = 2; ; i++) {
    const candidate = `${stem}-${i}${ext}`;
    if (!taken.has(candidate)) return candidate;
  }
}
