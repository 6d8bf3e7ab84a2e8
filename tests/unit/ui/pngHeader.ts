// A PNG data URL of a given size, for tests of what is drawn from a kept signature (jsdom decodes no images).

/** The start of a PNG of this size as a data URL: signature, IHDR chunk (what the size is read from), no pixels. */
export function pngHeaderDataUrl(width: number, height: number): string {
  const bytes = [0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a, 0, 0, 0, 13, 0x49, 0x48, 0x44, 0x52];
  for (const n of [width, height]) bytes.push((n >>> 24) & 255, (n >>> 16) & 255, (n >>> 8) & 255, n & 255);
  bytes.push(8, 6, 0, 0, 0, 0, 0, 0, 0); // bit depth, colour type, compression, filter, interlace, CRC
  return `data:image/png;base64,${btoa(String.fromCharCode(...bytes))}`;
}
