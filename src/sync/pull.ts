// Pull (docs/sync.md): the folders discovery found are read from this device's cursor in each — only objects
// named after the last one applied — and applied in order. A folder met for the first time is read from its last
// full bundle, so a device that joins never replays a long history.
import { appendSyncLog, centreSync, portfolioSync, updateCentreSync } from '../storage';
import { applyObject, isFirstReadFull } from './apply';
import type { SyncContext } from './context';
import { bundleFolder, parseBundleName } from './layout';
import { READ_AHEAD_FOLDERS, ReadAheadStore } from './readAhead';

export interface PullSummary {
  objectsApplied: number;
  refused: number;
  held: number;
  conflicts: number;
  /** Folders whose next object waits (e.g. for the whole portfolio, held until its key is accepted). */
  waiting: number;
  /** The devices whose folders had news or wait: their labels are read again (deviceLabels.ts). */
  devicesHeard: Set<string>;
}

/**
 * Where reading a folder starts: after the cursor, or — first time — at its last full bundle not refused. A full
 * bundle refused (altered in the bucket, truncated) must not block a device that joins: it falls back to the
 * previous good full of the folder and the incrementals after it, skipping only the refused object.
 */
function toRead(names: string[], cursor: string | undefined, refused: ReadonlySet<string>): string[] {
  const readable = names.filter((n) => !refused.has(n));
  if (cursor) return readable;
  let lastFull = 0;
  readable.forEach((n, i) => {
    if (parseBundleName(n)!.full) lastFull = i;
  });
  return readable.slice(lastFull);
}

type FolderRead = { applied: number; waiting: boolean; refusedFull: string | null };

/** Applies `names` in order; stops at a refused full bundle where a first reading started (the caller falls back). */
async function readNames(
  ctx: SyncContext,
  portfolioId: string,
  deviceId: string,
  names: string[],
  summary: PullSummary,
) {
  const read: FolderRead = { applied: 0, waiting: false, refusedFull: null };
  for (const name of names) {
    const result = await applyObject(ctx, portfolioId, deviceId, name);
    if (result.outcome === 'waiting') return { ...read, waiting: true };
    read.applied++;
    if (result.outcome === 'refused') {
      summary.refused++;
      if (await isFirstReadFull(portfolioId, deviceId, name)) return { ...read, refusedFull: name };
    } else {
      summary.objectsApplied++;
      summary.held += result.held;
      summary.conflicts += result.conflicts;
    }
  }
  return read;
}

/** A folder as this device stands with it now: its cursor, the objects named after it, the fulls refused. */
async function folderState(
  ctx: SyncContext,
  portfolioId: string,
  deviceId: string,
  list = ctx.store.list.bind(ctx.store),
) {
  const row = await portfolioSync(portfolioId);
  const cursor = row.cursors[deviceId];
  const folder = bundleFolder(ctx.prefix, portfolioId, deviceId);
  const objects = (await list(folder, cursor ? `${folder}${cursor}` : undefined)).filter(
    (o) => parseBundleName(o.key.slice(folder.length)) !== null,
  );
  const names = objects.map((o) => o.key.slice(folder.length));
  return { folder, cursor, objects, names, refused: new Set(row.refusedFulls?.[deviceId] ?? []) };
}

async function pullFolder(ctx: SyncContext, portfolioId: string, deviceId: string, summary: PullSummary) {
  const { folder, cursor, names, refused } = await folderState(ctx, portfolioId, deviceId);
  let applied = 0;
  for (;;) {
    const read = await readNames(ctx, portfolioId, deviceId, toRead(names, cursor, refused), summary);
    applied += read.applied;
    if (!read.refusedFull) return { applied, waiting: read.waiting };
    refused.add(read.refusedFull);
    const fallback = toRead(names, cursor, refused)[0];
    await appendSyncLog({
      level: 'warning',
      portfolioId,
      key: `${folder}${read.refusedFull}`,
      message:
        fallback && parseBundleName(fallback)!.full && fallback < read.refusedFull
          ? `The whole portfolio in ${read.refusedFull} was refused: reading the previous whole bundle ${fallback} and the changes after it instead.`
          : `The whole portfolio in ${read.refusedFull} was refused and this device's folder has no earlier one: reading its changes from the first instead (they wait for a whole bundle if the portfolio is not here yet).`,
    });
  }
}

async function folderDone(folder: string): Promise<void> {
  const centre = await centreSync();
  await updateCentreSync({ pendingFolders: centre.pendingFolders.filter((f) => f !== folder) });
}

/**
 * Reads every pending folder. A folder of a portfolio not here yet may wait for another folder's full bundle, so
 * passes repeat while any object was applied.
 */
export async function pullFolders(ctx: SyncContext, folders: string[]): Promise<PullSummary> {
  const summary: PullSummary = {
    objectsApplied: 0,
    refused: 0,
    held: 0,
    conflicts: 0,
    waiting: 0,
    devicesHeard: new Set(),
  };
  const remaining = new Set(folders);
  const ahead = new ReadAheadStore(ctx.store);
  const reading: SyncContext = { ...ctx, store: ahead };
  let progress = true;
  try {
    while (progress && remaining.size > 0) {
      progress = false;
      const pass = [...remaining];
      for (const [i, folder] of pass.entries()) {
        // The folder entering the window (all of it at the first): the ones before it are under way already.
        const entering = pass.slice(i === 0 ? 1 : i + READ_AHEAD_FOLDERS, i + 1 + READ_AHEAD_FOLDERS);
        for (const next of entering) readFolderAhead(reading, ahead, next);
        const [portfolioId, deviceId] = folder.split('/') as [string, string];
        const result = await pullFolder(reading, portfolioId, deviceId, summary);
        if (result.applied > 0 || result.waiting) summary.devicesHeard.add(deviceId);
        if (result.applied > 0) progress = true;
        if (!result.waiting) {
          remaining.delete(folder);
          await folderDone(folder);
        }
      }
    }
  } finally {
    ahead.clear();
  }
  summary.waiting = remaining.size;
  return summary;
}

/** Lists a folder and reads the object its reading would start with, now (readAhead.ts: nothing is decided here). */
function readFolderAhead(ctx: SyncContext, ahead: ReadAheadStore, path: string): void {
  const [portfolioId, deviceId] = path.split('/') as [string, string];
  const list = (prefix: string, after?: string) => ahead.listAhead(prefix, after).then((listed) => listed ?? []);
  void folderState(ctx, portfolioId, deviceId, list).then(
    ({ cursor, objects, names, refused }) => {
      const first = toRead(names, cursor, refused)[0];
      if (first !== undefined) ahead.getAhead(objects[names.indexOf(first)]!);
    },
    () => undefined, // the pull reads it itself when its turn comes
  );
}
