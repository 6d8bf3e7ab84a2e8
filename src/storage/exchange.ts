// What the bundle layer needs from storage: every record of a portfolio (tombstones included, so deletions
// travel), and applying a verified bundle's records in one transaction, merged record by record.
import {
  nextClock,
  readRecord,
  reconcile,
  type AuditEntry,
  type Conflict,
  type QualificationSpec,
  type RecordOf,
  type RecordTable,
  type Versioned,
} from '../domain';
import { db, type MediaRow } from './db';
import { explainWriteError, StorageError } from './errors';
import { deviceId, newId, nowIso, storeSpecs } from './repo';

export const EXCHANGED_TABLES = ['enrolments', 'people', 'evidence', 'media', 'decisions', 'signatures', 'forms'] as const;
export type ExchangedTable = (typeof EXCHANGED_TABLES)[number];

export interface PortfolioExport {
  records: { [T in ExchangedTable]: Array<RecordOf<T>> };
  /** Media rows with their Blob (the Blob is read lazily when streamed). */
  mediaBlobs: Map<string, Blob>;
  audit: AuditEntry[];
}

/**
 * Every record of a portfolio, or with `since` only those changed after it (an incremental bundle; the
 * enrolment always travels, as the anchor the receiving device merges into).
 */
export async function portfolioForExport(portfolioId: string, since?: string): Promise<PortfolioExport | null> {
  const d = db();
  return d.transaction('r', [d.enrolments, d.people, d.evidence, d.media, d.decisions, d.signatures, d.forms, d.audit], async () => {
    const enrolment = await d.enrolments.get(portfolioId);
    if (!enrolment) return null;
    const byPortfolio = (table: ExchangedTable) => d.table(table).where('portfolioId').equals(portfolioId).toArray();
    const [evidence, media, decisions, signatures, forms, people, audit] = await Promise.all([
      byPortfolio('evidence'),
      byPortfolio('media') as Promise<MediaRow[]>,
      byPortfolio('decisions'),
      byPortfolio('signatures'),
      byPortfolio('forms'),
      d.people.toArray(),
      d.audit.where('portfolioId').equals(portfolioId).toArray(),
    ]);
    const changed = <T extends { updatedAt?: unknown }>(rows: T[]) => (since ? rows.filter((r) => String(r.updatedAt) > since) : rows);
    // People travel with the portfolio they appear in (candidate, assessors, IQA, witnesses, signers, whoever
    // acted in its audit log), never the rest of the device's people: a bundle goes to outside verifiers.
    const personIds = new Set(people.map((p) => p.id));
    const named = new Set<string>();
    const collect = (value: unknown): void => {
      if (typeof value === 'string') {
        if (personIds.has(value)) named.add(value);
      } else if (Array.isArray(value)) value.forEach(collect);
      else if (value && typeof value === 'object' && !(value instanceof Blob)) Object.values(value).forEach(collect);
    };
    collect([enrolment, evidence, media.map(({ blob: _b, ...m }) => m), decisions, signatures, forms, audit.map((a) => a.actorId)]);
    const newMedia = changed(media);
    const mediaBlobs = new Map(newMedia.map((m) => [m.id, m.blob]));
    const strip = (rows: Array<Record<string, unknown>>) => rows.map(({ blob: _blob, ...rest }) => rest);
    return {
      records: {
        enrolments: [readRecord('enrolments', enrolment)],
        people: changed(people.filter((p) => named.has(p.id))).map((p) => readRecord('people', p)),
        evidence: changed(evidence).map((r) => readRecord('evidence', r)),
        media: strip(newMedia).map((r) => readRecord('media', r)),
        decisions: changed(decisions).map((r) => readRecord('decisions', r)),
        signatures: changed(signatures).map((r) => readRecord('signatures', r)),
        forms: changed(forms).map((r) => readRecord('forms', r)),
      },
      mediaBlobs,
      audit: audit.filter((a) => !since || a.at > since).sort((a, b) => (a.at < b.at ? -1 : 1)),
    };
  });
}

export interface ImportPlan {
  portfolioId: string;
  records: { [T in ExchangedTable]: Array<RecordOf<T>> };
  /** Media bytes by media record id (already verified against their SHA-256). */
  media: Map<string, Blob>;
  audit: AuditEntry[];
  specs: QualificationSpec[];
  mode: 'restore' | 'merge';
  /** "changes": only some records of the portfolio, which can be merged but never restored as a whole. */
  scope: 'full' | 'changes';
  summary: string;
}

