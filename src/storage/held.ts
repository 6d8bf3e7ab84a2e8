// Changes kept aside because their author's key may not make them (docs/trust.md, "What the person sees"). They
// are listed on the Trust screen, can be discarded, and are judged again — by the rules admission uses, against
// the versions stored now — when a key is accepted or a certificate added; those now allowed are applied with
// the same merge as an import.
import { emptyRecordSet, type RecordSet, type TravellingTable, type TrustState, type Versioned } from '../domain';
import { isNew, judgeRecord, localView, scopeViolations } from './admission';
import { appendAudit } from './audit';
import { db, type HeldRow } from './db';
import { actingPersonId, deviceId } from './device';
import { explainWriteError } from './errors';
import { EXCHANGED_TABLES, mergeTable, type ImportResult } from './exchange';
import { loadTrustState } from './trust';

export type { HeldRow };

type Row = Versioned & Record<string, unknown>;

const byReceived = (a: HeldRow, b: HeldRow) => (a.receivedAt < b.receivedAt ? -1 : a.receivedAt > b.receivedAt ? 1 : 0);

/** Held changes, oldest first: of one portfolio, or of every portfolio. */
export async function listHeld(portfolioId?: string): Promise<HeldRow[]> {
  const rows = portfolioId
    ? await db().held.where('portfolioId').equals(portfolioId).toArray()
    : await db().held.toArray();
  return rows.sort(byReceived);
}

/** A person drops a held change for good; the audit log says who, and which key had made it. */
export async function discardHeld(id: string): Promise<void> {
  const [device, actor] = await Promise.all([deviceId(), actingPersonId()]);
  try {
    await db().transaction('rw', db().held, db().audit, async () => {
      const row = await db().held.get(id);
      if (!row) return;
      await db().held.delete(id);
      await appendAudit({
        portfolioId: row.portfolioId,
        actorId: actor,
        deviceId: device,
        action: 'discard-held',
        recordType: row.table,
        recordId: row.recordId,
        summary: `discarded a change held because ${row.reason}; made by key ${row.deviceKey}`,
      });
    });
  } catch (e) {
    throw explainWriteError(e, 'discarding the held change');
  }
}

export interface RejudgeResult {
  /** Held changes now allowed, and applied. */
  applied: number;
  /** Held changes this device no longer needs: it holds that version or a newer one. */
  superseded: number;
  /** Changes still held, each with its reason as judged now. */
  stillHeld: number;
}

/** Everything judging reads (records, trust state, settings) and applying writes (records, conflicts, audit). */
const REJUDGE_TABLES = [
  ...EXCHANGED_TABLES,
  'held',
  'audit',
  'conflicts',
  'settings',
  'trustDocuments',
  'acceptances',
  'changes',
];

/**
 * Judges every held change again with the trust state stored now (after a key was accepted or a certificate
 * added): applies those now allowed and drops them from the held list, keeps the rest with their reason
 * updated — all in one transaction.
 */
export async function rejudgeHeld(): Promise<RejudgeResult> {
  const [device, actor] = await Promise.all([deviceId(), actingPersonId()]);
  try {
    return await db().transaction('rw', REJUDGE_TABLES, async () => {
      const trust = await loadTrustState();
      const total: RejudgeResult = { applied: 0, superseded: 0, stillHeld: 0 };
      const portfolios = groupBy(await listHeld(), (row) => row.portfolioId);
      for (const [portfolioId, rows] of portfolios) {
        const outcome = await rejudgePortfolio(portfolioId, rows, trust);
        total.applied += outcome.applied.length;
        total.superseded += outcome.superseded;
        total.stillHeld += outcome.stillHeld;
        if (outcome.applied.length === 0) continue;
        const keys = [...new Set(outcome.applied.map((r) => r.deviceKey))].join(', ');
        await appendAudit({
          portfolioId,
          actorId: actor,
          deviceId: device,
          action: 'apply-held',
          recordType: 'held',
          recordId: portfolioId,
          summary: `${outcome.applied.length} held changes applied, now that their keys are trusted here (${keys})`,
        });
      }
      return total;
    });
  } catch (e) {
    throw explainWriteError(e, 'the held changes');
  }
}

/** Rows grouped by a key, each group in the rows' order. */
function groupBy<K>(rows: HeldRow[], key: (row: HeldRow) => K): Map<K, HeldRow[]> {
  const groups = new Map<K, HeldRow[]>();
  for (const row of rows) groups.set(key(row), [...(groups.get(key(row)) ?? []), row]);
  return groups;
}

/** One version of each record per round, oldest first: a later held version is judged against the earlier once applied. */
async function rejudgePortfolio(portfolioId: string, rows: HeldRow[], trust: TrustState) {
  const outcome = { applied: [] as HeldRow[], superseded: 0, stillHeld: 0 };
  let pending = rows;
  while (pending.length > 0) {
    const round = [...groupBy(pending, (r) => `${r.table}|${r.recordId}`).values()].map((versions) => versions[0]!);
    const judged = await judgeRound(portfolioId, round, trust);
    await applyAllowed(portfolioId, judged.allowed);
    await db().held.bulkDelete([...judged.allowed, ...judged.superseded].map((r) => r.id));
    await db().held.bulkPut(judged.stillHeld);
    outcome.applied.push(...judged.allowed);
    outcome.superseded += judged.superseded.length;
    outcome.stillHeld += judged.stillHeld.length;
    pending = pending.filter((r) => !round.includes(r));
  }
  return outcome;
}

/** Judges one version of each record, as admission would judge it arriving now. */
async function judgeRound(portfolioId: string, round: HeldRow[], trust: TrustState) {
  const allowed: HeldRow[] = [];
  const superseded: HeldRow[] = [];
  const stillHeld: HeldRow[] = [];
  const incoming = { portfolioId, records: recordSetOf(round), audit: [] };
  // Changes to a portfolio that is neither here nor among them have nothing to be judged against.
  if (!(await db().enrolments.get(portfolioId)) && incoming.records.enrolments.length === 0) {
    stillHeld.push(...round.map((row) => ({ ...row, reason: 'its portfolio is not on this device' })));
    return { allowed, superseded, stillHeld };
  }
  const local = await localView(incoming);
  const outOfScope = new Map(scopeViolations(incoming, local).map((v) => [`${v.table}|${v.id}`, v.reason]));
  for (const row of round) {
    const record = row.record as Row;
    if (!isNew(row.table, record, local)) {
      superseded.push(row);
      continue;
    }
    const reason =
      outOfScope.get(`${row.table}|${row.recordId}`) ?? judgeRecord(row.table, record, row, trust, local).reason;
    if (reason === null) allowed.push(row);
    else stillHeld.push({ ...row, reason });
  }
  return { allowed, superseded, stillHeld };
}

function recordSetOf(rows: HeldRow[]): RecordSet {
  const set = emptyRecordSet() as unknown as Record<TravellingTable, unknown[]>;
  for (const row of rows) set[row.table].push(row.record);
  return set as unknown as RecordSet;
}

/** Writes the allowed versions as an import would: the newer version of each record wins, conflicts are kept. */
async function applyAllowed(portfolioId: string, allowed: HeldRow[]): Promise<void> {
  if (allowed.length === 0) return;
  const records = recordSetOf(allowed);
  const media = new Map(allowed.flatMap((row) => (row.blob ? [[row.recordId, row.blob] as const] : [])));
  const counts: ImportResult = { held: 0, written: 0, unchanged: 0, conflicts: 0 };
  for (const table of EXCHANGED_TABLES) await mergeTable(table, { portfolioId, records, media }, counts);
}
