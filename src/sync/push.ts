// Push (docs/sync.md): one portfolio's changes since the seq it last pushed go up as one signed bundle, created
// only if its name is free. The bundle is built once and kept in the outbox until it has landed, so a retry — after
// a dropped connection or a crash — sends the very same bytes, and a multipart upload resumes where it stopped.
import { writeBundle } from '../bundle';
import {
  appendSyncLog,
  enrolmentById,
  nowIso,
  outgoingChanges,
  pendingUpload,
  portfolioForExport,
  portfolioSync,
  recordPush,
  saveMultipartState,
  savePendingUpload,
  sha256Blob,
  updatePortfolioSync,
  type OutboxRow,
} from '../storage';
import type { SyncContext } from './context';
import { SyncProblem } from './failures';
import { partiesHash, partiesOf, writeIndex } from './index-objects';
import { bundleFolder, bundleName, feedKey } from './layout';
import { StoreError, type MultipartState } from './objectStore';
import { chooseFull } from './rules';
import type { SyncPutOptions } from './transport';

export interface PushOutcome {
  portfolioId: string;
  key: string;
  full: boolean;
  bytes: number;
}

/** Builds the next bundle of a portfolio into the outbox; null when it has nothing to send. */
async function buildPending(ctx: SyncContext, portfolioId: string): Promise<OutboxRow | null> {
  const state = await portfolioSync(portfolioId);
  // Taken before the records are read: audit entries after it go with the next push.
  const builtAt = nowIso();
  const out = await outgoingChanges(portfolioId, state.lastPushedSeq, state.lastPushedAt);
  if (!out) return null;
  if (out.changed === 0) {
    // Only changes pulled from the store, or to people this portfolio does not name: nothing to send.
    if (out.toSeq > state.lastPushedSeq) await updatePortfolioSync(portfolioId, () => ({ lastPushedSeq: out.toSeq }));
    return null;
  }
  const full = chooseFull(state, out, ctx.rules);
  const data = full ? await portfolioForExport(portfolioId) : out.data;
  if (!data) return null;
  const since = full ? undefined : (state.lastPushedAt ?? '1970-01-01T00:00:00.000Z');
  const bundle = await writeBundle(data, { since });
  const key = `${bundleFolder(ctx.prefix, portfolioId, ctx.deviceId)}${bundleName(out.toSeq, full, !!ctx.envelope)}`;
  // Sealed for its key: a copy of it under any other name (a later seq, another folder) does not open.
  const body = ctx.envelope ? await ctx.envelope.seal(key, bundle.blob) : bundle.blob;
  const row: OutboxRow = {
    portfolioId,
    key,
    body,
    sha256: await sha256Blob(body),
    fromSeq: state.lastPushedSeq,
    toSeq: out.toSeq,
    full,
    multipart: null,
    builtAt,
  };
  await savePendingUpload(row);
  return row;
}

/**
 * Create-only upload. A name already taken means an earlier attempt landed — if the object there is byte for byte
 * the one in the outbox. Anything else under this device's name was written by another writer (a cloned device,
 * or a bucket policy that lets another key write here): refused, never overwritten.
 */
async function upload(ctx: SyncContext, row: OutboxRow): Promise<void> {
  const options: SyncPutOptions = {
    contentType: ctx.envelope ? 'application/octet-stream' : 'application/zip',
    onProgress: (sent, total) => ctx.onProgress(row.portfolioId, sent, total),
    resume: {
      load: async () => ((await pendingUpload(row.portfolioId))?.multipart ?? null) as MultipartState | null,
      save: (state) => saveMultipartState(row.portfolioId, state),
    },
  };
  try {
    await ctx.store.putNew(row.key, row.body, options);
  } catch (e) {
    if (!(e instanceof StoreError && e.failure === 'exists')) throw e;
    const there = await ctx.store.get(row.key);
    if (!there || (await sha256Blob(new Blob([there as BlobPart]))) !== row.sha256) {
      throw new SyncProblem(
        `Another writer has already put an object under this device’s name (${row.key}): this device's copy was not sent. Check that no other device uses this device’s identity, and the bucket policy (docs/sync-bucket.md).`,
      );
    }
  }
  ctx.onProgress(row.portfolioId, row.body.size, row.body.size);
}

/** Pushes one portfolio's pending or new changes; null when there was nothing to send. */
export async function pushPortfolio(ctx: SyncContext, portfolioId: string): Promise<PushOutcome | null> {
  const row = (await pendingUpload(portfolioId)) ?? (await buildPending(ctx, portfolioId));
  if (!row) return null;
  await upload(ctx, row);
  const enrolment = await enrolmentById(portfolioId);
  const parties = enrolment ? partiesOf(enrolment) : null;
  const hash = parties ? await partiesHash(parties) : '0';
  // Rewritten with every push (one small PUT), before the feed entry: a reader never meets a feed entry whose
  // people's hash its index object does not match yet, and an index altered in the bucket is repaired next push.
  if (parties) await writeIndex(ctx, portfolioId, parties);
  const bundle = row.key.slice(row.key.lastIndexOf('/') + 1);
  const entry = { at: ctx.now(), deviceId: ctx.deviceId, portfolioId, bundle, partiesHash: hash };
  try {
    // An empty object: its key says everything; listing the feed is how other devices learn of this push.
    await ctx.store.putNew(feedKey(ctx.prefix, entry), new Uint8Array(0));
  } catch (e) {
    if (!(e instanceof StoreError && e.failure === 'exists')) throw e;
  }
  await recordPush(row, ctx.now(), parties ? hash : null);
  await appendSyncLog({
    level: 'info',
    portfolioId,
    key: row.key,
    message: `Sent ${row.full ? 'the whole portfolio' : 'changes'} (${row.body.size} bytes).`,
  });
  return { portfolioId, key: row.key, full: row.full, bytes: row.body.size };
}