export interface ImportResult {
  written: number;
  unchanged: number;
  conflicts: number;
}

export interface ConflictRow {
  id: string;
  table: ExchangedTable;
  recordId: string;
  portfolioId: string;
  conflict: Conflict<Versioned>;
  detectedAt: string;
}

/** Writes a verified bundle: one transaction; the newer version of each record wins; concurrent edits are kept. */
export async function applyImport(plan: ImportPlan): Promise<ImportResult> {
  const d = db();
  const device = await deviceId();
  try {
    return await d.transaction('rw', [...EXCHANGED_TABLES.map((t) => d.table(t)), d.audit, d.specs, d.conflicts], async () => {
      const existing = await d.enrolments.get(plan.portfolioId);
      if (plan.mode === 'restore' && existing) {
        throw new StorageError('conflict', 'This portfolio is already on this device: choose "merge" instead of "restore".');
      }
      if (plan.mode === 'restore' && plan.scope === 'changes') {
        throw new StorageError('conflict', 'This bundle holds only changes to a portfolio, not the whole of it: it can be merged into a device that has the portfolio. Ask the sender for a full bundle ("Everything").');
      }
      if (plan.mode === 'merge' && !existing) {
        throw new StorageError('conflict', 'This portfolio is not on this device yet: choose "restore" to add it.');
      }
      let written = 0;
      let unchanged = 0;
      let conflicts = 0;
      for (const table of EXCHANGED_TABLES) {
        const incoming = plan.records[table] as unknown as Array<Versioned & Record<string, unknown>>;
        if (incoming.length === 0) continue;
        const t = d.table(table);
        const local = (await t.bulkGet(incoming.map((r) => r.id))) as Array<(Versioned & Record<string, unknown>) | undefined>;
        const incomingIds = new Set(incoming.map((r) => r.id));
        const known = (await d.conflicts.where('table').equals(table).toArray()).filter((c) => incomingIds.has(c.recordId));
        const changed: Array<Record<string, unknown>> = [];
        for (let i = 0; i < incoming.length; i++) {
          const theirs = incoming[i]!;
          const mineRaw = local[i];
          const mine = mineRaw ? (({ blob: _b, ...rest }) => readRecord(table, rest) as unknown as Versioned & Record<string, unknown>)(mineRaw) : undefined;
          const result = reconcile(mine ? [mine, theirs] : [theirs], known.filter((c) => c.recordId === theirs.id).map((c) => c.conflict) as Conflict<Versioned & Record<string, unknown>>[]);
          const winner = result.records[0]!;
          if (mine && winner === mine) unchanged++;
          else {
            const blob = table === 'media' ? (plan.media.get(theirs.id) ?? (mineRaw as MediaRow | undefined)?.blob) : undefined;
            // A deleted media file travels as its tombstone alone: its bytes are gone on purpose.
            if (table === 'media' && !blob && !winner.deleted) throw new StorageError('validation', `media ${theirs.id} has no bytes in the bundle`);
            changed.push(blob ? { ...winner, blob } : winner);
            written++;
          }
          for (const c of result.conflicts) {
            const id = conflictRowId(table, c);
            if (!(await d.conflicts.get(id))) {
              await d.conflicts.put({ id, table, recordId: c.id, portfolioId: plan.portfolioId, conflict: c, detectedAt: nowIso() });
              conflicts++;
            }
          }
        }
        // One request for the table, not one round trip per record.
        await t.bulkPut(changed);
      }
      // The audit log is append-only: entries are added by id, never changed.
      const haveAudit = new Set((await d.audit.bulkGet(plan.audit.map((a) => a.id))).filter(Boolean).map((a) => a!.id));
      const newAudit = plan.audit.filter((a) => !haveAudit.has(a.id));
      await d.audit.bulkAdd(newAudit);
      // Runs inside this transaction (the specs table is in its scope).
      await storeSpecs(plan.specs, 'imported');
      if (written > 0 || conflicts > 0) {
        await d.audit.add({ id: newId(), portfolioId: plan.portfolioId, at: nowIso(), actorId: null, deviceId: device, action: 'import', recordType: 'bundle', recordId: plan.portfolioId, summary: `${plan.summary}: ${written} records written, ${conflicts} conflicts kept` });
      }
      return { written, unchanged, conflicts };
    });
  } catch (e) {
    throw explainWriteError(e, 'the imported bundle');
  }
}

