import { useEffect, useRef, useState } from 'react';
import { DOWNLOAD_TYPE, mediaDisplay, parseMediaType } from '../../domain';
import { mediaProblem } from './checkMedia';
import type { CapturedFile } from './recording';
import { downscaleImage, isResizableImageType, OUTPUT_TYPE } from './downscale';
import { extensionFor, fileStamp, uniqueName, withExtension } from './files';

export type ChosenFile = CapturedFile & {
  id: number;
  /** Object URL for an image thumbnail; revoked on remove and unmount. */
  thumbUrl: string | null;
  /** Size before downscaling, when the photo was downscaled. */
  originalSize: number | null;
};

/** A file that failed its check on capture: what is wrong, until it is kept as a plain file or dropped. */
export type RejectedFile = { id: number; file: CapturedFile; problem: string };

/** Where a file came from: camera captures get a timestamped name instead of the phone's "image.jpg". */
export type Source = 'photo' | 'video' | 'file' | 'audio';

const canMakeUrls = () => typeof URL.createObjectURL === 'function' && typeof URL.revokeObjectURL === 'function';

/** A file as it is kept: camera captures renamed by time, photos downscaled when asked. */
async function prepareFile(file: CapturedFile, source: Source, shrink: number | null, now: Date) {
  let { blob, name } = file;
  let type = file.type || blob.type || 'application/octet-stream';
  let originalSize: number | null = null;
  if (source === 'photo') name = `photo-${fileStamp(now)}.${extensionFor(type, 'jpg')}`;
  if (source === 'video') name = `video-${fileStamp(now)}.${extensionFor(type, 'mp4')}`;
  if (shrink !== null && isResizableImageType(type)) {
    const out = await downscaleImage(blob, shrink);
    if (out !== blob) {
      originalSize = blob.size;
      blob = out;
      type = out.type || OUTPUT_TYPE;
      name = withExtension(name, 'jpg');
    }
  }
  return { name, type, blob, originalSize };
}

/** A thumbnail's object URL (noted in `urls` to be freed), or null. */
function thumbnailUrl(file: { type: string; blob: Blob }, urls: Set<string>): string | null {
  // Raster images only, typed as parsed: a chosen SVG or HTML file is never given a URL of the app's origin.
  if (mediaDisplay(file.type) !== 'image' || !canMakeUrls()) return null;
  const url = URL.createObjectURL(new Blob([file.blob], { type: parseMediaType(file.type)!.essence }));
  urls.add(url);
  return url;
}

/** Splits files into those that pass their check on capture and those that fail it, with what is wrong. */
async function sortByCheck(files: CapturedFile[], nextId: () => number) {
  const problems = await Promise.all(files.map((f) => mediaProblem(f.blob, f.type || f.blob.type)));
  const failed: RejectedFile[] = files.flatMap((file, i) => {
    const problem = problems[i];
    return problem ? [{ id: nextId(), file, problem }] : [];
  });
  return { good: files.filter((_, i) => problems[i] === null), failed };
}

/**
 * The files chosen so far, each with a thumbnail URL freed on remove and unmount; what a screen reader is told;
 * how many files are still being prepared. `onFiles` receives the whole list on every change.
 */
export function useCapturedFiles(
  onFiles: (files: CapturedFile[]) => void,
  listHeadingRef: { current: HTMLElement | null },
) {
  const [items, setItems] = useState<ChosenFile[]>([]);
  const [pending, setPending] = useState(0);
  const [announcement, setAnnouncement] = useState('');
  const [rejected, setRejected] = useState<RejectedFile[]>([]);
  const itemsRef = useRef<ChosenFile[]>([]);
  const urlsRef = useRef(new Set<string>());
  const nextIdRef = useRef(1);
  const mountedRef = useRef(true);

  useEffect(() => {
    mountedRef.current = true;
    const urls = urlsRef.current;
    return () => {
      mountedRef.current = false;
      urls.forEach((u) => URL.revokeObjectURL(u));
      urls.clear();
    };
  }, []);

  const commit = (next: ChosenFile[]) => {
    itemsRef.current = next;
    setItems(next);
    onFiles(next.map(({ name, type, blob }) => ({ name, type, blob })));
  };

  /** `shrink`: the longest side photos are downscaled to, or null to keep them as taken. */
  const addFiles = async (files: CapturedFile[], source: Source, shrink: number | null) => {
    if (files.length === 0) return;
    const now = new Date();
    setPending((n) => n + files.length);
    setAnnouncement(`Preparing ${files.length === 1 ? files[0]!.name || 'file' : `${files.length} files`}…`);
    const { good, failed } = await sortByCheck(files, () => nextIdRef.current++);
    const prepared = await Promise.all(good.map((f) => prepareFile(f, source, shrink, now)));
    if (!mountedRef.current) return;
    setPending((n) => n - files.length);
    if (failed.length) setRejected((r) => [...r, ...failed]);
    if (prepared.length === 0)
      return setAnnouncement(failed.map((f) => `${f.file.name || 'The file'} ${f.problem}`).join(' '));
    const taken = new Set(itemsRef.current.map((i) => i.name));
    const added: ChosenFile[] = prepared.map((p) => {
      const name = uniqueName(p.name, taken);
      taken.add(name);
      return { ...p, name, id: nextIdRef.current++, thumbUrl: thumbnailUrl(p, urlsRef.current) };
    });
    commit([...itemsRef.current, ...added]);
    setAnnouncement(added.length === 1 ? `Added ${added[0]!.name}.` : `Added ${added.length} files.`);
  };

  const remove = (item: ChosenFile) => {
    if (item.thumbUrl) {
      URL.revokeObjectURL(item.thumbUrl);
      urlsRef.current.delete(item.thumbUrl);
    }
    commit(itemsRef.current.filter((i) => i.id !== item.id));
    setAnnouncement(`Removed ${item.name}.`);
    listHeadingRef.current?.focus();
  };

  /** Keeps a file that failed its check as a plain file (a product), offered as a download, never shown inline. */
  const keepAsFile = (item: RejectedFile) => {
    setRejected((r) => r.filter((x) => x.id !== item.id));
    const taken = new Set(itemsRef.current.map((i) => i.name));
    const name = uniqueName(item.file.name || 'file', taken);
    const kept = { name, type: DOWNLOAD_TYPE, blob: item.file.blob, thumbUrl: null, originalSize: null };
    commit([...itemsRef.current, { ...kept, id: nextIdRef.current++ }]);
    setAnnouncement(`Kept ${name} as a plain file.`);
  };

  const discard = (item: RejectedFile) => {
    setRejected((r) => r.filter((x) => x.id !== item.id));
    listHeadingRef.current?.focus();
  };

  return { items, pending, announcement, rejected, addFiles, remove, keepAsFile, discard };
}
