// One pulled object, end to end: fetched, opened (when the centre encrypts), verified as an opened bundle is,
// admitted by the trust rules (a change whose key this device does not accept is held, not merged), merged with
// the existing reconcile. A bad object — unparsable, tampered, sealed with another key, in the wrong place — is
// refused: logged with its key and reason, and nothing else changes (the cursor moves past it).
import { admitBundle, BundleError, BundleRefused, verifyBundle, writeVerifiedBundle } from '../bundle';
import { appendSyncLog, enrolmentById, portfolioSync, StorageError, updatePortfolioSync } from '../storage';
import type { SyncContext } from './context';
import { EnvelopeError } from './envelope';
import { bundleFolder, parseBundleName } from './layout';

export type Applied =
  | { outcome: 'applied'; written: number; conflicts: number; held: number }
  | { outcome: 'refused'; reason: string }
  | { outcome: 'waiting'; reason: string };

/** Moves a device folder's cursor past `name` (applied or refused), and notes the portfolio as now here. */
async function passed(ctx: SyncContext, portfolioId: string, deviceId: string, name: string, adopted: boolean) {
  await updatePortfolioSync(portfolioId, (row) => {
    const waiting = { ...row.waiting };
    delete waiting[deviceId];
    return {
      cursors: { ...row.cursors, [deviceId]: name },
      objectsApplied: row.objectsApplied + (adopted ? 1 : 0),
      adopted: row.adopted || adopted,
      waiting,
      lastSuccessAt: ctx.now(),
    };
  });
}

/**
 * A full bundle met where a first reading of a folder starts (no cursor there yet): refused, it must not make the
 * reader skip the folder's earlier objects, so it is remembered and the folder is read from its previous good full.
 */
export async function isFirstReadFull(portfolioId: string, deviceId: string, name: string): Promise<boolean> {
  return !!parseBundleName(name)?.full && !(await portfolioSync(portfolioId)).cursors[deviceId];
}

/** Logs the refusal and moves past the object (a full met by a first reading is remembered instead: pull.ts). */
async function refuse(ctx: SyncContext, portfolioId: string, deviceId: string, name: string, reason: string) {
  if (await isFirstReadFull(portfolioId, deviceId, name)) {
    const here = !!(await enrolmentById(portfolioId));
    await updatePortfolioSync(portfolioId, (row) => {
      const refused = { ...row.refusedFulls };
      refused[deviceId] = [...new Set([...(refused[deviceId] ?? []), name])];
      const words = `the whole portfolio sent by device ${deviceId.slice(0, 8)} (${name}) was refused: ${reason}. Nothing was changed; its later changes wait for a whole bundle that verifies`;
      return { refusedFulls: refused, waiting: here ? row.waiting : { ...row.waiting, [deviceId]: words } };
    });
  } else await passed(ctx, portfolioId, deviceId, name, false);
  const key = `${bundleFolder(ctx.prefix, portfolioId, deviceId)}${name}`;
  await appendSyncLog({ level: 'error', portfolioId, key, message: `Refused ${key}: ${reason}. Nothing was changed.` });
  return { outcome: 'refused' as const, reason };
}

/** The bundle, opened when the centre encrypts; a string says why it is refused. */
async function openedBundle(ctx: SyncContext, key: string, body: Blob): Promise<Blob | string> {
  if (!ctx.envelope) return body;
  try {
    return await ctx.envelope.open(key, body);
  } catch (e) {
    if (e instanceof EnvelopeError) return e.reason;
    return 'it does not open with the centre’s encryption key (altered, or sealed with another key)';
  }
}

/** Why the object is refused, or null for a failure that is this device's (a full disk): that one is retried. */
const refusalOf = (e: unknown): string | null => {
  if (e instanceof BundleRefused) return e.reasons.join('; ');
  if (e instanceof BundleError) return e.message;
  if (e instanceof StorageError && (e.kind === 'validation' || e.kind === 'conflict')) return e.message;
  return null;
};

export async function applyObject(
  ctx: SyncContext,
  portfolioId: string,
  deviceId: string,
  name: string,
): Promise<Applied> {
  const key = `${bundleFolder(ctx.prefix, portfolioId, deviceId)}${name}`;
  // One object at a time, as a Blob the bundle reader slices: what is held is this object, never the portfolio's
  // others, and nothing of it is kept once it is applied (the media go to storage as slices of it).
  const body = await ctx.store.getBlob(key);
  if (!body) return refuse(ctx, portfolioId, deviceId, name, 'it is no longer in the store');
  const opened = await openedBundle(ctx, key, body);
  if (typeof opened === 'string') return refuse(ctx, portfolioId, deviceId, name, opened);
  try {
    const bundle = await verifyBundle(opened);
    if (bundle.portfolioId !== portfolioId || bundle.deviceId !== deviceId) {
      const where = `portfolio ${bundle.portfolioId} from device ${bundle.deviceId}`;
      return refuse(ctx, portfolioId, deviceId, name, `it holds ${where}, not what its place in the bucket says`);
    }
    // A copy of one of the writer's changes bundles under a whole bundle's name (no envelope binds an unencrypted
    // object to its name) would otherwise be where a joining device starts, and wait there for ever.
    if (parseBundleName(name)?.full && bundle.scope !== 'full') {
      return refuse(ctx, portfolioId, deviceId, name, 'it is named a whole bundle but holds only changes');
    }
    const here = !!(await enrolmentById(portfolioId));
    if (!here && bundle.scope === 'changes') {
      const reason = 'it holds changes to a portfolio not on this device yet (its whole bundle is held or not read)';
      // A reason already noted (its whole bundle refused) says more than this one.
      await updatePortfolioSync(portfolioId, (row) => ({
        waiting: { ...row.waiting, [deviceId]: row.waiting[deviceId] ?? reason },
      }));
      return { outcome: 'waiting', reason };
    }
    const admission = await admitBundle(bundle);
    if (admission.refusals.length > 0) return refuse(ctx, portfolioId, deviceId, name, admission.refusals.join('; '));
    const result = await writeVerifiedBundle(bundle, here ? 'merge' : 'restore', admission, 'store');
    await passed(ctx, portfolioId, deviceId, name, true);
    const signer = admission.signer.entry.deviceKey;
    await appendSyncLog({
      level: result.held > 0 ? 'warning' : 'info',
      portfolioId,
      key: `${bundleFolder(ctx.prefix, portfolioId, deviceId)}${name}`,
      message:
        `Received from device ${deviceId.slice(0, 8)}: ${result.written} records written, ${result.conflicts} conflicts kept` +
        (result.held > 0 ? `, ${result.held} changes held (signed by key ${signer}, not accepted here)` : ''),
    });
    return { outcome: 'applied', written: result.written, conflicts: result.conflicts, held: result.held };
  } catch (e) {
    const reason = refusalOf(e);
    if (reason === null) throw e;
    return refuse(ctx, portfolioId, deviceId, name, reason);
  }
}
