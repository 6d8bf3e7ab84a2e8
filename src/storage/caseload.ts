// The acting person's caseload, fast with a full one (60 portfolios × 300 evidence items): each portfolio's summary
// (domain summarisePortfolio) is kept in the settings table with a stamp of what it was worked out from, so opening
// the home screen reads 60 small rows and a few index counts instead of 18,000 records. A summary whose stamp no
// longer matches is listed as stale and worked out again (refreshCaseloadSummaries), one portfolio at a time.
//
// The stamp: the enrolment's revision, and per portfolio the number of evidence, decision, signature and audit rows
// (index counts: no record is read). Every write path adds an audit row (write.ts, imports, conflicts) and deletions
// are tombstones, so any change moves the stamp. A path that changed a portfolio's records with none of these would
// leave its summary stale: call forgetCaseloadSummary(portfolioId) there.
import {
  summarisePortfolio,
  SUMMARY_FORMAT,
  type CaseloadAction,
  type CaseloadEntry,
  type CaseloadRole,
  type Enrolment,
  type Person,
  type PortfolioSummary,
} from '../domain';
import { CASELOAD_ACTION_SOURCES, type CaseloadActionSource } from './caseloadSources';
import { db } from './db';
import { actingPersonId } from './device';
import { portfolioRecords, validRecords } from './read';
import { loadStoredSpec } from './specs';

export type { CaseloadActionSource, CaseloadQuery } from './caseloadSources';

/** A caseload section: the portfolios a person holds in one role ('everyone': nobody acting, every portfolio). */
export interface CaseloadSection {
  role: CaseloadRole | 'everyone';
  entries: CaseloadEntry[];
  /** What the action sources say waits for the person in this role. */
  actions: CaseloadAction[];
}

export interface Caseload {
  person: Person | null;
  sections: CaseloadSection[];
  /** The device's other portfolios, so every one stays reachable from home. */
  others: Array<{ portfolioId: string; candidateName: string; specKey: string }>;
  /** Portfolios whose stored summary is missing or out of date: pass to refreshCaseloadSummaries. */
  stale: string[];
  /** Every summary checked one by one and found good: pass to confirmCaseloadFresh, so the next read need not. */
  confirm: CaseloadCheck | null;
}

/** "At this device stamp, these portfolios' stored summaries were all good." */
export interface CaseloadCheck {
  deviceStamp: string;
  fresh: string[];
}

interface StoredSummary {
  stamp: string;
  summary: PortfolioSummary | null;
  problem: string | null;
}

const summaryKey = (portfolioId: string) => `caseloadSummary:${portfolioId}`;
const CHECK_KEY = 'caseloadCheck';
const STAMPED_TABLES = ['evidence', 'decisions', 'signatures', 'audit'] as const;
const ROLES: readonly CaseloadRole[] = ['assessor', 'iqa', 'candidate'];

const inRole = (role: CaseloadRole, personId: string) => (e: Enrolment) =>
  (role === 'assessor' ? e.assessorId : role === 'iqa' ? e.iqaId : e.candidateId) === personId;

async function stampOf(enrolment: Enrolment): Promise<string> {
  const counts = await Promise.all(
    STAMPED_TABLES.map((t) => db().table(t).where('portfolioId').equals(enrolment.id).count()),
  );
  return [SUMMARY_FORMAT, enrolment.rev, enrolment.updatedAt, ...counts].join('|');
}

/**
 * The device-wide stamp: the same four tables counted whole (4 requests, not 4 per portfolio: 240 index counts took
 * 612 ms of a 1 s home screen in the bench) and every enrolment's revision. While it is unchanged, no portfolio's
 * stamp can have moved, so summaries confirmed at it need no checking one by one.
 */
async function deviceStampOf(enrolments: readonly Enrolment[]): Promise<string> {
  const counts = await Promise.all(STAMPED_TABLES.map((t) => db().table(t).count()));
  return [SUMMARY_FORMAT, ...counts, ...enrolments.map((e) => `${e.id}:${e.rev}:${e.updatedAt}`)].join('|');
}

