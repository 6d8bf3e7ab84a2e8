import 'fake-indexeddb/auto';
import { beforeAll, describe, expect, it } from 'vitest';
import { zipSync, strToU8 } from 'fflate';
import { FieldfolioDB, setDatabase, db } from '../../../src/storage/db';
import { deleteEvidence, loadPortfolio, storeSpecs, saveEvidence, savePerson, createEnrolment, signOffUnit } from '../../../src/storage';
import { loadDemoPortfolio } from '../../../src/storage/demo';
import { exportPortfolio } from '../../../src/bundle/export';
import { verifyBundle, BundleError } from '../../../src/bundle/verify';
import { importBundle } from '../../../src/bundle/import';
import { readZipDirectory } from '../../../src/bundle/zipread';
import { loadSpec } from '../domain/loadSpecs';

const FIXED = new Date('2026-11-26T12:00:00Z');
const specs = ['svq2-customer-service-scqf5', 'svq4-customer-service-scqf8'].map(loadSpec);

async function device(name: string) {
  const database = new FieldfolioDB(`${name}-${Math.random()}`);
  setDatabase(database);
  await storeSpecs(specs, 'bundled');
  return database;
}

/** Every table's rows (blobs read as text), for "nothing changed" comparisons. */
async function snapshot() {
  const out: Record<string, unknown[]> = {};
  for (const t of db().tables) {
    const rows = await t.toArray();
    out[t.name] = await Promise.all(rows.map(async (r) => ('blob' in r && r.blob instanceof Blob ? { ...r, blob: await r.blob.text() } : r)));
  }
  return JSON.parse(JSON.stringify(out));
}

async function mutate(blob: Blob, f: (bytes: Uint8Array) => void): Promise<Blob> {
  const bytes = new Uint8Array(await blob.arrayBuffer());
  f(bytes);
  return new Blob([bytes]);
}

/** Imports a bad bundle: it must be rejected with a BundleError and leave the database exactly as it was. */
async function rejection(blob: Blob): Promise<BundleError> {
  const before = await snapshot();
  try {
    await importBundle(blob, 'restore');
  } catch (e) {
    if (!(e instanceof BundleError)) throw e;
    expect(await snapshot()).toEqual(before);
    return e;
  }
  throw new Error('expected the bundle to be rejected');
}

