// Tampered and hostile bundles: every one is refused with its reason, naming the file, before anything touches
// the database; and a single changed byte anywhere in a bundle is caught unless it lies outside the bag (zip
// metadata such as a timestamp), where it changes nothing that is imported.
import 'fake-indexeddb/auto';
import { beforeAll, describe, expect, it } from 'vitest';
import { zipSync, strToU8 } from 'fflate';
import { createEnrolment, saveEvidence, savePerson, signOffUnit, storeSpecs } from '../../../src/storage';
import { exportPortfolio } from '../../../src/bundle/export';
import { verifyBundle, BundleError } from '../../../src/bundle/verify';
import { importBundle } from '../../../src/bundle/import';
import { readZipDirectory } from '../../../src/bundle/zipread';
import { device, FIXED, mutate, rejection, resignedWith, snapshot, specs, unzipAll, installFileClock } from './helpers';
import { comparable, ZIP_ONLY_FIELDS, zipFieldsByOffset } from './zipfields';

installFileClock();

describe('tamper corpus: each is rejected with its message and leaves the database unchanged', () => {
  let small: Blob;
  beforeAll(async () => {
    await device('small');
    // A one-unit spec keeps the bundle small enough to try every byte.
    const tiny = {
      ...specs[0]!,
      id: 'tiny-qual',
      units: [
        {
          ...specs[0]!.units[0]!,
          outcomes: specs[0]!.units[0]!.outcomes.slice(0, 1),
          evidenceRequirements: [],
          summary: null,
        },
      ],
      rules: [{ id: 'all-F', kind: 'allOfGroup' as const, group: 'F' }],
      notes: [],
      groups: specs[0]!.groups.slice(0, 1),
    };
    await storeSpecs([tiny], 'bundled');
    const candidate = await savePerson({ name: 'C', roles: ['candidate'] });
    const assessor = await savePerson({ name: 'A', roles: ['assessor'], assessorStatus: 'qualified' });
    const enrolment = await createEnrolment({
      candidateId: candidate.id,
      specId: 'tiny-qual',
      specVersion: specs[0]!.version,
      route: ['F1'],
      startDate: '2026-01-01',
    });
    expect(specs[0]!.units[0]!.code).toBe('F1');
    await saveEvidence({
      evidence: { portfolioId: enrolment.id, type: 'P', title: 'p', date: '2026-01-02' },
      files: [{ name: 'a.txt', type: 'text/plain', blob: new Blob(['tiny']) }],
      criteria: [{ unitCode: 'F1', criterionKey: 'F1|pc|F1.1|F1.1' }],
    });
    await signOffUnit({
      portfolioId: enrolment.id,
      unitCode: 'F1',
      assessorId: assessor.id,
      date: '2026-01-03',
      signature: { typedName: 'A', role: 'Assessor', personId: assessor.id, image: '' },
    });
    small = (await exportPortfolio(enrolment.id, { now: FIXED })).blob;
    expect(small.size).toBeLessThan(20_000);
    await device('receiver');
  });

  it('every single-byte change is refused, or is outside the bag and imports identically', async () => {
    // The signature binds the bag, not the zip bytes: a byte of zip metadata that a reader may ignore (times,
    // versions, attributes, the data descriptor that repeats the central directory) may change; nothing else.
    const original = new Uint8Array(await small.arrayBuffer());
    const expected = await comparable(await verifyBundle(small));
    const fieldAt = zipFieldsByOffset(original);
    const refused: string[] = [];
    const accepted = new Set<string>();
    for (let i = 0; i < original.length; i++) {
      const copy = original.slice();
      copy[i] = (copy[i]! + 1) % 256;
      try {
        const verified = await verifyBundle(new Blob([copy]));
        expect(await comparable(verified), `byte ${i} (${fieldAt[i]})`).toEqual(expected);
        accepted.add(fieldAt[i]!);
      } catch (e) {
        if (!(e instanceof BundleError)) throw e;
        refused.push(fieldAt[i]!);
      }
    }
    expect([...accepted].filter((field) => !ZIP_ONLY_FIELDS.has(field))).toEqual([]);
    // Every part of the bag is among the refused: names, data, sizes, CRCs, methods, the end record.
    for (const field of ['local name', 'data', 'central name', 'central crc', 'central method', 'end record']) {
      expect(refused).toContain(field);
    }
  }, 240_000);

  it('a removed file', async () => {
    const entries = await readZipDirectory(small);
    const files = await unzipAll(small);
    const report = entries.find((e) => e.name.endsWith('data/report.html'))!.name;
    delete files[report];
    const e = await rejection(new Blob([zipSync(files, { level: 0 }) as BlobPart]));
    expect(e.file).toBe(report.split('/').slice(1).join('/'));
    expect(e.reason).toBe('is listed in manifest-sha256.txt but missing');
  });

  it('an added file', async () => {
    const files = await unzipAll(small);
    const root = Object.keys(files)[0]!.split('/')[0];
    files[`${root}/data/extra.txt`] = strToU8('not in the manifest');
    const e = await rejection(new Blob([zipSync(files, { level: 0 }) as BlobPart]));
    expect(e.message).toBe('data/extra.txt: is not listed in manifest-sha256.txt');
  });

  it('a renamed file', async () => {
    const files = await unzipAll(small);
    const name = Object.keys(files).find((n) => n.endsWith('data/report.html'))!;
    files[name.replace('report.html', 'rapport.html')] = files[name]!;
    delete files[name];
    const e = await rejection(new Blob([zipSync(files, { level: 0 }) as BlobPart]));
    expect(e.message).toMatch(
      /^data\/(rapport\.html: is not listed in manifest-sha256\.txt|report\.html: is listed in manifest-sha256\.txt but missing)$/,
    );
  });

  it.each([
    ['../evil.txt', 'rejected: path traversal ("..")'],
    ['/etc/passwd', 'rejected: absolute path'],
    ['bag\\evil.txt', 'rejected: backslash in file name'],
  ])('a zip-slip name %s', async (name, reason) => {
    const e = await rejection(new Blob([zipSync({ [name]: strToU8('x') }, { level: 0 }) as BlobPart]));
    expect(e.reason).toBe(reason);
  });

  it('a duplicate entry', async () => {
    // Two entries with the same name: build by concatenating a zip's entries by hand is fiddly, so
    // rename one entry of a two-entry zip in place (same length) to duplicate the other.
    const zip = zipSync({ 'bag/aaaa.txt': strToU8('1'), 'bag/bbbb.txt': strToU8('2') }, { level: 0 });
    const text = new TextDecoder('latin1').decode(zip);
    const patched = strToU8(text.replaceAll('bag/bbbb.txt', 'bag/aaaa.txt'), true);
    const e = await rejection(new Blob([patched as BlobPart]));
    expect(e.message).toBe('bag/aaaa.txt: rejected: duplicate entry');
  });

  it('a zip bomb', async () => {
    const bomb = zipSync({ 'bag/data/zeros.bin': new Uint8Array(50 * 1024 * 1024) }, { level: 9 });
    expect(bomb.length).toBeLessThan(200_000);
    const e = await rejection(new Blob([bomb as BlobPart]));
    expect(e.file).toBe('bag/data/zeros.bin');
    expect(e.reason).toMatch(/^rejected: compression ratio \d+:1 is absurd \(zip bomb\?\)$/);
  });

  it('a CRC-32 changed consistently in the central directory and the data descriptor (bytes intact)', async () => {
    // What `unzip -t` would report as a bad CRC: the SHA-256 still matches, so only the CRC check catches it.
    const entries = await readZipDirectory(small);
    const report = entries.find((e) => e.name.endsWith('data/report.html'))!;
    const bad = await mutate(small, (b) => {
      const v = new DataView(b.buffer);
      const descriptor = report.dataOffset + report.compressedSize;
      expect(v.getUint32(descriptor, true)).toBe(0x08074b50);
      v.setUint32(descriptor + 4, report.crc ^ 1, true);
      let p = v.getUint32(b.length - 22 + 16, true);
      for (;;) {
        const nameLength = v.getUint16(p + 28, true);
        if (new TextDecoder().decode(b.subarray(p + 46, p + 46 + nameLength)) === report.name) break;
        p += 46 + nameLength;
      }
      v.setUint32(p + 16, report.crc ^ 1, true);
    });
    const e = await rejection(bad);
    expect(e.message).toBe('data/report.html: does not match its CRC-32 in the zip (corrupt)');
  });

  it('a tag file of absurd size is refused by its size, before it is read', async () => {
    const e = await rejection(
      new Blob([zipSync({ 'bag/bagit.txt': new Uint8Array(2000).fill(65) }, { level: 0 }) as BlobPart]),
    );
    expect(e.message).toBe('bagit.txt: rejected: 2000 bytes is far more than such a file holds (at most 1024)');
  });

  it('an External-Identifier that is not the portfolio (validly signed)', async () => {
    const changed = await resignedWith(small, (files) => {
      files['bag-info.txt'] = files['bag-info.txt']!.replace(
        /External-Identifier: .*/,
        'External-Identifier: someone-else',
      );
    });
    const e = await rejection(changed);
    expect(e.message).toBe('bag-info.txt: External-Identifier is not the portfolio id in data/portfolio.json');
  });

  it('a media file whose bytes are not the ones its record names (validly signed)', async () => {
    const changed = await resignedWith(small, (files) => {
      const media = Object.keys(files).find((p) => p.startsWith('data/media/'))!;
      files[media] = 'tinx';
    });
    const e = await rejection(changed);
    expect(e.reason).toMatch(/^its SHA-256 in manifest-sha256\.txt is not the one its media record .* names$/);
  });

  it('a truncated zip', async () => {
    const e = await rejection(small.slice(0, Math.floor(small.size * 0.7)));
    expect(e.message).toMatch(/not a zip file, or truncated/);
  });

  it('a bundle from a newer app (validly signed, bundle schema version 9) is refused with its reason', async () => {
    const newer = await resignedWith(small, (files) => {
      files['bag-info.txt'] = files['bag-info.txt']!.replace(
        'Fieldfolio-Schema-Version: 1',
        'Fieldfolio-Schema-Version: 9',
      );
    });
    const e = await rejection(newer);
    expect(e.message).toBe(
      'bag-info.txt: was written with bundle schema version 9, newer than this app understands (1): update Fieldfolio first',
    );
  });

  it('a bundle whose records are newer than this app (validly signed) is refused', async () => {
    const newer = await resignedWith(small, (files) => {
      const json = JSON.parse(files['data/portfolio.json']!);
      json.recordSchemaVersion = 7;
      files['data/portfolio.json'] = JSON.stringify(json);
    });
    const e = await rejection(newer);
    expect(e.message).toBe('data/portfolio.json: record schema version 7 is newer than this app understands');
  });

  it('a changed schema version without re-signing', async () => {
    // Re-sign is impossible without the key, so this checks the order of checks: bag-info is covered by
    // the signed tag manifest, and a changed version is caught there first …
    const files = await unzipAll(small);
    const info = Object.keys(files).find((n) => n.endsWith('/bag-info.txt'))!;
    files[info] = strToU8(
      new TextDecoder().decode(files[info]).replace('Fieldfolio-Schema-Version: 1', 'Fieldfolio-Schema-Version: 9'),
    );
    const e = await rejection(new Blob([zipSync(files, { level: 0 }) as BlobPart]));
    expect(e.message).toBe('bag-info.txt: does not match its SHA-256 in tagmanifest-sha256.txt');
  });

  it('a broken signature', async () => {
    const files = await unzipAll(small);
    const name = Object.keys(files).find((n) => n.endsWith('/signature.json'))!;
    const sig = JSON.parse(new TextDecoder().decode(files[name]));
    sig.signature = sig.signature.replace(/^./, (c: string) => (c === 'A' ? 'B' : 'A'));
    files[name] = strToU8(JSON.stringify(sig, null, 1) + '\n');
    const e = await rejection(new Blob([zipSync(files, { level: 0 }) as BlobPart]));
    expect(e.message).toBe(
      'signature.json: the signature does not match tagmanifest-sha256.txt (altered after signing)',
    );
  });

  it('none of the rejected bundles touched the database', async () => {
    const before = await snapshot();
    for (const bad of [small.slice(0, 100), await mutate(small, (b) => (b[200] = b[200]! ^ 1))]) {
      await expect(importBundle(bad, 'restore')).rejects.toBeInstanceOf(BundleError);
    }
    expect(await snapshot()).toEqual(before);
  });
});
