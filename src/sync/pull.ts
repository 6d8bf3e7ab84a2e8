// Pull (docs/sync.md): the folders discovery found are read from this device's cursor in each — only objects
// named after the last one applied — and applied in order. A folder met for the first time is read from its last
// full bundle, so a device that joins never replays a long history.
import { centreSync, portfolioSync, updateCentreSync } from '../storage';
import { applyObject } from './apply';
import type { SyncContext } from './context';
import { bundleFolder, parseBundleName } from './layout';

export interface PullSummary {
  objectsApplied: number;
  refused: number;
  held: number;
  conflicts: number;
  /** Folders whose next object waits (e.g. for the whole portfolio, held until its key is accepted). */
  waiting: number;
}

/** Where reading a folder starts: after the cursor, or — first time — at its last full bundle. */
function toRead(names: string[], cursor: string | undefined): string[] {
  if (cursor) return names;
  let lastFull = 0;
  names.forEach((n, i) => {
    if (parseBundleName(n)!.full) lastFull = i;
  });
  return names.slice(lastFull);
}

async function pullFolder(ctx: SyncContext, portfolioId: string, deviceId: string, summary: PullSummary) {
  const cursor = (await portfolioSync(portfolioId)).cursors[deviceId];
  const folder = bundleFolder(ctx.prefix, portfolioId, deviceId);
  const names = (await ctx.store.list(folder, cursor ? `${folder}${cursor}` : undefined))
    .map((o) => o.key.slice(folder.length))
    .filter((n) => parseBundleName(n) !== null);
  let applied = 0;
  for (const name of toRead(names, cursor)) {
    const result = await applyObject(ctx, portfolioId, deviceId, name);
    if (result.outcome === 'waiting') return { applied, waiting: true };
    applied++;
    if (result.outcome === 'refused') summary.refused++;
    else {
      summary.objectsApplied++;
      summary.held += result.held;
      summary.conflicts += result.conflicts;
    }
  }
  return { applied, waiting: false };
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
  const summary: PullSummary = { objectsApplied: 0, refused: 0, held: 0, conflicts: 0, waiting: 0 };
  const remaining = new Set(folders);
  let progress = true;
  while (progress && remaining.size > 0) {
    progress = false;
    for (const folder of [...remaining]) {
      const [portfolioId, deviceId] = folder.split('/') as [string, string];
      const result = await pullFolder(ctx, portfolioId, deviceId, summary);
      if (result.applied > 0) progress = true;
      if (!result.waiting) {
        remaining.delete(folder);
        await folderDone(folder);
      }
    }
  }
  summary.waiting = remaining.size;
  return summary;
}
