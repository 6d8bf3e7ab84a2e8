// Media checked as it is captured: a 0-byte file, or a text file renamed .jpg, was accepted as a photo and shown
// as a broken image. Pictures are decoded and recordings probed (their metadata loaded) by the browser that will
// show them; what fails is said in words, and the person may keep the file as a plain file (a product) instead.
import { mediaDisplay, parseMediaType } from '../../domain';

/** How long a recording's metadata may take to load before the check gives up and accepts the file. */
const PROBE_MS = 8000;

/** Decodes a picture: createImageBitmap where there is one, else an <img>'s decode(). */
async function decodes(blob: Blob, type: string): Promise<boolean | null> {
  const typed = new Blob([blob], { type: parseMediaType(type)?.essence ?? type });
  if (typeof createImageBitmap === 'function') {
    try {
      (await createImageBitmap(typed)).close();
      return true;
    } catch {
      return false;
    }
  }
  const canDecode = typeof Image !== 'undefined' && typeof Image.prototype.decode === 'function';
  if (!canDecode || typeof URL.createObjectURL !== 'function') return null;
  const url = URL.createObjectURL(typed);
  try {
    const img = new Image();
    img.src = url;
    await img.decode();
    return true;
  } catch {
    return false;
  } finally {
    URL.revokeObjectURL(url);
  }
}

/** Loads a recording's metadata (duration, tracks) in an unattached audio or video element. */
function probes(blob: Blob, kind: 'audio' | 'video'): Promise<boolean | null> {
  const element = document.createElement(kind);
  // A type the browser says it cannot play at all is not probed (nor is anything where nothing plays, e.g. jsdom):
  // there is no telling a damaged file from an unknown format.
  if (typeof URL.createObjectURL !== 'function' || !element.canPlayType?.(blob.type)) return Promise.resolve(null);
  const url = URL.createObjectURL(blob);
  return new Promise<boolean | null>((resolve) => {
    const done = (ok: boolean | null) => {
      clearTimeout(timer);
      element.removeAttribute('src');
      element.load();
      URL.revokeObjectURL(url);
      resolve(ok);
    };
    const timer = setTimeout(() => done(null), PROBE_MS);
    element.preload = 'metadata';
    element.onloadedmetadata = () => done(true);
    element.onerror = () => done(false);
    element.src = url;
  });
}

/**
 * What is wrong with a captured file, in words that follow its name ("photo.jpg is empty …"), or null when it is
 * fine (or this browser cannot tell). Files that are neither pictures nor recordings are only checked for content.
 */
export async function mediaProblem(blob: Blob, type: string): Promise<string | null> {
  if (blob.size === 0) return 'is empty (0 bytes): nothing was saved in it. Take or choose it again.';
  const display = mediaDisplay(type);
  if (display === 'image') {
    const ok = await decodes(blob, type);
    return ok === false ? 'is not a picture this device can open: it may be damaged, or not a photo at all.' : null;
  }
  if (display === 'audio' || display === 'video') {
    const ok = await probes(new Blob([blob], { type: parseMediaType(type)!.essence }), display);
    const what = display === 'audio' ? 'sound recording' : 'video';
    return ok === false ? `is not a ${what} this device can play: it may be damaged or in an unknown format.` : null;
  }
  return null;
}
