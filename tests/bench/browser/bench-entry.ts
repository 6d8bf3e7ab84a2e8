// Runs inside Chromium (see tests/bench/browser.bench.ts): storage and progress figures on real IndexedDB.
import { computeProgress, criterionKey, freshMeta, unitCriteria, type Evidence } from '../../../src/domain';
import { FieldfolioDB, setDatabase } from '../../../src/storage/db';
import { bulkPutRecords } from '../../../src/storage/bulk';
import { asBulkLoad } from '../../../src/storage/write';
import {
  acceptKey,
  createEnrolment,
  deviceId,
  loadPortfolio,
  saveEvidence,
  savePerson,
  storeSpecs,
  todayIso,
} from '../../../src/storage';
import { loadBundledSpecs } from '../../../src/ui/data/bundledSpecs';
import type { BenchInsert, BenchProgress } from './benchWindow';

/** The device the records are made on: the bench's source device, so they leave it signed, as a user's do. */
let benchDevice = 'bench';

const meta = (id: string) => freshMeta(id, benchDevice, new Date().toISOString());

async function seed(evidenceCount: number, mappingsPerEvidence: number) {
  const { specs } = await loadBundledSpecs();
  const spec = specs.find((s) => s.id === 'vtct-l3-dip-customer-service')!;
  await storeSpecs([spec], 'bundled');
  benchDevice = await deviceId();
  const candidate = await savePerson({ name: 'Bench Candidate', roles: ['candidate'] });
  const enrolment = await createEnrolment({
    candidateId: candidate.id,
    specId: spec.id,
    specVersion: spec.version,
    route: spec.units.filter((u) => u.group === 'M' || u.group === 'A').map((u) => u.code),
    startDate: '2026-01-01',
  });
  const refs = spec.units.flatMap((u) => unitCriteria(u));
  const evidence: Evidence[] = [];
  let links = 0;
  for (let i = 0; i < evidenceCount; i++) {
    const id = crypto.randomUUID();
    evidence.push({
      ...meta(id),
      portfolioId: enrolment.id,
      type: 'O',
      simulation: false,
      title: `Observation ${i}`,
      description: 'Observed the candidate dealing with a customer query at the counter, following the procedure.',
      date: `2026-${String((i % 12) + 1).padStart(2, '0')}-15`,
      location: 'Counter',
      recordedBy: null,
      mediaIds: [],
      formId: null,
      criteria: Array.from({ length: mappingsPerEvidence }, (_, j) => {
        const ref = refs[(i * mappingsPerEvidence + j) % refs.length]!;
        links++;
        return { unitCode: ref.unitCode, criterionKey: criterionKey(ref.unitCode, ref.kind, ref.id, ref.outcomeId) };
      }),
    });
  }
  return { spec, enrolment, evidence, links };
}

async function fresh(name: string) {
  const database = new FieldfolioDB(name);
  setDatabase(database);
  await database.delete();
  await database.open();
  return database;
}

declare global {
  interface Window {
    benchInsert: BenchInsert;
    benchProgress: BenchProgress;
  }
}

window.benchInsert = async () => {
  await fresh('bench-insert');
  const { evidence, links } = await seed(10_000, 3);
  const t = performance.now();
  await bulkPutRecords('evidence', evidence);
  return { ms: performance.now() - t, evidence: evidence.length, mappings: links };
};

/**
 * The design not taken, for comparison: raw IndexedDB (no Dexie, no validation) with one row per criteria link
 * (10,000 evidence rows + 30,000 link rows indexed by portfolio, evidence and criterion), 2,500 items a transaction.
 */
(window as unknown as Record<string, unknown>).benchInsertLinkRows = async () => {
  const name = 'bench-link-rows';
  await new Promise((resolve) => {
    const r = indexedDB.deleteDatabase(name);
    r.onsuccess = r.onerror = resolve;
  });
  const idb = await new Promise<IDBDatabase>((resolve, reject) => {
    const r = indexedDB.open(name, 1);
    r.onupgradeneeded = () => {
      r.result.createObjectStore('evidence', { keyPath: 'id' }).createIndex('portfolioId', 'portfolioId');
      const links = r.result.createObjectStore('mappings', { keyPath: 'id' });
      for (const index of ['portfolioId', 'evidenceId', 'criterionKey']) links.createIndex(index, index);
    };
    r.onsuccess = () => resolve(r.result);
    r.onerror = () => reject(r.error);
  });
  const { evidence } = await seed(10_000, 3);
  const rows = evidence.map(({ criteria: _, ...e }) => e);
  const links = evidence.flatMap((e) =>
    e.criteria.map((c) => ({ ...meta(crypto.randomUUID()), portfolioId: e.portfolioId, evidenceId: e.id, ...c })),
  );
  const t = performance.now();
  for (let i = 0; i < rows.length; i += 2500) {
    await new Promise((resolve, reject) => {
      const tx = idb.transaction(['evidence', 'mappings'], 'readwrite', { durability: 'relaxed' });
      for (const r of rows.slice(i, i + 2500)) tx.objectStore('evidence').put(r);
      for (const l of links.slice(i * 3, (i + 2500) * 3)) tx.objectStore('mappings').put(l);
      tx.oncomplete = resolve;
      tx.onerror = () => reject(tx.error);
    });
  }
  const ms = performance.now() - t;
  idb.close();
  return { ms, rows: rows.length + links.length };
};

