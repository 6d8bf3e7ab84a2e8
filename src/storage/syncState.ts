// Sync's durable state (docs/sync.md): each portfolio's standing with the centre's store, the outbox of bundles
// built and waiting to go up (with the store's multipart journal, so an upload resumes), the centre-wide
// discovery state, and a bounded sync log. Every function is its own short transaction: sync never holds one
// open across network I/O, so recording is never blocked by it.
import { nowIso } from './clock';
import { db } from './db';
import type { OutboxRow, PortfolioSyncRow, SyncLogRow } from './syncRows';

export type { OutboxRow, PortfolioSyncRow, SyncLogRow };

/** How many sync log entries are kept (the oldest go first). */
export const SYNC_LOG_LIMIT = 500;

export const newPortfolioSync = (portfolioId: string): PortfolioSyncRow => ({
  portfolioId,
  lastPushedSeq: 0,
  pushes: 0,
  pushesSinceFull: 0,
  lastPushedAt: null,
  bytesSinceFull: 0,
  cursors: {},
  objectsApplied: 0,
  adopted: false,
  indexHash: null,
  lastSuccessAt: null,
  lastError: null,
  lastErrorAt: null,
  waiting: {},
});

export async function portfolioSync(portfolioId: string): Promise<PortfolioSyncRow> {
  return { ...newPortfolioSync(portfolioId), ...(await db().syncPortfolios.get(portfolioId)) };
}

export async function listPortfolioSync(): Promise<PortfolioSyncRow[]> {
  return db().syncPortfolios.toArray();
}

/** Changes one portfolio's sync state (read and written in one transaction). */
export async function updatePortfolioSync(
  portfolioId: string,
  change: (row: PortfolioSyncRow) => Partial<PortfolioSyncRow>,
): Promise<PortfolioSyncRow> {
  return db().transaction('rw', db().syncPortfolios, async () => {
    const row = await portfolioSync(portfolioId);
    const next = { ...row, ...change(row) };
    await db().syncPortfolios.put(next);
    return next;
  });
}

/** A push landed: the seq it carried is in the store and its outbox entry goes, in one transaction. */
export async function recordPush(pushed: OutboxRow, at: string, indexHash: string | null): Promise<void> {
  await db().transaction('rw', [db().syncPortfolios, db().outbox], async () => {
    const row = await portfolioSync(pushed.portfolioId);
    const bytes = pushed.body.size;
    await db().syncPortfolios.put({
      ...row,
      lastPushedSeq: Math.max(row.lastPushedSeq, pushed.toSeq),
      pushes: row.pushes + 1,
      lastPushedAt: pushed.builtAt,
      pushesSinceFull: pushed.full ? 0 : row.pushesSinceFull + 1,
      bytesSinceFull: pushed.full ? 0 : row.bytesSinceFull + bytes,
      indexHash: indexHash ?? row.indexHash,
      lastSuccessAt: at,
      lastError: null,
      lastErrorAt: null,
    });
    await db().outbox.delete(pushed.portfolioId);
  });
}

export function pendingUpload(portfolioId: string): Promise<OutboxRow | undefined> {
  return db().outbox.get(portfolioId);
}

export function pendingUploads(): Promise<OutboxRow[]> {
  return db().outbox.toArray();
}

export async function savePendingUpload(row: OutboxRow): Promise<void> {
  await db().outbox.put(row);
}

/** The store's multipart journal for the pending upload of a portfolio (null once the upload is complete). */
export async function saveMultipartState(portfolioId: string, state: unknown): Promise<void> {
  await db().outbox.update(portfolioId, { multipart: state });
}

/** Centre-wide discovery state: the feed cursor, portfolios judged not to concern this device, the last deep scan. */
export interface CentreSyncState {
  /** The feed key last listed up to (listing starts a look-back window before it). */
  feedCursor: string;
  /** Feed keys seen inside the look-back window, so a key listed twice is handled once. */
  feedSeen: string[];
  /** Portfolio id → the parties hash its index had when it was judged not to concern this device's people. */
  notOurs: Record<string, string>;
  lastDeepScanAt: string | null;
  /** Bundle folders ("portfolioId/deviceId") with objects to read: kept until read, so a failed cycle loses none. */
  pendingFolders: string[];
  /** This device's descriptor object is in the store with this label. */
  announcedLabel: string | null;
  /** Feed keys in the window whose index object did not match them: judged again each cycle, logged once. */
  feedUntrusted?: string[];
}

const CENTRE = 'syncCentre';

export async function centreSync(): Promise<CentreSyncState> {
  const stored = (await db().settings.get(CENTRE))?.value as Partial<CentreSyncState> | undefined;
  return {
    feedCursor: '',
    feedSeen: [],
    notOurs: {},
    lastDeepScanAt: null,
    pendingFolders: [],
    announcedLabel: null,
    ...stored,
  };
}

export async function updateCentreSync(change: Partial<CentreSyncState>): Promise<void> {
  await db().transaction('rw', db().settings, async () => {
    await db().settings.put({ key: CENTRE, value: { ...(await centreSync()), ...change } });
  });
}

/** The people who use this device, whose portfolios it pulls (settings; the acting person is always one). */
export async function syncPeople(): Promise<string[]> {
  const [listed, acting] = await Promise.all([db().settings.get('syncPeople'), db().settings.get('actingPersonId')]);
  const people = Array.isArray(listed?.value) ? (listed.value as string[]) : [];
  return typeof acting?.value === 'string' && !people.includes(acting.value) ? [...people, acting.value] : people;
}

export async function setSyncPeople(personIds: string[]): Promise<void> {
  await db().settings.put({ key: 'syncPeople', value: [...new Set(personIds)] });
}

/** Appends to the sync log, keeping the newest SYNC_LOG_LIMIT entries. */
export async function appendSyncLog(entry: Omit<SyncLogRow, 'id' | 'at'> & { at?: string }): Promise<void> {
  await db().transaction('rw', db().syncLog, async () => {
    await db().syncLog.add({ ...entry, at: entry.at ?? nowIso() });
    const count = await db().syncLog.count();
    if (count > SYNC_LOG_LIMIT) {
      const oldest = await db()
        .syncLog.orderBy('id')
        .limit(count - SYNC_LOG_LIMIT)
        .primaryKeys();
      await db().syncLog.bulkDelete(oldest);
    }
  });
}

/** The sync log, newest first. */
export async function syncLog(limit = SYNC_LOG_LIMIT): Promise<SyncLogRow[]> {
  return db().syncLog.orderBy('id').reverse().limit(limit).toArray();
}
