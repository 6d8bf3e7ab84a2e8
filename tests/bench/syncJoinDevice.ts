// The joining device of `npm run bench -- --only=syncrgw`, in a Node process of its own, so the heap measured is
// that device's alone (not the seeding phone's database beside it). Started by syncRgw.bench.ts with
// `--expose-gc --trace-gc`: V8 prints every collection with the heap in use before and after it, and the heap only
// grows between collections, so the largest "before" (and the end) is the true peak of the JS heap — garbage
// included — not a sample that may miss it. Samples every 2 ms besides, for `external` (ArrayBuffers, Blob bytes
// held by JS) and the resident set. Prints one line `RESULT <json>` at the end.
import 'fake-indexeddb/auto';
import { acceptKey, setSyncPeople } from '../../src/storage';
import { db } from '../../src/storage/db';
import { engineEnvelope, S3Store, type S3Location } from '../../src/sync';
import { countingFetch } from './syncRgw.bench';
import { newDevice } from './sync.bench';

export interface JoinInput {
  location: S3Location;
  samId: string;
  phone: { deviceKey: string; deviceId: string };
  people: string[];
  /** The sync link's encryption secret, when the centre encrypts (SYNC_BENCH_ENCRYPT=1). */
  secret: string | null;
}

export interface JoinOutput {
  /** performance.now() when the join began: ms since the process began, as --trace-gc stamps its lines. */
  startedAt: number;
  ms: number;
  requests: number;
  received: number;
  evidence: number;
  /** heapUsed after a forced full collection, before the join and after it (live data: mostly the database). */
  liveBefore: number;
  liveAfter: number;
  sampled: { heapUsed: number; external: number; arrayBuffers: number; rss: number };
}

const gc = (globalThis as { gc?: () => void }).gc;

async function main(input: JoinInput): Promise<JoinOutput> {
  const counter = countingFetch();
  const store = new S3Store(input.location, { fetch: counter.fetch });
  const envelope = input.secret ? await engineEnvelope(input.secret) : null;
  const tablet = await newDevice('assessor-tablet', store, envelope);
  await setSyncPeople([input.samId]);
  await acceptKey({ ...input.phone, personIds: input.people, acceptedBy: null });
  gc?.();
  const liveBefore = process.memoryUsage().heapUsed;
  const sampled = { heapUsed: 0, external: 0, arrayBuffers: 0, rss: 0 };
  const sample = () => {
    const m = process.memoryUsage();
    for (const k of ['heapUsed', 'external', 'arrayBuffers', 'rss'] as const) sampled[k] = Math.max(sampled[k], m[k]);
  };
  const timer = setInterval(sample, 2);
  counter.reset();
  const start = performance.now();
  await tablet.engine.runOnce();
  const ms = performance.now() - start;
  sample();
  clearInterval(timer);
  const evidence = await db().evidence.count();
  gc?.();
  return {
    startedAt: start,
    ms,
    ...counter.counts,
    evidence,
    liveBefore,
    liveAfter: process.memoryUsage().heapUsed,
    sampled,
  };
}

const input = JSON.parse(process.argv[2]!) as JoinInput;
main(input).then(
  (out) => {
    console.log(`RESULT ${JSON.stringify(out)}`);
    process.exit(0);
  },
  (e: unknown) => {
    console.error(e);
    process.exit(1);
  },
);
