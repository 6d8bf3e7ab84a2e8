// Learning other devices' labels (docs/sync.md, "Device labels"): after a pull, the devices whose folders had news
// and whose label this device does not know (or learned more than a day ago) have their descriptor object read,
// one GET each. An idle cycle has no news, so it reads none: the idle cycle stays at one request.
import { knownDeviceLabels, listPortfolioSync, rememberDeviceLabels } from '../storage';
import type { SyncContext } from './context';
import { readDeviceLabel } from './index-objects';

const RELEARN_AFTER_MS = 24 * 60 * 60 * 1000;

/** Every folder's cursor ("portfolioId/deviceId" → last object name read). */
export async function folderCursors(): Promise<Map<string, string>> {
  const cursors = new Map<string, string>();
  for (const row of await listPortfolioSync()) {
    for (const [deviceId, name] of Object.entries(row.cursors)) cursors.set(`${row.portfolioId}/${deviceId}`, name);
  }
  return cursors;
}

/** Reads the labels of the devices whose folders moved since `before` when not known or stale. */
export async function learnDeviceLabels(ctx: SyncContext, before: Map<string, string>): Promise<void> {
  const moved = new Set<string>();
  for (const [folder, name] of await folderCursors()) {
    if (before.get(folder) !== name) moved.add(folder.slice(folder.indexOf('/') + 1));
  }
  moved.delete(ctx.deviceId);
  if (moved.size === 0) return;
  const known = await knownDeviceLabels();
  const now = Date.parse(ctx.now());
  const learnt: Record<string, string> = {};
  for (const deviceId of moved) {
    const seen = known[deviceId];
    if (seen?.label && now - Date.parse(seen.at) < RELEARN_AFTER_MS) continue;
    const label = await readDeviceLabel(ctx, deviceId);
    if (label) learnt[deviceId] = label;
  }
  if (Object.keys(learnt).length > 0) await rememberDeviceLabels(learnt);
}