const conflictRowId = (table: ExchangedTable, c: Conflict<Versioned>) => `${table}:${c.id}:${c.other.deviceId}:${c.other.rev}:${c.other.updatedAt}`;

export async function listConflicts(portfolioId: string): Promise<ConflictRow[]> {
  return db().conflicts.where('portfolioId').equals(portfolioId).toArray();
}

export type { RecordTable };

/** Devices this one has exchanged bundles with, for incremental bundles ("changes since we last sent"). */
export interface Peer {
  deviceId: string;
  label: string;
  /** Per portfolio id: when this device last sent it a bundle of that portfolio. */
  sentAt: Record<string, string>;
  lastReceivedAt: string | null;
}

export async function listPeers(): Promise<Peer[]> {
  const rows = ((await db().settings.get('peers'))?.value as Array<Partial<Peer> & { deviceId: string }> | undefined) ?? [];
  // Read tolerantly: rows from before per-portfolio send times have none (so the next bundle is a full one).
  return rows.map((p) => ({ label: `device ${p.deviceId.slice(0, 8)}`, lastReceivedAt: null, ...p, sentAt: p.sentAt ?? {} }));
}

export async function notePeer(deviceIdOfPeer: string, change: { label?: string; lastReceivedAt?: string; sent?: { portfolioId: string; at: string } }): Promise<void> {
  const { sent, ...rest } = change;
  await db().transaction('rw', db().settings, async () => {
    const peers = await listPeers();
    const existing = peers.find((p) => p.deviceId === deviceIdOfPeer);
    const next: Peer = { deviceId: deviceIdOfPeer, label: `device ${deviceIdOfPeer.slice(0, 8)}`, lastReceivedAt: null, ...existing, ...rest, sentAt: { ...existing?.sentAt } };
    if (sent) next.sentAt[sent.portfolioId] = sent.at;
    await db().settings.put({ key: 'peers', value: [...peers.filter((p) => p.deviceId !== deviceIdOfPeer), next] });
  });
}

/**
 * Settles a conflict: the chosen version is saved as a new revision that has seen every version involved (so
 * it supersedes them everywhere it travels), in one transaction. Any other concurrent version of the record
 * that this choice did not cover stays a conflict.
 */
export async function resolveConflict(row: ConflictRow, choice: 'kept' | 'other'): Promise<void> {
  const d = db();
  const device = await deviceId();
  try {
    await d.transaction('rw', [d.table(row.table), d.conflicts, d.audit], async () => {
      const chosen = row.conflict[choice] as unknown as Record<string, unknown> & Versioned;
      const current = (await d.table(row.table).get(row.recordId)) as (Versioned & { blob?: Blob }) | undefined;
      const { kept, other } = row.conflict;
      const record = readRecord(row.table, {
        ...chosen,
        rev: Math.max(current?.rev ?? 0, kept.rev, other.rev) + 1,
        clock: nextClock(device, current?.clock ?? {}, kept.clock, other.clock),
        updatedAt: nowIso(),
        deviceId: device,
      }) as unknown as Versioned;
      const rows = await d.conflicts.where('recordId').equals(row.recordId).toArray();
      // The same merge as an import, so what is in force and what stays in conflict agree with every device.
      const { records: [inForce], conflicts: remaining } = reconcile([record], rows.map((r) => r.conflict));
      await d.table(row.table).put(current?.blob ? { ...inForce, blob: current.blob } : inForce);
      await d.conflicts.bulkDelete(rows.map((r) => r.id));
      await d.conflicts.bulkPut(remaining.map((c) => ({ id: conflictRowId(row.table, c), table: row.table, recordId: row.recordId, portfolioId: row.portfolioId, conflict: c, detectedAt: nowIso() })));
      await d.audit.add({ id: newId(), portfolioId: row.portfolioId, at: nowIso(), actorId: null, deviceId: device, action: 'resolve-conflict', recordType: row.table, recordId: row.recordId, summary: choice === 'kept' ? 'kept the version in force' : 'chose the other version' });
    });
  } catch (e) {
    throw explainWriteError(e, 'the resolution');
  }
}