window.benchProgress = async () => {
  // The app's own database, so the bench can then open the real progress screen on it.
  await fresh('fieldfolio');
  const { spec, enrolment, evidence } = await seed(2_000, 3);
  await bulkPutRecords('evidence', evidence);
  const runs: number[] = [];
  let loadMs = 0;
  let computeMs = 0;
  for (let i = 0; i < 7; i++) {
    const t0 = performance.now();
    const data = (await loadPortfolio(enrolment.id))!;
    const t1 = performance.now();
    computeProgress(spec, data, todayIso());
    const t2 = performance.now();
    runs.push(t2 - t0);
    loadMs = t1 - t0;
    computeMs = t2 - t1;
  }
  const sorted = [...runs].sort((a, b) => a - b);
  return {
    loadMs,
    computeMs,
    totalMs: sorted[Math.floor(sorted.length / 2)]!,
    evidence: evidence.length,
    runs,
    portfolioId: enrolment.id,
  };
};

/**
 * What strict durability costs a person: single evidence saves as the app makes them (each one transaction with
 * its audit entry, strict), and the same saves inside a bulk load (relaxed), after a few to warm up.
 */
(window as unknown as Record<string, unknown>).benchDurability = async (saves = 100) => {
  await fresh('bench-durability');
  const { enrolment } = await seed(0, 0);
  const timed = async (label: string, count: number) => {
    const t = performance.now();
    for (let i = 0; i < count; i++) {
      await saveEvidence({
        evidence: { portfolioId: enrolment.id, type: 'O', title: `${label} ${i}`, date: todayIso() },
      });
    }
    return performance.now() - t;
  };
  await timed('warm-up', 10);
  const relaxedMs = await asBulkLoad(() => timed('relaxed', saves));
  const strictMs = await timed('strict', saves);
  return { saves, relaxedMs, strictMs };
};

document.getElementById('status')!.textContent = 'ready';

/** 500 MB portfolio: 2,000 records (1,800 evidence + 200 media), 200 media files of 2.5 MB. */
(window as unknown as Record<string, unknown>).benchBundle = async (
  mediaCount = 200,
  mediaBytes = 2.5 * 1024 * 1024,
) => {
  const { exportPortfolio, verifyBundle, admitBundle, writeVerifiedBundle } = await import('../../../src/bundle');
  const { db } = await import('../../../src/storage/db');
  await fresh('bench-bundle-source');
  const { enrolment, evidence } = await seed(2_000 - mediaCount, 3);
  await bulkPutRecords('evidence', evidence);
  const base = new Uint8Array(mediaBytes);
  for (let i = 0; i < base.length; i += 65536)
    crypto.getRandomValues(base.subarray(i, Math.min(base.length, i + 65536)));
  const { sha256Blob } = await import('../../../src/storage/hashing');
  for (let i = 0; i < mediaCount; i += 10) {
    const rows = [];
    for (let j = i; j < Math.min(mediaCount, i + 10); j++) {
      const header = new TextEncoder().encode(`media ${j} `.padEnd(16));
      const blob = new Blob([header, base.subarray(16)], { type: 'video/mp4' });
      rows.push({
        ...meta(crypto.randomUUID()),
        portfolioId: enrolment.id,
        evidenceId: evidence[j % evidence.length]!.id,
        name: `clip-${j}.mp4`,
        mimeType: 'video/mp4',
        size: blob.size,
        sha256: await sha256Blob(blob),
        blob,
      });
    }
    await db().media.bulkPut(rows);
  }
  let peak = 0;
  const memory = () => (performance as unknown as { memory?: { usedJSHeapSize: number } }).memory?.usedJSHeapSize ?? 0;
  const sampler = setInterval(() => (peak = Math.max(peak, memory())), 20);
  // Record signatures are made once, when a version first leaves this device: timed apart from the export.
  const { portfolioForExport, signOwnRecords } = await import('../../../src/storage');
  const ts = performance.now();
  await signOwnRecords((await portfolioForExport(enrolment.id))!.records);
  const signMs = performance.now() - ts;
  const t0 = performance.now();
  const out = await exportPortfolio(enrolment.id);
  const exportMs = performance.now() - t0;
  const exportPeak = peak;
  peak = 0;
  await fresh('bench-bundle-target');
  // The target knows the source's key (accepted as the candidate's, as a person would after comparing it).
  const t1 = performance.now();
  const verified = await verifyBundle(out.blob);
  const verifyMs = performance.now() - t1;
  const { deviceId: sourceDevice, deviceKey } = verified.signer;
  await acceptKey({ deviceKey, deviceId: sourceDevice, personIds: [enrolment.candidateId], acceptedBy: null });
  // The same steps as importBundle, timed apart: verification, admission (record signatures, rules), the write.
  const t2 = performance.now();
  const admission = await admitBundle(verified);
  const admitMs = performance.now() - t2;
  const result = await writeVerifiedBundle(verified, 'restore', admission);
  if (result.held > 0) throw new Error(`bench import held ${result.held} changes: ${admission.held[0]?.reason}`);
  const importMs = performance.now() - t1;
  clearInterval(sampler);
  return {
    bytes: out.blob.size,
    payloadBytes: out.payloadBytes,
    exportMs,
    signMs,
    importMs,
    verifyMs,
    admitMs,
    exportPeakHeap: exportPeak,
    importPeakHeap: peak,
    records: 2000,
    media: mediaCount,
  };
};