/** Which stored summaries still hold: all at once when the device stamp is the one confirmed, else one by one. */
async function checkSummaries(shown: Enrolment[], enrolments: Enrolment[], personById: Map<string, Person>) {
  const d = db();
  const [deviceStamp, checkRow, rows] = await Promise.all([
    deviceStampOf(enrolments),
    d.settings.get(CHECK_KEY),
    d.settings.bulkGet(shown.map((e) => summaryKey(e.id))),
  ]);
  const check = checkRow?.value as CaseloadCheck | undefined;
  const confirmed = new Set(check?.deviceStamp === deviceStamp ? check.fresh : []);
  const stamps = new Map(
    await Promise.all(shown.filter((e) => !confirmed.has(e.id)).map(async (e) => [e.id, await stampOf(e)] as const)),
  );
  const stale: string[] = [];
  const storedById = new Map<string, StoredSummary | null>();
  shown.forEach((e, i) => {
    const stored = rows[i]?.value as StoredSummary | undefined;
    const stamp = confirmed.has(e.id) ? stored?.stamp : stamps.get(e.id);
    if (!holds(stored, stamp, personById)) stale.push(e.id);
    // A stale summary is still shown (marked as being updated) rather than nothing.
    storedById.set(e.id, stored ?? null);
  });
  const confirm = stale.length === 0 && stamps.size > 0 ? { deviceStamp, fresh: shown.map((e) => e.id) } : null;
  return { stale, storedById, confirm };
}

/** Records that every summary of `check.fresh` held at `check.deviceStamp` (from loadCaseload's `confirm`). */
export async function confirmCaseloadFresh(check: CaseloadCheck): Promise<void> {
  await db().settings.put({ key: CHECK_KEY, value: check });
}

/** A stored summary still holds: same stamp, and the assessors it read have the same status. */
function holds(stored: StoredSummary | undefined, stamp: string | undefined, personById: Map<string, Person>): boolean {
  if (!stored || stamp === undefined || stored.stamp !== stamp) return false;
  const statuses = stored.summary?.assessorStatuses ?? {};
  return Object.entries(statuses).every(([id, status]) => (personById.get(id)?.assessorStatus ?? 'unknown') === status);
}

function entryOf(e: Enrolment, personById: Map<string, Person>, stored: StoredSummary | null): CaseloadEntry {
  return {
    portfolioId: e.id,
    candidateId: e.candidateId,
    candidateName: personById.get(e.candidateId)?.name ?? 'Unknown candidate',
    assessorId: e.assessorId,
    assessorName: (e.assessorId && personById.get(e.assessorId)?.name) || 'No assessor',
    iqaId: e.iqaId,
    specKey: `${e.specId}@${e.specVersion}`,
    qualificationTitle: stored?.summary?.qualificationTitle ?? `${e.specId} ${e.specVersion}`,
    startDate: e.startDate,
    summary: stored?.summary ?? null,
    problem: stored?.problem ?? null,
  };
}

/** Which portfolios the person holds in each role; nobody acting (or no portfolio in any role): every portfolio. */
function sectionsOf(person: Person | null, enrolments: Enrolment[]) {
  if (!person) return [{ role: 'everyone' as const, enrolments }];
  const held = ROLES.map((role) => ({ role, enrolments: enrolments.filter(inRole(role, person.id)) }));
  const shown = held.filter((s) => s.enrolments.length > 0 || person.roles.includes(s.role));
  return shown.some((s) => s.enrolments.length > 0) ? shown : [{ role: 'everyone' as const, enrolments }];
}

/**
 * The caseload of `personId` (by default the acting person; null: nobody), read-only: meant for useLiveQuery, which
 * re-runs it when a portfolio, a person, a stored summary, who is acting or an action source's records change.
 */
