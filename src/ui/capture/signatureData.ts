import type { PointGroup } from 'signature_pad';

/**
 * Stroke data scaled by `factor`, for redrawing a signature after its canvas changed width (rotating the
 * phone, resizing the window). signature_pad stores points in CSS pixels, so without scaling a signature
 * drawn on a wide canvas would be cropped on a narrow one. Line widths scale too, so it looks the same.
 */
export function scalePointGroups(groups: readonly PointGroup[], factor: number): PointGroup[] {
  if (!Number.isFinite(factor) || factor <= 0) throw new RangeError(`factor must be > 0 (got ${factor})`);
  return groups.map((g) => ({
    ...g,
    dotSize: g.dotSize * factor,
    minWidth: g.minWidth * factor,
    maxWidth: g.maxWidth * factor,
    points: g.points.map((p) => ({ ...p, x: p.x * factor, y: p.y * factor })),
  }));
}

export interface Size {
  width: number;
  height: number;
}

/** Where, in CSS pixels of its box, an image is drawn. */
export interface Placement extends Size {
  xOffset: number;
  yOffset: number;
}

/**
 * Where an image sits in a box without being stretched: as large as fits, centred both ways. A signature kept from a
 * box of another shape (the older 2:1 pad, a rotated phone) keeps its own proportions in the pad it is shown in.
 * An image of no size fills the box (nothing better is known).
 */
export function containedIn(image: Size, box: Size): Placement {
  const valid = (n: number) => Number.isFinite(n) && n > 0;
  if (!valid(image.width) || !valid(image.height)) return { ...box, xOffset: 0, yOffset: 0 };
  const scale = Math.min(box.width / image.width, box.height / image.height);
  const width = image.width * scale;
  const height = image.height * scale;
  return { width, height, xOffset: (box.width - width) / 2, yOffset: (box.height - height) / 2 };
}

const PNG_PREFIX = 'data:image/png;base64,';
const SVG_PREFIX = 'data:image/svg+xml;base64,';

/**
 * The size a kept signature image declares, read from its data URL without decoding the picture (so it is known at
 * once, before any image loads): a PNG's header or an SVG's viewBox (else its width and height). null when it is
 * neither or cannot be read.
 */
export function signatureImageSize(dataUrl: string): Size | null {
  try {
    if (dataUrl.startsWith(PNG_PREFIX)) return pngSize(atob(dataUrl.slice(PNG_PREFIX.length, PNG_PREFIX.length + 32)));
    if (dataUrl.startsWith(SVG_PREFIX)) return svgSize(atob(dataUrl.slice(SVG_PREFIX.length)));
  } catch {
    // not base64: fall through
  }
  return null;
}

/** Width and height from a PNG's IHDR chunk (bytes 16–23, big-endian), given its first 24 bytes as a binary string. */
function pngSize(head: string): Size | null {
  if (head.length < 24 || head.slice(1, 4) !== 'PNG' || head.slice(12, 16) !== 'IHDR') return null;
  const uint32 = (at: number) =>
    ((head.charCodeAt(at) << 24) |
      (head.charCodeAt(at + 1) << 16) |
      (head.charCodeAt(at + 2) << 8) |
      head.charCodeAt(at + 3)) >>>
    0;
  return positiveSize(uint32(16), uint32(20));
}

/** The proportions an SVG's root element declares: its viewBox, else its width and height (plain or px numbers). */
function svgSize(text: string): Size | null {
  const root = /<svg\b[^>]*>/i.exec(text)?.[0];
  if (!root) return null;
  const number = '([0-9]*\\.?[0-9]+(?:e[-+]?[0-9]+)?)';
  const viewBox = new RegExp(`\\bviewBox\\s*=\\s*["']\\s*\\S+[\\s,]+\\S+[\\s,]+${number}[\\s,]+${number}`, 'i').exec(
    root,
  );
  if (viewBox) return positiveSize(Number(viewBox[1]), Number(viewBox[2]));
  const attribute = (name: string) => new RegExp(`\\b${name}\\s*=\\s*["']\\s*${number}(?:px)?\\s*["']`, 'i').exec(root);
  const width = attribute('width');
  const height = attribute('height');
  return width && height ? positiveSize(Number(width[1]), Number(height[1])) : null;
}

function positiveSize(width: number, height: number): Size | null {
  return Number.isFinite(width) && Number.isFinite(height) && width > 0 && height > 0 ? { width, height } : null;
}
