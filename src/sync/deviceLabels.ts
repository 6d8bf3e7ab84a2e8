// Learning other devices' labels (docs/sync.md, "Device labels"): after a pull, each device whose folders had news
// has its descriptor object read, one GET, so a label its person changed shows with that device's next change; so
// does each device whose folder waits (held behind a key not accepted yet: the held list names it, and a waiting
// folder is listed every cycle anyway). An idle cycle reads none: the idle cycle stays at one request.
import { listPortfolioSync, rememberDeviceLabels } from '../storage';
import type { SyncContext } from './context';
import { readDeviceLabel } from './index-objects';

const WAITING = '\u0000waiting';

/** Every folder's cursor ("portfolioId/deviceId" → last object name read; waiting folders marked so). */
export async function folderCursors(): Promise<Map<string, string>> {
  const cursors = new Map<string, string>();
  for (const row of await listPortfolioSync()) {
    for (const [deviceId, name] of Object.entries(row.cursors)) cursors.set(`${row.portfolioId}/${deviceId}`, name);
    for (const deviceId of Object.keys(row.waiting)) cursors.set(`${row.portfolioId}/${deviceId}`, WAITING);
  }
  return cursors;
}

/** Reads the labels of the devices whose folders moved since `before`. */
export async function learnDeviceLabels(ctx: SyncContext, before: Map<string, string>): Promise<void> {
  const moved = new Set<string>();
  for (const [folder, name] of await folderCursors()) {
    if (before.get(folder) !== name || name === WAITING) moved.add(folder.slice(folder.indexOf('/') + 1));
  }
  moved.delete(ctx.deviceId);
  if (moved.size === 0) return;
  const learnt: Record<string, string> = {};
  for (const deviceId of moved) {
    const label = await readDeviceLabel(ctx, deviceId);
    if (label) learnt[deviceId] = label;
  }
  if (Object.keys(learnt).length > 0) await rememberDeviceLabels(learnt);
}