export async function loadCaseload(
  today: string,
  personId?: string | null,
  sources: readonly CaseloadActionSource[] = CASELOAD_ACTION_SOURCES,
): Promise<Caseload> {
  const d = db();
  const sourceTables = sources.flatMap((s) => s.tables);
  const tables = [...new Set(['enrolments', 'people', 'settings', ...STAMPED_TABLES, ...sourceTables])];
  return d.transaction('r', tables, async () => {
    const [people, enrolments] = await Promise.all([
      d.people.toArray().then((rows) => validRecords('people', rows, [])),
      d.enrolments.toArray().then((rows) => validRecords('enrolments', rows, [])),
    ]);
    const personById = new Map(people.map((p) => [p.id, p]));
    const actingId = personId === undefined ? await actingPersonId() : personId;
    const person = actingId ? (personById.get(actingId) ?? null) : null;
    const sections = sectionsOf(person, enrolments);
    const shown = [...new Map(sections.flatMap((s) => s.enrolments).map((e) => [e.id, e])).values()];
    const { stale, storedById, confirm } = await checkSummaries(shown, enrolments, personById);
    const shownIds = new Set(shown.map((e) => e.id));
    return {
      person,
      sections: await Promise.all(
        sections.map(async ({ role, enrolments: list }) => ({
          role,
          entries: list.map((e) => entryOf(e, personById, storedById.get(e.id) ?? null)),
          actions:
            person && role !== 'everyone'
              ? await sourceActions(sources, { personId: person.id, role, list, today })
              : [],
        })),
      ),
      others: enrolments
        .filter((e) => !shownIds.has(e.id))
        .map((e) => ({
          portfolioId: e.id,
          candidateName: personById.get(e.candidateId)?.name ?? 'Unknown candidate',
          specKey: `${e.specId}@${e.specVersion}`,
        })),
      stale,
      confirm,
    };
  });
}

async function sourceActions(
  sources: readonly CaseloadActionSource[],
  { personId, role, list, today }: { personId: string; role: CaseloadRole; list: Enrolment[]; today: string },
) {
  const portfolioIds = list.map((e) => e.id);
  const found = await Promise.all(sources.map((s) => s.load({ personId, role, portfolioIds, today })));
  return found.flat();
}

/** Works out one portfolio's summary from its records, with the stamp of what it read (one read transaction). */
async function computeSummary(portfolioId: string): Promise<StoredSummary | null> {
  const d = db();
  return d.transaction('r', ['enrolments', 'people', ...STAMPED_TABLES, 'specs'], async () => {
    const raw = await d.enrolments.get(portfolioId);
    if (!raw || raw.deleted) return null;
    const [enrolment] = validRecords('enrolments', [raw], []);
    if (!enrolment) return null;
    const [stamp, people, evidence, decisions, signatures] = await Promise.all([
      stampOf(enrolment),
      d.people.toArray().then((rows) => validRecords('people', rows, [])),
      portfolioRecords('evidence', portfolioId),
      portfolioRecords('decisions', portfolioId),
      portfolioRecords('signatures', portfolioId),
    ]);
    const spec = await loadStoredSpec(enrolment.specId, enrolment.specVersion).catch(() => null);
    if (!spec) {
      const problem = `The qualification ${enrolment.specId} version ${enrolment.specVersion} is not on this device.`;
      return { stamp, summary: null, problem };
    }
    const mappings = evidence.flatMap((e) =>
      e.criteria.map((c) => ({ id: `${e.id}|${c.criterionKey}`, portfolioId, evidenceId: e.id, ...c, deleted: false })),
    );
    const input = { enrolment, people, evidence, mappings, decisions, signatures };
    return { stamp, summary: summarisePortfolio(spec, input), problem: null };
  });
}

const refreshing = new Set<string>();
/** How long summaries are worked out before they are stored (each store re-runs the caseload's live query). */
const FLUSH_MS = 100;

/**
 * Works out the summaries of `portfolioIds` (stale ones, from loadCaseload) and stores them, a batch at a time so
 * the home screen fills in as they come. Portfolios already being worked out are skipped.
 */
export async function refreshCaseloadSummaries(portfolioIds: readonly string[]): Promise<void> {
  const mine = portfolioIds.filter((id) => !refreshing.has(id));
  mine.forEach((id) => refreshing.add(id));
  try {
    let batch: Array<{ key: string; value: StoredSummary }> = [];
    let since = performance.now();
    for (const id of mine) {
      const stored = await computeSummary(id);
      if (stored) batch.push({ key: summaryKey(id), value: stored });
      if (performance.now() - since > FLUSH_MS) {
        await db().settings.bulkPut(batch);
        batch = [];
        since = performance.now();
      }
    }
    if (batch.length > 0) await db().settings.bulkPut(batch);
  } finally {
    mine.forEach((id) => refreshing.delete(id));
  }
}

/** Drops a portfolio's stored summary: for a write path that changes its records without an audit row. */
export async function forgetCaseloadSummary(portfolioId: string): Promise<void> {
  await db().settings.delete(summaryKey(portfolioId));
}
