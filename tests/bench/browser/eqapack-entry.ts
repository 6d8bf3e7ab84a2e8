// Runs inside Chromium (tests/bench/eqapack.bench.ts): an EQA visit pack of 10 portfolios against one portfolio's
// bundle, on real IndexedDB, with their throughput and peak JS heap.
import { FieldfolioDB, setDatabase, db } from '../../../src/storage/db';
import { bulkPutRecords } from '../../../src/storage/bulk';
import {
  createEnrolment,
  deviceId,
  portfolioForExport,
  savePerson,
  setActingPerson,
  signOwnRecords,
  storeSpecs,
} from '../../../src/storage';
import { sha256Blob } from '../../../src/storage/hashing';
import { exportEqaPack, exportPortfolio } from '../../../src/bundle';
import { loadBundledSpecs } from '../../../src/ui/data/bundledSpecs';
import { freshMeta } from '../../../src/domain';

export interface ExportFigure {
  ms: number;
  payloadBytes: number;
  zipBytes: number;
  peakHeap: number;
}

/** Each export's figure per round, timed in turn round by round (a load that comes and goes weighs on all alike). */
export interface EqaPackFigures {
  /** One of the pack's portfolios as a bundle of its own (the pack's share per portfolio). */
  single: ExportFigure[];
  /** One portfolio holding as much media as the whole pack: the like-for-like peer. */
  singleSameSize: ExportFigure[];
  pack: ExportFigure[];
}

declare global {
  interface Window {
    benchEqaPack: (
      portfolios: number,
      mediaPerPortfolio: number,
      mediaBytes: number,
      rounds: number,
    ) => Promise<EqaPackFigures>;
  }
}

const usedHeap = () => (performance as unknown as { memory?: { usedJSHeapSize: number } }).memory?.usedJSHeapSize ?? 0;

/** Times one export, sampling the JS heap every 20 ms. */
async function timed(run: () => Promise<{ blob: Blob; payloadBytes: number }>): Promise<ExportFigure> {
  let peak = usedHeap();
  const sampler = setInterval(() => (peak = Math.max(peak, usedHeap())), 20);
  const t = performance.now();
  const out = await run();
  const ms = performance.now() - t;
  clearInterval(sampler);
  return { ms, payloadBytes: out.payloadBytes, zipBytes: out.blob.size, peakHeap: peak };
}

/** A portfolio with `count` video clips of `bytes` each (one evidence item each), made on this device. */
async function portfolioWithMedia(
  index: number,
  specId: string,
  version: string,
  count: number,
  base: Uint8Array<ArrayBuffer>,
) {
  const device = await deviceId();
  const candidate = await savePerson({ name: `Pack Candidate ${index}`, roles: ['candidate'] });
  const enrolment = await createEnrolment({
    candidateId: candidate.id,
    specId,
    specVersion: version,
    route: [],
    startDate: '2026-01-01',
  });
  const at = new Date().toISOString();
  const meta = () => freshMeta(crypto.randomUUID(), device, at);
  for (let i = 0; i < count; i++) {
    const evidence = { ...meta(), portfolioId: enrolment.id, type: 'O' as const, simulation: false };
    const blob = new Blob([new TextEncoder().encode(`p${index} m${i} `.padEnd(16)), base.subarray(16)], {
      type: 'video/mp4',
    });
    const media = { ...meta(), portfolioId: enrolment.id, evidenceId: evidence.id, name: `clip-${i}.mp4` };
    await bulkPutRecords('evidence', [
      {
        ...evidence,
        title: `Observation ${i}`,
        description: 'Filmed at the counter.',
        date: '2026-03-01',
        location: 'Counter',
        recordedBy: null,
        mediaIds: [media.id],
        formId: null,
        criteria: [],
      },
    ]);
    await db().media.put({ ...media, mimeType: 'video/mp4', size: blob.size, sha256: await sha256Blob(blob), blob });
  }
  return enrolment.id;
}

window.benchEqaPack = async (portfolios, mediaPerPortfolio, mediaBytes, rounds) => {
  const database = new FieldfolioDB('bench-eqa-pack');
  setDatabase(database);
  await database.delete();
  await database.open();
  const { specs } = await loadBundledSpecs();
  const spec = specs.find((s) => s.id === 'vtct-l3-dip-customer-service')!;
  await storeSpecs([spec], 'bundled');
  // Only a qualified IQA makes a pack (domain/qa/packRule.ts).
  await setActingPerson((await savePerson({ name: 'Bench IQA', roles: ['iqa'], iqaStatus: 'qualified' })).id);
  const base = new Uint8Array(mediaBytes);
  for (let i = 0; i < base.length; i += 65536)
    crypto.getRandomValues(base.subarray(i, Math.min(base.length, i + 65536)));
  const ids: string[] = [];
  for (let p = 0; p < portfolios; p++)
    ids.push(await portfolioWithMedia(p, spec.id, spec.version, mediaPerPortfolio, base));
  const whole = await portfolioWithMedia(portfolios, spec.id, spec.version, portfolios * mediaPerPortfolio, base);
  // Record signatures are made once, when versions first leave the device: made here, outside every timing.
  for (const id of [...ids, whole]) await signOwnRecords((await portfolioForExport(id))!.records);
  // One untimed export first: hash workers started and the code warm for every timing alike.
  await exportPortfolio(ids[1]!);
  const figures: EqaPackFigures = { single: [], singleSameSize: [], pack: [] };
  for (let r = 0; r < rounds; r++) {
    figures.single.push(await timed(() => exportPortfolio(ids[0]!)));
    figures.singleSameSize.push(await timed(() => exportPortfolio(whole)));
    figures.pack.push(await timed(() => exportEqaPack(ids)));
  }
  return figures;
};

document.getElementById('status')!.textContent = 'ready';
