// Shared by the bundle tests: devices (one fresh database each), the demo portfolio exported from a phone,
// database snapshots, and the ways a test takes a bundle apart, alters it and signs it again. Each test file
// imports 'fake-indexeddb/auto' first, before anything loads Dexie.
import { afterAll, beforeAll, expect } from 'vitest';
import { Zip, ZipPassThrough, unzipSync } from 'fflate';
import { FieldfolioDB, setDatabase, db } from '../../../src/storage/db';
import { loadDemoPortfolio, setClock, sha256Hex, storeSpecs, systemClock } from '../../../src/storage';
import { exportPortfolio } from '../../../src/bundle/export';
import { BundleError } from '../../../src/bundle/verify';
import { importBundle } from '../../../src/bundle/import';
import { manifestText } from '../../../src/bundle/bagit';
import { signatureFileFor } from '../../../src/bundle/signature';
import { testClock, type TestClock } from '../clock';
import { loadSpec } from '../domain/loadSpecs';

export const FIXED = new Date('2026-11-26T12:00:00Z');
export const specs = ['svq2-customer-service-scqf5', 'svq4-customer-service-scqf8'].map(loadSpec);

/**
 * One fake clock for the whole test file, set before its first `beforeAll`: the tests share devices and their
 * records, so time only moves on (each now() one second later) from one test to the next.
 */
export function installFileClock(): TestClock {
  const clock = testClock();
  beforeAll(() => setClock(clock));
  afterAll(() => setClock(systemClock));
  return clock;
}

/** A new device: a fresh database, made current, holding the bundled specs. */
export async function device(name: string): Promise<FieldfolioDB> {
  const database = new FieldfolioDB(`${name}-${Math.random()}`);
  setDatabase(database);
  await storeSpecs(specs, 'bundled');
  return database;
}

export interface DemoPhone {
  /** The phone's database; tests switch back to it with setDatabase. */
  phone: FieldfolioDB;
  demoId: string;
  /** The demo portfolio exported once at FIXED. */
  bundle: Blob;
}

/** The demo portfolio on a phone, and its bundle; filled in by a `beforeAll` of the calling file. */
export function setUpDemoPhone(): DemoPhone {
  const demo = {} as DemoPhone;
  beforeAll(async () => {
    demo.phone = await device('phone');
    demo.demoId = await loadDemoPortfolio();
    demo.bundle = (await exportPortfolio(demo.demoId, { now: FIXED })).blob;
  });
  return demo;
}

/** Every table's rows (blobs read as text), for "nothing changed" comparisons. */
export async function snapshot() {
  const out: Record<string, unknown[]> = {};
  for (const t of db().tables) {
    const rows = await t.toArray();
    out[t.name] = await Promise.all(
      rows.map(async (r) => ('blob' in r && r.blob instanceof Blob ? { ...r, blob: await r.blob.text() } : r)),
    );
  }
  return JSON.parse(JSON.stringify(out));
}

export async function mutate(blob: Blob, f: (bytes: Uint8Array) => void): Promise<Blob> {
  const bytes = new Uint8Array(await blob.arrayBuffer());
  f(bytes);
  return new Blob([bytes]);
}

/** Imports a bad bundle: it must be rejected with a BundleError and leave the database exactly as it was. */
export async function rejection(blob: Blob): Promise<BundleError> {
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

/** The message `check` is refused with, a BundleError's (anything else thrown fails; so does no refusal). */
export async function refusalOf(check: Promise<unknown>, what: string): Promise<string> {
  try {
    await check;
  } catch (e) {
    if (!(e instanceof BundleError)) throw e;
    return e.message;
  }
  throw new Error(`expected ${what} to be refused`);
}

export async function unzipAll(blob: Blob): Promise<Record<string, Uint8Array>> {
  return unzipSync(new Uint8Array(await blob.arrayBuffer()));
}

/**
 * What a newer (or hostile but key-holding) writer would produce: the bag's text files changed, both
 * manifests recomputed and signed again with this device's key, zipped the way the app zips.
 */
export async function resignedWith(blob: Blob, change: (files: Record<string, string>) => void): Promise<Blob> {
  const raw = await unzipAll(blob);
  const root = Object.keys(raw)[0]!.split('/')[0]!;
  const files: Record<string, string> = {};
  for (const [name, bytes] of Object.entries(raw)) files[name.slice(root.length + 1)] = new TextDecoder().decode(bytes);
  const before = { ...files };
  change(files);
  // Files the change left alone keep their bytes (media is not text).
  const encode = (path: string) =>
    files[path] === before[path] ? raw[`${root}/${path}`]! : new TextEncoder().encode(files[path]!);
  const hashed = (paths: string[]) =>
    Promise.all(paths.map(async (path) => ({ path, sha256: await sha256Hex(encode(path)) })));
  const payload = Object.keys(files).filter((p) => p.startsWith('data/'));
  const total = payload.reduce((n, p) => n + encode(p).length, 0);
  files['bag-info.txt'] = files['bag-info.txt']!.replace(
    /Payload-Oxum: .*/,
    `Payload-Oxum: ${total}.${payload.length}`,
  );
  files['manifest-sha256.txt'] = manifestText(await hashed(payload));
  files['tagmanifest-sha256.txt'] = manifestText(await hashed(['bagit.txt', 'bag-info.txt', 'manifest-sha256.txt']));
  const deviceId = /Fieldfolio-Exporting-Device: (.*)/.exec(files['bag-info.txt']!)![1]!;
  const signature = await signatureFileFor(encode('tagmanifest-sha256.txt'), deviceId);
  files['signature.json'] = new TextDecoder().decode(signature);
  const parts: Uint8Array[] = [];
  const zip = new Zip((err, chunk) => {
    if (err) throw err;
    parts.push(chunk);
  });
  for (const path of Object.keys(files)) {
    const entry = new ZipPassThrough(`${root}/${path}`);
    zip.add(entry);
    entry.push(encode(path), true);
  }
  zip.end();
  return new Blob(parts as BlobPart[]);
}