describe('portfolio bundle', () => {
  let demoId: string;
  let bundle: Blob;
  let sourceDevice: FieldfolioDB;

  beforeAll(async () => {
    sourceDevice = await device('phone');
    demoId = await loadDemoPortfolio();
    bundle = (await exportPortfolio(demoId, { now: FIXED })).blob;
  });

  it('round trip: export, import into a fresh database, deep-equal (media bytes included)', async () => {
    setDatabase(sourceDevice);
    const before = (await loadPortfolio(demoId))!;
    const mediaBefore = await Promise.all((await db().media.toArray()).map(async (m) => [m.sha256, await m.blob.text()]));
    await device('tablet');
    const { result, bundle: verified } = await importBundle(bundle, 'restore');
    expect(result.conflicts).toBe(0);
    expect(verified.signer.known).toBe(false);
    const after = (await loadPortfolio(demoId))!;
    const { problems: _a, ...b } = before;
    const { problems: _b, ...a } = after;
    expect(a).toEqual(b);
    const mediaAfter = await Promise.all((await db().media.toArray()).map(async (m) => [m.sha256, await m.blob.text()]));
    expect(mediaAfter.sort()).toEqual(mediaBefore.sort());
  });

  it('importing the same bundle twice changes nothing', async () => {
    await device('tablet2');
    await importBundle(bundle, 'restore');
    const once = await snapshot();
    const { result } = await importBundle(bundle, 'merge');
    expect(result).toEqual({ written: 0, unchanged: expect.any(Number), conflicts: 0 });
    expect(await snapshot()).toEqual(once);
  });

  it('merge: the newer version wins, and concurrent edits are both kept as a conflict', async () => {
    const tablet = await device('tablet3');
    await importBundle(bundle, 'restore');
    // Both devices edit the same evidence from the same revision.
    const edit = async (title: string) => {
      const e = (await loadPortfolio(demoId))!.evidence.find((x) => x.type === 'RA')!;
      await saveEvidence({ evidence: { ...e, title } });
    };
    await edit('Edited on the tablet');
    setDatabase(sourceDevice);
    await edit('Edited on the phone');
    const phoneBundle = (await exportPortfolio(demoId, { now: FIXED })).blob;
    setDatabase(tablet);
    const { result } = await importBundle(phoneBundle, 'merge');
    expect(result.conflicts).toBe(1);
    const rows = await db().conflicts.toArray();
    expect(rows.map((r) => [r.conflict.kept, r.conflict.other].map((v) => (v as unknown as { title: string }).title).sort())).toEqual([
      ['Edited on the phone', 'Edited on the tablet'],
    ]);
    // The person settles it: the chosen version becomes a new revision and the conflict is cleared.
    const { resolveConflict } = await import('../../../src/storage');
    const otherTitle = (rows[0]!.conflict.other as unknown as { title: string }).title;
    await resolveConflict(rows[0]!, 'other');
    expect(await db().conflicts.count()).toBe(0);
    const resolved = (await loadPortfolio(demoId))!.evidence.find((x) => x.type === 'RA')!;
    expect(resolved.title).toBe(otherTitle);
    expect(resolved.rev).toBe(3);
  });

  it('merge: an edit saved twice on one device and once on the other is still a conflict; the resolution settles both devices', async () => {
    const tablet = await device('tablet6');
    await importBundle(bundle, 'restore');
    const edit = async (title: string) => {
      const e = (await loadPortfolio(demoId))!.evidence.find((x) => x.type === 'Q&A')!;
      await saveEvidence({ evidence: { ...e, title } });
    };
    await edit('Tablet, once');
    setDatabase(sourceDevice);
    await edit('Phone, first save');
    await edit('Phone, second save');
    const phoneBundle = (await exportPortfolio(demoId, { now: FIXED })).blob;
    setDatabase(tablet);
    const { result } = await importBundle(phoneBundle, 'merge');
    expect(result.conflicts).toBe(1);
    const [row] = await db().conflicts.toArray();
    const title = (v: unknown) => (v as { title: string }).title;
    expect([title(row!.conflict.kept), title(row!.conflict.other)]).toEqual(['Phone, second save', 'Tablet, once']);

    const { resolveConflict } = await import('../../../src/storage');
    await resolveConflict(row!, 'other');
    const tabletBundle = (await exportPortfolio(demoId, { now: FIXED })).blob;
    setDatabase(sourceDevice);
    const back = await importBundle(tabletBundle, 'merge');
    expect(back.result.conflicts).toBe(0);
    expect((await loadPortfolio(demoId))!.evidence.find((x) => x.type === 'Q&A')!.title).toBe('Tablet, once');
    expect(await db().conflicts.count()).toBe(0);
  });

  it('a portfolio with deleted evidence and media restores: the tombstones travel without bytes', async () => {
    const phone = await device('phone-deleting');
    const id = await loadDemoPortfolio();
    const withPhoto = (await loadPortfolio(id))!.evidence.find((e) => e.mediaIds.length > 0)!;
    await deleteEvidence(id, withPhoto.id);
    const out = await exportPortfolio(id, { now: FIXED });
    await device('tablet-restoring');
    const { result } = await importBundle(out.blob, 'restore');
    expect(result.written).toBeGreaterThan(0);
    const restored = (await loadPortfolio(id))!;
    expect(restored.evidence.map((e) => e.id)).not.toContain(withPhoto.id);
    const media = await db().media.toArray();
    expect(media.length).toBeGreaterThan(0);
    expect(media.every((m) => m.deleted && m.blob === undefined)).toBe(true);
    setDatabase(phone);
  });

  it('incremental: a bundle for a device holds only what changed since the last one sent to it', async () => {
    setDatabase(sourceDevice);
    const full = await exportPortfolio(demoId, { forDevice: 'tablet-device' });
    const tablet = await device('tablet4');
    await importBundle(full.blob, 'restore');
    setDatabase(sourceDevice);
    await new Promise((r) => setTimeout(r, 5));
    const e = (await loadPortfolio(demoId))!.evidence.find((x) => x.type === 'P')!;
    await saveEvidence({ evidence: { ...e, description: 'Updated after the first bundle' } });
    const { listPeers } = await import('../../../src/storage');
    const since = (await listPeers()).find((p) => p.deviceId === 'tablet-device')!.sentAt[demoId]!;
    const delta = await exportPortfolio(demoId, { forDevice: 'tablet-device', since });
    const v = await verifyBundle(delta.blob);
    expect(v.records.evidence.map((x) => x.description)).toEqual(['Updated after the first bundle']);
    expect(v.records.enrolments).toHaveLength(1);
    expect(v.media.size).toBe(0);
    expect(delta.blob.size).toBeLessThan(full.blob.size / 2);
    setDatabase(tablet);
    const { result } = await importBundle(delta.blob, 'merge');
    expect(result.written).toBe(1);
    expect((await loadPortfolio(demoId))!.evidence.find((x) => x.id === e.id)!.description).toBe('Updated after the first bundle');
  });

  it('export reports progress up to the whole payload, and can be cancelled without noting a send', async () => {
    setDatabase(sourceDevice);
    const seen: Array<{ bytesDone: number; bytesTotal: number; file: string }> = [];
    const out = await exportPortfolio(demoId, { now: FIXED, onProgress: (p) => seen.push(p) });
    expect(seen.length).toBeGreaterThanOrEqual(4);
    expect(seen.every((p, i) => p.bytesTotal === out.payloadBytes && (i === 0 || p.bytesDone >= seen[i - 1]!.bytesDone))).toBe(true);
    expect(seen.at(-1)!.bytesDone).toBe(out.payloadBytes);
    expect(seen.map((p) => p.file)).toContain('data/portfolio.json');

    const { listPeers } = await import('../../../src/storage');
    const controller = new AbortController();
    const cancelled = exportPortfolio(demoId, { forDevice: 'cancelled-device', signal: controller.signal, onProgress: () => controller.abort() });
    await expect(cancelled).rejects.toMatchObject({ name: 'AbortError' });
    expect((await listPeers()).some((p) => p.deviceId === 'cancelled-device')).toBe(false);
  });

  it('verification reports progress; a verified bundle is then written without a second check', async () => {
    const { writeVerifiedBundle } = await import('../../../src/bundle/import');
    const steps: Array<[number, number]> = [];
    const verified = await verifyBundle(bundle, { onProgress: (done, total) => steps.push([done, total]) });
    expect(steps[0]).toEqual([0, verified.payloadBytes]);
    expect(steps.at(-1)).toEqual([verified.payloadBytes, verified.payloadBytes]);
    await device('tablet5');
    const result = await writeVerifiedBundle(verified, 'restore');
    expect(result.written).toBe(Object.values(verified.records).reduce((n, rows) => n + rows.length, 0));
    expect((await loadPortfolio(demoId))!.evidence).toHaveLength(verified.records.evidence.length);
  });

  it('a bundle of changes only is marked so, cannot be restored as a portfolio, and send times are per portfolio', async () => {
    setDatabase(sourceDevice);
    const full = await exportPortfolio(demoId, { forDevice: 'laptop-device' });
    const since = (await listPeersNow()).find((p) => p.deviceId === 'laptop-device')!.sentAt;
    expect(Object.keys(since)).toEqual([demoId]);
    const delta = await exportPortfolio(demoId, { forDevice: 'laptop-device', since: since[demoId] });
    const v = await verifyBundle(delta.blob);
    expect([v.scope, v.changesSince]).toEqual(['changes', since[demoId]]);
    expect((await verifyBundle(full.blob)).scope).toBe('full');
    // A second portfolio was never sent to that device: its first bundle for it must be a full one.
    const other = await createEnrolment({ candidateId: (await savePerson({ name: 'Second Candidate', roles: ['candidate'] })).id, specId: specs[0]!.id, specVersion: specs[0]!.version, route: [], startDate: '2026-02-01' });
    expect((await listPeersNow()).find((p) => p.deviceId === 'laptop-device')!.sentAt[other.id]).toBeUndefined();

    await device('empty-laptop');
    await deviceIdNow(); // the device's own identity, made on first use, is not portfolio data
    const before = await snapshot();
    await expect(importBundle(delta.blob, 'restore')).rejects.toThrow(/holds only changes to a portfolio, not the whole of it/);
    expect(await snapshot()).toEqual(before);
  });

  it('a bundle carries only the people who appear in its portfolio', async () => {
    setDatabase(sourceDevice);
    const stranger = await savePerson({ name: 'Unrelated Candidate', roles: ['candidate'], email: 'someone@example.org' });
    const v = await verifyBundle((await exportPortfolio(demoId, { now: FIXED })).blob);
    const names = v.records.people.map((p) => p.name);
    expect(names).not.toContain(stranger.name);
    const enrolment = v.records.enrolments[0]!;
    expect(v.records.people.map((p) => p.id)).toEqual(expect.arrayContaining([enrolment.candidateId, ...(enrolment.assessorId ? [enrolment.assessorId] : [])]));
    // Everyone a record names is there, so the receiving device can show who did what.
    for (const e of v.records.evidence) if (e.recordedBy) expect(v.records.people.some((p) => p.id === e.recordedBy)).toBe(true);
  });

  it('exports a valid bag: manifests list every payload file, Payload-Oxum matches', async () => {
    const v = await verifyBundle(bundle);
    expect(v.payloadFiles).toBe(4); // portfolio.json, the SVQ2 spec, one photo, report.html
    expect(v.records.evidence.length).toBe(7);
    expect(v.media.size).toBe(1);
  });

  describe('tamper corpus: each is rejected with its message and leaves the database unchanged', () => {
    let small: Blob;
    beforeAll(async () => {
      await device('small');
      // A one-unit spec keeps the bundle small enough to try every byte.
      const tiny = { ...specs[0]!, id: 'tiny-qual', units: [{ ...specs[0]!.units[0]!, outcomes: specs[0]!.units[0]!.outcomes.slice(0, 1), evidenceRequirements: [], summary: null }], rules: [{ id: 'all-F', kind: 'allOfGroup' as const, group: 'F' }], notes: [], groups: specs[0]!.groups.slice(0, 1) };
      await storeSpecs([tiny], 'bundled');
      const candidate = await savePerson({ name: 'C', roles: ['candidate'] });
      const assessor = await savePerson({ name: 'A', roles: ['assessor'], assessorStatus: 'qualified' });
      const enrolment = await createEnrolment({ candidateId: candidate.id, specId: 'tiny-qual', specVersion: specs[0]!.version, route: ['F1'], startDate: '2026-01-01' });
      expect(specs[0]!.units[0]!.code).toBe('F1');
      await saveEvidence({
        evidence: { portfolioId: enrolment.id, type: 'P', title: 'p', date: '2026-01-02' },
        files: [{ name: 'a.txt', type: 'text/plain', blob: new Blob(['tiny']) }],
        criteria: [{ unitCode: 'F1', criterionKey: 'F1|pc|F1.1|F1.1' }],
      });
      await signOffUnit({ portfolioId: enrolment.id, unitCode: 'F1', assessorId: assessor.id, date: '2026-01-03', signature: { typedName: 'A', role: 'Assessor', personId: assessor.id, image: '' } });
      small = (await exportPortfolio(enrolment.id, { now: FIXED })).blob;
      expect(small.size).toBeLessThan(16_000);
      await device('receiver');
    });

    it('every single-byte change is detected', async () => {
      const original = new Uint8Array(await small.arrayBuffer());
      const undetected: number[] = [];
      for (let i = 0; i < original.length; i++) {
        const copy = original.slice();
        copy[i] = (copy[i]! + 1) % 256;
        try {
          await verifyBundle(new Blob([copy]));
          undetected.push(i);
        } catch (e) {
          if (!(e instanceof BundleError)) throw e;
        }
      }
      const context = (i: number) => new TextDecoder('latin1').decode(original.slice(Math.max(0, i - 20), i + 10)).replace(/\n/g, '⏎');
      expect(undetected.map((i) => `${i}: …${context(i)}…`)).toEqual([]);
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
      expect(e.message).toMatch(/^data\/(rapport\.html: is not listed in manifest-sha256\.txt|report\.html: is listed in manifest-sha256\.txt but missing)$/);
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
      const e = await rejection(new Blob([zipSync({ 'bag/bagit.txt': new Uint8Array(2000).fill(65) }, { level: 0 }) as BlobPart]));
      expect(e.message).toBe('bagit.txt: rejected: 2000 bytes is far more than such a file holds (at most 1024)');
    });

    it('an External-Identifier that is not the portfolio (validly signed)', async () => {
      const changed = await resignedWith(small, (files) => {
        files['bag-info.txt'] = files['bag-info.txt']!.replace(/External-Identifier: .*/, 'External-Identifier: someone-else');
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
        files['bag-info.txt'] = files['bag-info.txt']!.replace('Fieldfolio-Schema-Version: 1', 'Fieldfolio-Schema-Version: 9');
      });
      const e = await rejection(newer);
      expect(e.message).toBe('bag-info.txt: was written with bundle schema version 9, newer than this app understands (1): update Fieldfolio first');
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
      files[info] = strToU8(new TextDecoder().decode(files[info]).replace('Fieldfolio-Schema-Version: 1', 'Fieldfolio-Schema-Version: 9'));
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
      expect(e.message).toBe('signature.json: the signature does not match tagmanifest-sha256.txt (altered after signing)');
    });

    it('none of the rejected bundles touched the database', async () => {
      const before = await snapshot();
      for (const bad of [small.slice(0, 100), await mutate(small, (b) => (b[200] = b[200]! ^ 1))]) {
        await expect(importBundle(bad, 'restore')).rejects.toBeInstanceOf(BundleError);
      }
      expect(await snapshot()).toEqual(before);
    });
  });
});

