// What a sync push of one portfolio carries (docs/sync.md): the records its change sequence names after the seq
// last pushed (an incremental bundle: changed records only, and only the media bytes of changed media records),
// with the enrolment as anchor and the people whatever travels names; and the figures the full-bundle rule needs.
import { emptyRecordSet, readRecord, type RecordSet } from '../domain';
import { db, type MediaRow } from './db';
import type { ChangeRow } from './syncRows';
import { changesAfter, lastChangeSeq } from './changes';
import { BY_PORTFOLIO, EXCHANGED_TABLES, peopleNamedIn, withoutBlob, type PortfolioExport } from './exchange';
import { portfolioRows } from './read';

/** A rough size of one record in a bundle's portfolio.json, for choosing between an incremental and a full bundle. */
const RECORD_BYTES_ESTIMATE = 700;
/** The tag files, the report and the zip structure of a bundle, roughly. */
const BUNDLE_OVERHEAD_ESTIMATE = 8 * 1024;

export interface OutgoingChanges {
  portfolioId: string;
  /** The change seq read with the records: everything of this portfolio up to it is in `data`. */
  toSeq: number;
  /** Distinct records changed after the seq asked for (people this portfolio names included). */
  changed: number;
  /** The changed records only (and the enrolment), ready for writeBundle. */
  data: PortfolioExport;
  /** Estimated bytes of this incremental bundle, and of a full bundle of the portfolio now. */
  incrementalBytes: number;
  fullBytes: number;
}

type Row = Record<string, unknown> & { id: string };

/** Records (ids per table) named by change entries. */
function changedIds(entries: ChangeRow[]): Map<string, Set<string>> {
  const ids = new Map<string, Set<string>>();
  for (const e of entries) ids.set(e.table, (ids.get(e.table) ?? new Set()).add(e.recordId));
  return ids;
}

/**
 * A portfolio's changes after `afterSeq` (its audit entries after `auditSince`: the audit log is a narrative and
 * travels by time, as it did before), read in one transaction. Null when the portfolio is not on this device.
 */
export async function outgoingChanges(
  portfolioId: string,
  afterSeq: number,
  auditSince: string | null,
): Promise<OutgoingChanges | null> {
  const d = db();
  return d.transaction('r', [...EXCHANGED_TABLES, 'audit', 'changes'], async () => {
    const toSeq = await lastChangeSeq();
    const enrolment = await d.enrolments.get(portfolioId);
    if (!enrolment) return null;
    const [own, shared, people, audit, ...scoped] = await Promise.all([
      changesAfter(portfolioId, afterSeq),
      changesAfter('', afterSeq),
      d.people.toArray(),
      d.audit.where('portfolioId').equals(portfolioId).toArray(),
      ...BY_PORTFOLIO.map((t) => portfolioRows(t, portfolioId) as Promise<Row[]>),
    ]);
    const ids = changedIds([...own, ...shared].filter((e) => e.seq! <= toSeq));
    const records = emptyRecordSet() as unknown as Record<string, unknown[]>;
    const mediaBlobs = new Map<string, Blob>();
    let changedMediaBytes = 0;
    const changedRows: Row[][] = BY_PORTFOLIO.map((table, i) => scoped[i]!.filter((r) => ids.get(table)?.has(r.id)));
    BY_PORTFOLIO.forEach((table, i) => {
      records[table] = changedRows[i]!.map((r) => readRecord(table, withoutBlob(r)));
      if (table !== 'media') return;
      for (const m of changedRows[i] as unknown as MediaRow[]) {
        if (m.deleted) continue;
        mediaBlobs.set(m.id, m.blob);
        changedMediaBytes += m.size;
      }
    });
    records.enrolments = [readRecord('enrolments', enrolment)];
    const sentAudit = audit.filter((a) => !auditSince || a.at > auditSince).sort((a, b) => (a.at < b.at ? -1 : 1));
    // The people the portfolio names that changed, and every person whatever travels names (the receiver needs them).
    const named = peopleNamedIn(
      [enrolment, scoped.map((rows) => rows.map(withoutBlob)), audit.map((a) => a.actorId)],
      people,
    );
    const travelling = new Set(
      peopleNamedIn(
        [enrolment, changedRows.map((rows) => rows.map(withoutBlob)), sentAudit.map((a) => a.actorId)],
        people,
      ).map((p) => p.id),
    );
    const sentPeople = named.filter((p) => ids.get('people')?.has(p.id) || travelling.has(p.id));
    records.people = sentPeople.map((p) => readRecord('people', p));
    const changed =
      (ids.get('enrolments')?.has(portfolioId) ? 1 : 0) +
      changedRows.reduce((n, rows) => n + rows.length, 0) +
      named.filter((p) => ids.get('people')?.has(p.id)).length;
    const allMediaBytes = (scoped[BY_PORTFOLIO.indexOf('media')] as unknown as MediaRow[])
      .filter((m) => !m.deleted)
      .reduce((n, m) => n + m.size, 0);
    const allRecords = 1 + named.length + scoped.reduce((n, rows) => n + rows.length, 0);
    return {
      portfolioId,
      toSeq,
      changed,
      data: { records: records as unknown as RecordSet, mediaBlobs, audit: sentAudit },
      incrementalBytes:
        changedMediaBytes +
        (1 + sentPeople.length + changedRows.flat().length) * RECORD_BYTES_ESTIMATE +
        BUNDLE_OVERHEAD_ESTIMATE,
      fullBytes: allMediaBytes + allRecords * RECORD_BYTES_ESTIMATE + BUNDLE_OVERHEAD_ESTIMATE,
    };
  });
}

/**
 * Portfolios with changes after their last pushed seq: each portfolio's own entries, and people changes for every
 * portfolio that names the person (found here, at push time, so a save never pays for it).
 */
export async function portfoliosToPush(lastPushed: (portfolioId: string) => number): Promise<string[]> {
  const d = db();
  return d.transaction('r', [...EXCHANGED_TABLES, 'audit', 'changes'], async () => {
    const enrolments = await d.enrolments.toArray();
    const floor = Math.min(...enrolments.map((e) => lastPushed(e.id)), Number.MAX_SAFE_INTEGER);
    const peopleChanges = await changesAfter('', floor);
    const due: string[] = [];
    for (const e of enrolments) {
      const after = lastPushed(e.id);
      const own = await d.changes
        .where('[portfolioId+seq]')
        .between([e.id, after + 1], [e.id, Infinity], true, true)
        .filter((c) => c.via !== 'store')
        .first();
      if (own) due.push(e.id);
      else if (peopleChanges.some((c) => c.seq! > after)) {
        const changedPeople = new Set(peopleChanges.filter((c) => c.seq! > after).map((c) => c.recordId));
        const rows = await Promise.all(BY_PORTFOLIO.map((t) => portfolioRows(t, e.id)));
        const people = (await d.people.bulkGet([...changedPeople])).filter((p) => p !== undefined);
        if (peopleNamedIn([e, rows.map((r) => (r as Row[]).map(withoutBlob))], people).length > 0) due.push(e.id);
      }
    }
    return due;
  });
}
