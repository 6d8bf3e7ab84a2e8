// Each portfolio's sync state as a person sees it: up to date / N changes waiting / sending x% / held: unknown
// signer / failed: the reason in words; and when it last synced. Read from storage (durable) and the engine's
// transient progress.
import { changesWaitingEach, listEnrolments, listHeld, listPortfolioSync, newPortfolioSync } from '../storage';
import { formatFingerprint } from '../domain';

export type PortfolioSyncStatus =
  | { kind: 'up-to-date' }
  | { kind: 'waiting'; changes: number }
  | { kind: 'sending'; percent: number }
  | { kind: 'held'; changes: number; keys: string[] }
  | { kind: 'failed'; reason: string };

export interface PortfolioSyncView {
  portfolioId: string;
  status: PortfolioSyncStatus;
  /** The status in words, ready to show. */
  words: string;
  lastSuccessAt: string | null;
  changesWaiting: number;
}

export function statusInWords(status: PortfolioSyncStatus): string {
  switch (status.kind) {
    case 'up-to-date':
      return 'Up to date';
    case 'waiting':
      return status.changes === 1 ? '1 change waiting' : `${status.changes} changes waiting`;
    case 'sending':
      return `Sending ${status.percent}%`;
    case 'held': {
      // The fingerprint's start, enough to match it with the held key's full one shown beside its Accept button.
      const keys = status.keys.map((key) => `${formatFingerprint(key.slice(0, 16))} …`).join(', ');
      const changes = status.changes === 1 ? '1 change' : `${status.changes} changes`;
      return `Held: ${changes} signed by a key this device does not accept (${keys}): compare its fingerprint before accepting it`;
    }
    case 'failed':
      return `Failed: ${status.reason}`;
  }
}

/** Every portfolio on this device (and any the store is bringing), with its state. */
export async function portfolioViews(sending: ReadonlyMap<string, number>): Promise<PortfolioSyncView[]> {
  const [enrolments, rows, held] = await Promise.all([listEnrolments(), listPortfolioSync(), listHeld()]);
  const byId = new Map(rows.map((r) => [r.portfolioId, r]));
  const here = new Set(enrolments.map((e) => e.id));
  // A portfolio not here yet whose objects wait (e.g. its whole bundle refused) is shown too, with the reason.
  const stuck = rows.filter((r) => !here.has(r.portfolioId) && Object.keys(r.waiting).length > 0);
  const ids = [...new Set([...here, ...held.map((h) => h.portfolioId), ...stuck.map((r) => r.portfolioId)])];
  const rowOf = (portfolioId: string) => byId.get(portfolioId) ?? newPortfolioSync(portfolioId);
  const waitingOf = await changesWaitingEach(ids.map((id) => [id, rowOf(id).lastPushedSeq]));
  return ids.map((portfolioId) => {
    const row = rowOf(portfolioId);
    const waiting = waitingOf.get(portfolioId) ?? 0;
    const heldHere = held.filter((h) => h.portfolioId === portfolioId);
    const percent = sending.get(portfolioId);
    const status: PortfolioSyncStatus =
      percent !== undefined
        ? { kind: 'sending', percent }
        : row.lastError
          ? { kind: 'failed', reason: row.lastError }
          : heldHere.length === 0 && !here.has(portfolioId)
            ? { kind: 'failed', reason: `Not on this device yet: ${Object.values(row.waiting)[0]}.` }
            : heldHere.length > 0
              ? { kind: 'held', changes: heldHere.length, keys: [...new Set(heldHere.map((h) => h.deviceKey))] }
              : waiting > 0
                ? { kind: 'waiting', changes: waiting }
                : { kind: 'up-to-date' };
    return {
      portfolioId,
      status,
      words: statusInWords(status),
      lastSuccessAt: row.lastSuccessAt,
      changesWaiting: waiting,
    };
  });
}
