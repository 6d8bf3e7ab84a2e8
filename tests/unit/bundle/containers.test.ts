// Any conforming zip of a valid bag is a bundle: re-zipped by Info-ZIP or Python, with macOS's __MACOSX folder,
// the bag at the zip root. The signature binds the bag, and every safety check still applies to every entry.
import 'fake-indexeddb/auto';
import { execFileSync } from 'node:child_process';
import { mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { strToU8, zipSync } from 'fflate';
import { db } from '../../../src/storage/db';
import { ECDSA, ECDSA_SIGN, fromBase64, isLowS, loadPortfolio, toBase64 } from '../../../src/storage';
import { importBundle } from './trusting';
import { signatureFileFor } from '../../../src/bundle/signature';
import { device, installFileClock, rejection, setUpDemoPhone, unzipAll } from './helpers';

installFileClock();

/** The portfolio and media bytes a bundle restores into a fresh device. */
async function restored(blob: Blob) {
  await device('receiver');
  const { bundle } = await importBundle(blob, 'restore');
  const { problems: _problems, ...portfolio } = (await loadPortfolio(bundle.portfolioId))!;
  const media = await Promise.all((await db().media.toArray()).map(async (m) => [m.sha256, await m.blob.text()]));
  return { portfolio, media: media.sort() };
}

const zipOf = (files: Record<string, Uint8Array>) => new Blob([zipSync(files, { level: 0 }) as BlobPart]);

/** Python's zipfile writing the folder `bag` (entries in reverse order, an archive comment) to stdout or a file. */
const PYTHON_ZIP = `
import os, sys, zipfile
method, root, out = getattr(zipfile, sys.argv[1]), sys.argv[2], sys.argv[3]
target = sys.stdout.buffer if out == '-' else open(out, 'wb')
with zipfile.ZipFile(target, 'w', method) as z:
    z.comment = b'made by Python'
    names = sorted(os.path.join(d, f) for d, _, fs in os.walk(root) for f in fs)
    for name in reversed(names):
        with open(name, 'rb') as f:
            z.writestr(os.path.relpath(name, os.path.dirname(root)), f.read())
`;

describe('containers: any conforming zip of the bag', () => {
  const demo = setUpDemoPhone();
  let dir: string;
  let root: string;
  let original: Awaited<ReturnType<typeof restored>>;

  beforeAll(async () => {
    dir = mkdtempSync(join(tmpdir(), 'fieldfolio-rezip-'));
    const files = await unzipAll(demo.bundle);
    root = Object.keys(files)[0]!.split('/')[0]!;
    for (const [name, bytes] of Object.entries(files)) {
      mkdirSync(dirname(join(dir, name)), { recursive: true });
      writeFileSync(join(dir, name), bytes);
    }
    original = await restored(demo.bundle);
  });
  afterAll(() => rmSync(dir, { recursive: true, force: true }));

  /** Runs a zip tool in the temporary folder; its output file (or stdout when it is '-') as a Blob. */
  function rezip(command: string, args: string[], output: string, cwd = dir): Blob {
    rmSync(join(dir, 'out.zip'), { force: true });
    const stdout = execFileSync(command, args, { cwd, maxBuffer: 256 * 1024 * 1024 });
    return new Blob([(output === '-' ? stdout : readFileSync(join(dir, output))) as BlobPart]);
  }

  it.each([
    ['zip -r (deflate, extra fields, folder entries)', ['-r', '-q']],
    ['zip -r -0 (stored)', ['-r', '-q', '-0']],
    ['zip -r -X (no extra fields)', ['-r', '-q', '-X']],
    ['zip -r -0 -X', ['-r', '-q', '-0', '-X']],
  ])('Info-ZIP %s: accepted, imports identically', async (_, options) => {
    const blob = rezip('zip', [...options, 'out.zip', root], 'out.zip');
    expect(await restored(blob)).toEqual(original);
  });

  it('Info-ZIP to a pipe (data descriptors, deflate): accepted, imports identically', async () => {
    const blob = rezip('zip', ['-r', '-q', '-fz-', '-', root], '-');
    expect(await restored(blob)).toEqual(original);
  });

  it("Info-ZIP of the bag folder's contents (the bag at the zip root): accepted, imports identically", async () => {
    const blob = rezip('zip', ['-r', '-q', '../out.zip', '.'], 'out.zip', join(dir, root));
    expect(await restored(blob)).toEqual(original);
  });

  it.each([
    ['ZIP_STORED', 'out.zip'],
    ['ZIP_DEFLATED', 'out.zip'],
    ['ZIP_DEFLATED', '-'],
  ])('Python zipfile %s to %s (reverse order, a comment): accepted, imports identically', async (method, out) => {
    const blob = rezip('python3', ['-c', PYTHON_ZIP, method, root, out], out);
    expect(await restored(blob)).toEqual(original);
  });

  it('a zip with macOS __MACOSX resource forks: they are ignored, it imports identically', async () => {
    const files = await unzipAll(demo.bundle);
    files['__MACOSX/'] = new Uint8Array();
    files[`__MACOSX/${root}/`] = new Uint8Array();
    files[`__MACOSX/${root}/._bagit.txt`] = strToU8('AppleDouble');
    files[`__MACOSX/${root}/data/._portfolio.json`] = strToU8('AppleDouble');
    files[`${root}/`] = new Uint8Array();
    expect(await restored(zipOf(files))).toEqual(original);
  });

  it('the safety checks apply to __MACOSX entries too', async () => {
    const files = await unzipAll(demo.bundle);
    files['__MACOSX/../evil.txt'] = strToU8('x');
    const e = await rejection(zipOf(files));
    expect(e.message).toBe('__MACOSX/../evil.txt: rejected: path traversal ("..")');
  });

  it('two names for one file on a case-insensitive file system are refused as duplicates', async () => {
    const files = await unzipAll(demo.bundle);
    files[`${root}/BAGIT.txt`] = files[`${root}/bagit.txt`]!;
    const e = await rejection(zipOf(files));
    expect(e.message).toBe(`${root}/BAGIT.txt: rejected: same file as ${root}/bagit.txt`);
  });

  it('a file beside the bag folder is refused, naming it (not the first entry)', async () => {
    const files = { 'README.txt': strToU8('hello'), ...(await unzipAll(demo.bundle)) };
    const e = await rejection(zipOf(files));
    expect(e.message).toBe(`README.txt: is outside the bag folder "${root}/"`);
  });

  it('a local header that disagrees with the central directory is refused, naming that entry and its offset', async () => {
    const blob = rezip('python3', ['-c', PYTHON_ZIP, 'ZIP_STORED', root, 'out.zip'], 'out.zip');
    const bytes = new Uint8Array(await blob.arrayBuffer());
    const v = new DataView(bytes.buffer);
    // The third local header: skip two entries (header, name, data; Python writes no extra field when stored).
    let at = 0;
    for (let k = 0; k < 2; k++) at += 30 + v.getUint16(at + 26, true) + v.getUint32(at + 18, true);
    const name = new TextDecoder().decode(bytes.subarray(at + 30, at + 30 + v.getUint16(at + 26, true)));
    v.setUint16(at + 8, 8, true);
    const e = await rejection(new Blob([bytes]));
    expect(e.message).toBe(
      `${name} (local header at offset ${at}): local header disagrees with the central directory (its compression method)`,
    );
  });

  it('entries that share bytes (an overlapping-entries bomb) are refused', async () => {
    // bag/a's data is a whole zip entry bag/b; the central directory lists both.
    const inner = zipSync({ 'bag/b': strToU8('inner') }, { level: 0 });
    const innerView = new DataView(inner.buffer);
    const innerCd = innerView.getUint32(inner.length - 6, true);
    const outer = zipSync({ 'bag/a': inner.subarray(0, innerCd) }, { level: 0 });
    const outerView = new DataView(outer.buffer);
    const outerCd = outerView.getUint32(outer.length - 6, true);
    const aData = 30 + outerView.getUint16(26, true) + outerView.getUint16(28, true);
    const bCentral = inner.slice(innerCd, inner.length - 22);
    new DataView(bCentral.buffer).setUint32(42, aData, true);
    const end = outer.slice(outer.length - 22);
    const endView = new DataView(end.buffer);
    endView.setUint16(8, 2, true);
    endView.setUint16(10, 2, true);
    endView.setUint32(12, outer.length - 22 - outerCd + bCentral.length, true);
    const zip = new Blob([outer.subarray(0, outer.length - 22), bCentral, end] as BlobPart[]);
    const e = await rejection(zip);
    expect(e.message).toBe(`bag/b: overlaps bag/a (offset ${aData})`);
  });

  it('a Zip64 zip is refused, saying so', async () => {
    const script = `import zipfile, sys
with zipfile.ZipFile(sys.argv[1], 'w') as z:
    with z.open('bag/bagit.txt', 'w', force_zip64=True) as f: f.write(b'x')`;
    const blob = rezip('python3', ['-c', script, 'out.zip'], 'out.zip');
    const e = await rejection(blob);
    expect(e.message).toBe(
      'bag/bagit.txt (local header at offset 0): Zip64 archives (over 4 GB or 65,535 entries) are not accepted',
    );
  });
});

describe('signatures: one bag, one signature', () => {
  const demo = setUpDemoPhone();
  const P256_N = 0xffffffff00000000ffffffffffffffffbce6faada7179e84f3b9cac2fc632551n;

  /** The bundle with signature.json rewritten by `change` (the bag itself untouched). */
  async function withSignatureFile(change: (json: Record<string, string>) => string): Promise<Blob> {
    const files = await unzipAll(demo.bundle);
    const name = Object.keys(files).find((n) => n.endsWith('/signature.json'))!;
    files[name] = strToU8(change(JSON.parse(new TextDecoder().decode(files[name]))));
    return zipOf(files);
  }

  it('a malleated signature (r, n − s), valid for WebCrypto, is refused by the low-S check', async () => {
    const malleated = await withSignatureFile((json) => {
      const signature = fromBase64(json.signature!)!;
      const s = signature.subarray(32).reduce((n, b) => (n << 8n) | BigInt(b), 0n);
      const highS = (P256_N - s).toString(16).padStart(64, '0');
      signature.set(
        highS.match(/../g)!.map((h) => parseInt(h, 16)),
        32,
      );
      expect(isLowS(signature)).toBe(false);
      return JSON.stringify({ ...json, signature: toBase64(signature) }, null, 1) + '\n';
    });
    // WebCrypto itself accepts it: the check that refuses it is ours.
    const files = await unzipAll(malleated);
    const file = (suffix: string) => files[Object.keys(files).find((n) => n.endsWith(suffix))!]!;
    const json = JSON.parse(new TextDecoder().decode(file('/signature.json')));
    const key = await crypto.subtle.importKey('spki', fromBase64(json.publicKey)! as BufferSource, ECDSA, false, [
      'verify',
    ]);
    const signature = fromBase64(json.signature)! as BufferSource;
    expect(
      await crypto.subtle.verify(ECDSA_SIGN, key, signature, file('/tagmanifest-sha256.txt') as BufferSource),
    ).toBe(true);
    const e = await rejection(malleated);
    expect(e.message).toBe('signature.json: the signature is not in canonical low-S form (malleated)');
  });

  it('export always signs in low-S form', async () => {
    const bytes = strToU8('tag manifest');
    for (let i = 0; i < 24; i++) {
      const file = JSON.parse(new TextDecoder().decode(await signatureFileFor(bytes, 'device')));
      expect(isLowS(fromBase64(file.signature)!)).toBe(true);
    }
  });

  it('signature.json in another layout (key order, indentation) is accepted: no hash covers it', async () => {
    const relaid = await withSignatureFile((json) =>
      JSON.stringify(Object.fromEntries(Object.entries(json).reverse()), null, 4),
    );
    await device('layout');
    await expect(importBundle(relaid, 'restore')).resolves.toBeDefined();
  });

  it('signature.json with a field it does not define is refused', async () => {
    const extended = await withSignatureFile((json) => JSON.stringify({ ...json, note: 'trust me' }));
    const e = await rejection(extended);
    expect(e.message).toMatch(/^signature\.json: is not a valid signature file \(/);
  });
});
