// Learning other devices' labels (docs/sync.md, "Device labels"): after a pull, each device whose folders had news
// has its descriptor object read, one GET, so a label its person changed shows with that device's next change; so
// does each device whose folder waits (held behind a key not accepted yet: the held list names it, and a waiting
// folder is listed every cycle anyway). An idle cycle reads none: the idle cycle stays at one request.
import { rememberDeviceLabels } from '../storage';
import type { SyncContext } from './context';
import { readDeviceLabel } from './index-objects';

/** Reads the labels of `devices` (those the pull heard from) and keeps them. */
export async function learnDeviceLabels(ctx: SyncContext, devices: ReadonlySet<string>): Promise<void> {
  const learnt: Record<string, string> = {};
  for (const deviceId of devices) {
    if (deviceId === ctx.deviceId) continue;
    const label = await readDeviceLabel(ctx, deviceId);
    if (label) learnt[deviceId] = label;
  }
  if (Object.keys(learnt).length > 0) await rememberDeviceLabels(learnt);
}
