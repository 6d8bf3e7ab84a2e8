// What each byte of a zip written by Fieldfolio is (its field, named for test messages), and a verified bundle in
// a form that compares whole, media bytes included: for "a change outside the bag imports identically".
import type { VerifiedBundle } from '../../../src/bundle/verify';

/** Fields a reader may ignore: they are zip metadata, not part of the bag the signature binds. */
export const ZIP_ONLY_FIELDS = new Set([
  'local version needed',
  'local time',
  'local date',
  'data descriptor',
  'central version made by',
  'central version needed',
  'central time',
  'central date',
  'central internal attributes',
  'central external attributes',
]);

const LOCAL = [
  [4, 'signature'],
  [2, 'version needed'],
  [2, 'flags'],
  [2, 'method'],
  [2, 'time'],
  [2, 'date'],
  [4, 'crc'],
  [4, 'compressed size'],
  [4, 'size'],
  [2, 'name length'],
  [2, 'extra length'],
] as const;
const CENTRAL = [
  [4, 'signature'],
  [2, 'version made by'],
  ...LOCAL.slice(1),
  [2, 'comment length'],
  [2, 'disk'],
  [2, 'internal attributes'],
  [4, 'external attributes'],
  [4, 'local header offset'],
] as const;

/**
 * The field of every byte of a zip as Fieldfolio writes it: per entry a local header, its name, its data and a
 * 16-byte data descriptor; then the central directory and the end record (no extras, no comments).
 */
export function zipFieldsByOffset(zip: Uint8Array): string[] {
  const v = new DataView(zip.buffer, zip.byteOffset, zip.byteLength);
  const fields: string[] = [];
  const label = (widths: ReadonlyArray<readonly [number, string]>, prefix: string) => {
    for (const [width, name] of widths) for (let k = 0; k < width; k++) fields.push(`${prefix} ${name}`);
  };
  const repeat = (n: number, name: string) => fields.push(...Array<string>(n).fill(name));
  const cdOffset = v.getUint32(zip.length - 6, true);
  while (fields.length < cdOffset) {
    const at = fields.length;
    const nameLength = v.getUint16(at + 26, true);
    label(LOCAL, 'local');
    repeat(nameLength, 'local name');
    // The entry's size is in its data descriptor, found through the central directory: scan to its signature.
    let end = at + 30 + nameLength;
    while (v.getUint32(end, true) !== 0x08074b50 || v.getUint32(end + 8, true) !== end - (at + 30 + nameLength)) end++;
    repeat(end - (at + 30 + nameLength), 'data');
    repeat(16, 'data descriptor');
  }
  while (fields.length < zip.length - 22) {
    const nameLength = v.getUint16(fields.length + 28, true);
    label(CENTRAL, 'central');
    repeat(nameLength, 'central name');
  }
  repeat(22, 'end record');
  return fields;
}

/** A verified bundle with its media read, to compare with toEqual. */
export async function comparable(bundle: VerifiedBundle) {
  const media = await Promise.all([...bundle.media].map(async ([id, blob]) => [id, blob.type, await blob.text()]));
  return { ...bundle, media: media.sort() };
}
