// Discovery (docs/sync.md): one listing of the centre-wide feed, from a look-back window before the last listing,
// tells this device which bundle folders have something new — for the portfolios it holds, and for portfolios
// started elsewhere that concern its people (read from their index object once per change of people). Idle, that
// is one request however many portfolios the device holds.
import {
  appendSyncLog,
  centreSync,
  listEnrolments,
  listPortfolioSync,
  syncPeople,
  updateCentreSync,
  type CentreSyncState,
} from '../storage';
import type { SyncContext } from './context';
import { concerns, partiesHash, readIndex, type Parties } from './index-objects';
import {
  feedFolder,
  feedStartAfter,
  indexKey,
  parseFeedKey,
  portfolioBundles,
  splitBundleKey,
  type FeedEntry,
} from './layout';
import { inParallel } from './parallel';

export const folderId = (portfolioId: string, deviceId: string) => `${portfolioId}/${deviceId}`;

const minus = (iso: string, ms: number) => new Date(Date.parse(iso) - ms).toISOString();

/** Every device folder of a portfolio with objects after this device's cursor there (one listing). */
async function foldersWithNews(ctx: SyncContext, portfolioId: string, cursors: Record<string, string>) {
  const found = new Set<string>();
  for (const object of await ctx.store.list(portfolioBundles(ctx.prefix, portfolioId))) {
    const where = splitBundleKey(ctx.prefix, portfolioId, object.key);
    if (!where || where.deviceId === ctx.deviceId) continue;
    if (!cursors[where.deviceId] || where.name > cursors[where.deviceId]!) {
      found.add(folderId(portfolioId, where.deviceId));
    }
  }
  return found;
}

interface Judged {
  here: Set<string>;
  cursors: Map<string, Record<string, string>>;
  people: Set<string>;
  /** Feed keys whose index object did not match (remembered for the window, so it is logged once). */
  untrusted: Set<string>;
  /** Index objects read this cycle, by index key: each is read at most once a cycle (see readAhead). */
  indexes: Map<string, Parties | null>;
}

async function noteUntrustedIndex(ctx: SyncContext, entry: FeedEntry, unreadable: boolean) {
  await appendSyncLog({
    level: 'warning',
    portfolioId: entry.portfolioId,
    key: indexKey(ctx.prefix, entry.portfolioId, entry.deviceId),
    message: `The index of portfolio ${entry.portfolioId.slice(0, 8)} written by device ${entry.deviceId.slice(0, 8)} ${unreadable ? 'is missing or does not open' : 'does not match its feed entry'}: it is read again next time.`,
  });
}

/** What one feed entry asks this device to read, if anything; null: judge it again next cycle. */
async function foldersFor(ctx: SyncContext, entry: FeedEntry, known: Judged, centre: CentreSyncState) {
  const cursors = known.cursors.get(entry.portfolioId) ?? {};
  if (known.here.has(entry.portfolioId) || known.cursors.has(entry.portfolioId)) {
    const cursor = cursors[entry.deviceId];
    return !cursor || entry.bundle > cursor ? [folderId(entry.portfolioId, entry.deviceId)] : [];
  }
  if (centre.notOurs[entry.portfolioId] === entry.partiesHash) return [];
  const key = indexKey(ctx.prefix, entry.portfolioId, entry.deviceId);
  if (!known.indexes.has(key)) known.indexes.set(key, await readIndex(ctx, entry.portfolioId, entry.deviceId));
  const parties = known.indexes.get(key)!;
  // The feed key names the hash of the people the writer meant; an index object that does not match it is stale
  // (written just after the feed entry), altered or unreadable: no verdict is kept, the entry is judged again.
  if (!parties || (await partiesHash(parties)) !== entry.partiesHash) {
    if (!known.untrusted.has(entry.key)) await noteUntrustedIndex(ctx, entry, !parties);
    known.untrusted.add(entry.key);
    return null;
  }
  if (!concerns(parties, known.people)) {
    centre.notOurs[entry.portfolioId] = entry.partiesHash;
    return [];
  }
  // A portfolio started elsewhere that concerns someone here: every device's folder of it is read.
  delete centre.notOurs[entry.portfolioId];
  known.cursors.set(entry.portfolioId, cursors);
  return [...(await foldersWithNews(ctx, entry.portfolioId, cursors))];
}

