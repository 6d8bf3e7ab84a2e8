/**
 * Photo downscaling for evidence capture. Phone cameras produce 12–50 MP photos (4–15 MB); a portfolio needs
 * far less, and everything is kept in IndexedDB on the device. Decoding goes through `createImageBitmap`
 * (off the main thread in every current browser) and encoding through `OffscreenCanvas.convertToBlob`
 * (asynchronous), so a large photo does not freeze the page. Anything that cannot be handled keeps the
 * original file: downscaling is an optimisation, never a reason to lose evidence.
 */

/** Types we decode and re-encode. Anything else (HEIC, GIF, SVG, video, documents) is kept as it is. */
const RESIZABLE_TYPES = new Set(['image/jpeg', 'image/png', 'image/webp']);

export const OUTPUT_TYPE = 'image/jpeg';

/** Whether `downscaleImage` will even try to re-encode a file of this MIME type. */
export const isResizableImageType = (type: string) => RESIZABLE_TYPES.has(type.toLowerCase());

/**
 * The largest size with the same aspect ratio whose longer side is at most `max`. Never upscales: a size that
 * already fits comes back unchanged. Each side is at least 1 px.
 */
export function fitWithin(width: number, height: number, max: number): { width: number; height: number } {
  if (!Number.isFinite(max) || max < 1) throw new RangeError(`max must be a finite number ≥ 1 (got ${max})`);
  if (!Number.isFinite(width) || !Number.isFinite(height) || width < 0 || height < 0) {
    throw new RangeError(`width and height must be finite and ≥ 0 (got ${width}×${height})`);
  }
  const longer = Math.max(width, height);
  if (longer <= max) return { width, height };
  const scale = max / longer;
  return {
    width: Math.min(max, Math.max(1, Math.round(width * scale))),
    height: Math.min(max, Math.max(1, Math.round(height * scale))),
  };
}

type Size = { width: number; height: number };

function draw(ctx: OffscreenCanvasRenderingContext2D | CanvasRenderingContext2D, bitmap: ImageBitmap, size: Size) {
  // JPEG has no alpha: paint white first so transparent PNG/WebP areas do not turn black.
  ctx.fillStyle = '#ffffff';
  ctx.fillRect(0, 0, size.width, size.height);
  ctx.imageSmoothingEnabled = true;
  ctx.imageSmoothingQuality = 'high';
  ctx.drawImage(bitmap, 0, 0, size.width, size.height);
}

async function encodeOffscreen(bitmap: ImageBitmap, size: Size, quality: number): Promise<Blob | null> {
  if (typeof OffscreenCanvas !== 'function') return null;
  try {
    const canvas = new OffscreenCanvas(size.width, size.height);
    // Safari before 16.4 has OffscreenCanvas without a 2D context.
    const ctx = canvas.getContext('2d');
    if (!ctx) return null;
    draw(ctx, bitmap, size);
    return await canvas.convertToBlob({ type: OUTPUT_TYPE, quality });
  } catch {
    return null;
  }
}

async function encodeInDocument(bitmap: ImageBitmap, size: Size, quality: number): Promise<Blob | null> {
  if (typeof document === 'undefined') return null;
  try {
    const canvas = document.createElement('canvas');
    canvas.width = size.width;
    canvas.height = size.height;
    const ctx = canvas.getContext('2d');
    if (!ctx) return null;
    draw(ctx, bitmap, size);
    const blob = await new Promise<Blob | null>((resolve) => canvas.toBlob(resolve, OUTPUT_TYPE, quality));
    // Release the backing store now rather than at garbage collection (matters on phones).
    canvas.width = 0;
    canvas.height = 0;
    return blob;
  } catch {
    return null;
  }
}

/**
 * A JPEG no larger than `maxDimension` on its longer side, or the original `file` when it is already small
 * enough, is not a JPEG/PNG/WebP, cannot be decoded or encoded here, or when the re-encoded file would be
 * larger than the original. EXIF orientation is applied while decoding, so the output is upright.
 */
export async function downscaleImage(file: Blob, maxDimension: number, quality = 0.85): Promise<Blob> {
  if (!isResizableImageType(file.type)) return file;
  if (typeof createImageBitmap !== 'function') return file;

  let bitmap: ImageBitmap;
  try {
    bitmap = await createImageBitmap(file, { imageOrientation: 'from-image' });
  } catch {
    return file;
  }
  try {
    const size = fitWithin(bitmap.width, bitmap.height, maxDimension);
    if (size.width === bitmap.width && size.height === bitmap.height) return file;
    const out = (await encodeOffscreen(bitmap, size, quality)) ?? (await encodeInDocument(bitmap, size, quality));
    if (!out || out.size === 0 || out.size >= file.size) return file;
    return out;
  } catch {
    return file;
  } finally {
    bitmap.close();
  }
}
