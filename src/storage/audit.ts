// The audit log: every row is added here, never changed or removed. Runs inside the caller's transaction
// when there is one (the audit table must be in its scope).
import type { AuditEntry } from '../domain';
import { newId, nowIso } from './clock';
import { db } from './db';

/** What happened, by whom (null: no person chosen, or the app itself), to which record. */
export interface AuditEvent {
  portfolioId: string;
  actorId: string | null;
  deviceId: string;
  action: string;
  recordType: string;
  recordId: string;
  summary?: string;
}

/** Appends one entry for something done on this device, now. */
export async function appendAudit({
  portfolioId,
  actorId,
  deviceId,
  action,
  recordType,
  recordId,
  summary = '',
}: AuditEvent) {
  await db().audit.add({
    id: newId(),
    portfolioId,
    at: nowIso(),
    actorId,
    deviceId,
    action,
    recordType,
    recordId,
    summary,
  });
}

/** Appends entries received in a bundle: each by its own id, once (entries already here are skipped). */
export async function appendReceivedAudit(entries: AuditEntry[]): Promise<void> {
  const have = new Set((await db().audit.bulkGet(entries.map((a) => a.id))).filter(Boolean).map((a) => a!.id));
  await db().audit.bulkAdd(entries.filter((a) => !have.has(a.id)));
}

export async function auditLog(portfolioId: string, limit = 200) {
  return db()
    .audit.where('portfolioId')
    .equals(portfolioId)
    .reverse()
    .sortBy('at')
    .then((rows) => rows.slice(0, limit));
}
