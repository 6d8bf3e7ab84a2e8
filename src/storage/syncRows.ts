// The rows of the sync tables (Dexie v5, docs/sync.md): the change sequence, each portfolio's sync state, the
// outbox and the sync log.
import type { TravellingTable } from '../domain';

/** One committed change to a travelling record: what sync pushes is chosen by `seq`, never by `updatedAt`. */
export interface ChangeRow {
  seq?: number;
  table: TravellingTable;
  recordId: string;
  /** The portfolio the record belongs to; '' for a person (people belong to every portfolio that names them). */
  portfolioId: string;
  /**
   * 'store': merged from an object pulled from the centre's store, where every device reads it already, so an
   * incremental push does not send it again (a full bundle does). Absent: saved here, or imported by hand (relayed).
   */
  via?: 'store';
}

/** Where one portfolio stands with the centre's store (storage/syncState.ts). */
export interface PortfolioSyncRow {
  portfolioId: string;
  /** The highest change seq that is in the store. */
  lastPushedSeq: number;
  pushes: number;
  pushesSinceFull: number;
  /** When the last push's records were read (this device's clock): audit entries after it travel next. */
  lastPushedAt: string | null;
  bytesSinceFull: number;
  /** Per writing device: the name of the last of its objects applied here (listing starts after it). */
  cursors: Record<string, string>;
  objectsApplied: number;
  /** The portfolio came from the store (so this device's first push of it need not be a full bundle). */
  adopted: boolean;
  /** The parties hash of the index object this device last wrote for the portfolio. */
  indexHash: string | null;
  lastSuccessAt: string | null;
  lastError: string | null;
  lastErrorAt: string | null;
  /** Writing devices whose next object waits for something (e.g. the whole portfolio, held): retried each cycle. */
  waiting: Record<string, string>;
  /**
   * Per writing device: its full bundles refused before the portfolio was here (altered in the bucket, truncated),
   * so a device that joins reads the previous good full instead and never fetches a refused one again.
   */
  refusedFulls?: Record<string, string[]>;
}

/** A bundle built and sealed, kept until it is in the store, so a retry sends the very same bytes. */
export interface OutboxRow {
  portfolioId: string;
  key: string;
  body: Blob;
  sha256: string;
  fromSeq: number;
  toSeq: number;
  full: boolean;
  /** The store's multipart journal (uploaded parts), so a dropped upload resumes without re-sending them. */
  multipart: unknown;
  builtAt: string;
}

export interface SyncLogRow {
  id?: number;
  at: string;
  level: 'info' | 'warning' | 'error';
  portfolioId: string | null;
  /** The object concerned, if any. */
  key: string | null;
  message: string;
}