async function whatIsKnown(untrusted: string[]): Promise<Judged> {
  const [enrolments, rows, people] = await Promise.all([listEnrolments(), listPortfolioSync(), syncPeople()]);
  return {
    here: new Set(enrolments.map((e) => e.id)),
    cursors: new Map(rows.filter((r) => Object.keys(r.cursors).length > 0).map((r) => [r.portfolioId, r.cursors])),
    people: new Set(people),
    untrusted: new Set(untrusted),
    indexes: new Map(),
  };
}

/** Index objects read at once (a device that joins reads one per portfolio of the centre: latency, not bytes). */
const INDEX_READS_IN_FLIGHT = 6;

/**
 * Reads ahead, a few at a time, the index object of the first new entry of each portfolio not judged yet: the
 * entries are then judged in feed order as before, without waiting on the store for each. Small objects, one per
 * portfolio of the listing already in memory.
 */
async function readAhead(ctx: SyncContext, entries: FeedEntry[], known: Judged, centre: CentreSyncState) {
  const first = new Map<string, FeedEntry>();
  for (const e of entries) {
    const judged = known.here.has(e.portfolioId) || known.cursors.has(e.portfolioId);
    if (!judged && centre.notOurs[e.portfolioId] !== e.partiesHash && !first.has(e.portfolioId)) {
      first.set(e.portfolioId, e);
    }
  }
  await inParallel([...first.values()], INDEX_READS_IN_FLIGHT, async (e) => {
    known.indexes.set(indexKey(ctx.prefix, e.portfolioId, e.deviceId), await readIndex(ctx, e.portfolioId, e.deviceId));
  });
}

/**
 * Lists the feed and adds the folders with news to the centre state's pending folders (saved before the feed
 * cursor moves on, so a failure later in the cycle loses nothing). Once per deep-scan period, every held
 * portfolio's folders are listed too, in case a feed entry was missed (a writer's clock far behind).
 */
export async function discover(ctx: SyncContext): Promise<string[]> {
  const centre = await centreSync();
  const listedAt = ctx.now();
  const from = centre.feedCursor
    ? feedStartAfter(ctx.prefix, minus(centre.feedCursor, ctx.rules.lookBackMs))
    : undefined;
  const listed = await ctx.store.list(feedFolder(ctx.prefix), from);
  const seen = new Set(centre.feedSeen);
  const known = await whatIsKnown(centre.feedUntrusted ?? []);
  const pending = new Set(centre.pendingFolders);
  const entries = listed.filter((o) => !seen.has(o.key)).map((o) => ({ key: o.key, entry: parseFeedKey(ctx.prefix, o.key) })); // prettier-ignore
  const others = entries.flatMap(({ entry }) => (entry && entry.deviceId !== ctx.deviceId ? [entry] : []));
  await readAhead(ctx, others, known, centre);
  for (const { key, entry } of entries) {
    if (entry && entry.deviceId !== ctx.deviceId) {
      const folders = await foldersFor(ctx, entry, known, centre);
      if (folders === null) continue;
      for (const folder of folders) pending.add(folder);
    }
    seen.add(key);
  }
  const deepScanDue =
    !centre.lastDeepScanAt || Date.parse(listedAt) - Date.parse(centre.lastDeepScanAt) >= ctx.rules.deepScanEveryMs;
  if (deepScanDue && centre.feedCursor) {
    for (const portfolioId of known.here) {
      const cursors = known.cursors.get(portfolioId) ?? {};
      for (const folder of await foldersWithNews(ctx, portfolioId, cursors)) pending.add(folder);
    }
  }
  // Keys older than the next listing's start are never listed again: no need to remember them.
  const nextFrom = feedStartAfter(ctx.prefix, minus(listedAt, ctx.rules.lookBackMs));
  await updateCentreSync({
    feedCursor: listedAt,
    feedSeen: [...seen].filter((k) => k > nextFrom),
    feedUntrusted: [...known.untrusted].filter((k) => k > nextFrom && !seen.has(k)),
    notOurs: centre.notOurs,
    pendingFolders: [...pending],
    lastDeepScanAt: deepScanDue ? listedAt : centre.lastDeepScanAt,
  });
  return [...pending];
}