async function deviceIdNow() {
  const { deviceId } = await import('../../../src/storage');
  return deviceId();
}

async function listPeersNow() {
  const { listPeers } = await import('../../../src/storage');
  return listPeers();
}

async function unzipAll(blob: Blob): Promise<Record<string, Uint8Array>> {
  const { unzipSync } = await import('fflate');
  return unzipSync(new Uint8Array(await blob.arrayBuffer()));
}

/**
 * What a newer (or hostile but key-holding) writer would produce: the bag's text files changed, both
 * manifests recomputed and signed again with this device's key, zipped the way the app zips.
 */
async function resignedWith(blob: Blob, change: (files: Record<string, string>) => void): Promise<Blob> {
  const { Zip, ZipPassThrough } = await import('fflate');
  const { deviceSigningKey, ECDSA_SIGN } = await import('../../../src/storage/keys');
  const { manifestText } = await import('../../../src/bundle/bagit');
  const { canonicalSignatureText, toBase64 } = await import('../../../src/bundle/format');
  const raw = await unzipAll(blob);
  const root = Object.keys(raw)[0]!.split('/')[0]!;
  const files: Record<string, string> = {};
  for (const [name, bytes] of Object.entries(raw)) files[name.slice(root.length + 1)] = new TextDecoder().decode(bytes);
  change(files);
  const sha = async (text: string) =>
    [...new Uint8Array(await crypto.subtle.digest('SHA-256', new TextEncoder().encode(text)))].map((b) => b.toString(16).padStart(2, '0')).join('');
  const payload = Object.keys(files).filter((p) => p.startsWith('data/'));
  const total = payload.reduce((n, p) => n + new TextEncoder().encode(files[p]!).length, 0);
  files['bag-info.txt'] = files['bag-info.txt']!.replace(/Payload-Oxum: .*/, `Payload-Oxum: ${total}.${payload.length}`);
  files['manifest-sha256.txt'] = manifestText(await Promise.all(payload.map(async (p) => ({ path: p, sha256: await sha(files[p]!) }))));
  files['tagmanifest-sha256.txt'] = manifestText(
    await Promise.all(['bagit.txt', 'bag-info.txt', 'manifest-sha256.txt'].map(async (p) => ({ path: p, sha256: await sha(files[p]!) }))),
  );
  const key = await deviceSigningKey();
  const signed = new Uint8Array(await crypto.subtle.sign(ECDSA_SIGN, key.privateKey, new TextEncoder().encode(files['tagmanifest-sha256.txt'])));
  const deviceId = /Fieldfolio-Exporting-Device: (.*)/.exec(files['bag-info.txt']!)![1]!;
  files['signature.json'] = canonicalSignatureText({
    algorithm: 'ECDSA-P256-SHA256',
    signedFile: 'tagmanifest-sha256.txt',
    publicKey: toBase64(key.publicKeySpki),
    fingerprint: key.fingerprint,
    signature: toBase64(signed),
    deviceId,
  });
  const parts: Uint8Array[] = [];
  const zip = new Zip((err, chunk) => {
    if (err) throw err;
    parts.push(chunk);
  });
  for (const [path, text] of Object.entries(files)) {
    const entry = new ZipPassThrough(`${root}/${path}`);
    zip.add(entry);
    entry.push(new TextEncoder().encode(text), true);
  }
  zip.end();
  return new Blob(parts as BlobPart[]);
}
