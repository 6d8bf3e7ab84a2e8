// The acting person's caseload, fast with a full one (60 portfolios × 300 evidence items): each portfolio's summary
// (domain summarisePortfolio) is kept in the settings table with a stamp of what it was worked out from
// (caseloadStamp.ts: the portfolio's last change seq), so opening the home screen reads one settings row and one
// change-sequence key instead of 18,000 records. A summary whose stamp no longer matches is listed as stale and
// worked out again (refreshCaseloadSummaries), one portfolio at a time, by code loaded only then.
import { type CaseloadAction, type CaseloadEntry, type CaseloadRole, type Enrolment, type Person } from '../domain';
import { CASELOAD_ACTION_SOURCES, type CaseloadActionSource } from './caseloadSources';
import {
  deviceStampOf,
  dropSummary,
  readSummaries,
  specKeyOf,
  STAMP_TABLES,
  stampOf,
  storeCheck,
  type CaseloadCheck,
  type StoredSummary,
} from './caseloadStamp';
import { db } from './db';
import { actingPersonId } from './device';
import { validRecords } from './read';

export type { CaseloadActionSource, CaseloadQuery } from './caseloadSources';
export type { CaseloadCheck } from './caseloadStamp';

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

const ROLES: readonly CaseloadRole[] = ['assessor', 'iqa', 'candidate'];

const inRole = (role: CaseloadRole, personId: string) => (e: Enrolment) =>
  (role === 'assessor' ? e.assessorId : role === 'iqa' ? e.iqaId : e.candidateId) === personId;

/** Which stored summaries still hold: all at once when the device stamp is the one confirmed, else one by one. */
async function checkSummaries(shown: Enrolment[], enrolments: Enrolment[], personById: Map<string, Person>) {
  const [deviceStamp, { check, summaries: storedById }] = await Promise.all([
    deviceStampOf(enrolments),
    readSummaries(shown.map((e) => e.id)),
  ]);
  const confirmed = new Set(check?.deviceStamp === deviceStamp ? check.fresh : []);
  const stamps = new Map(
    await Promise.all(shown.filter((e) => !confirmed.has(e.id)).map(async (e) => [e.id, await stampOf(e)] as const)),
  );
  const specsNow = await specsIfAwaited(storedById);
  const stale = shown
    .filter((e) => {
      const stored = storedById.get(e.id) ?? null;
      const stamp = confirmed.has(e.id) ? stored?.stamp : stamps.get(e.id);
      return !holds(stored, stamp, personById) || (specsNow?.has(specKeyOf(e)) && stored?.specStored === false);
    })
    .map((e) => e.id);
  // A stale summary is still shown (marked as being updated) rather than nothing.
  const confirm = stale.length === 0 && stamps.size > 0 ? { deviceStamp, fresh: shown.map((e) => e.id) } : null;
  return { stale, storedById, confirm };
}

/** The specs on the device, read only when a summary said its spec was missing (it may have arrived since). */
async function specsIfAwaited(storedById: Map<string, StoredSummary | null>): Promise<Set<string> | null> {
  if (![...storedById.values()].some((s) => s?.specStored === false)) return null;
  const keys = (await db().specs.toCollection().primaryKeys()) as unknown as Array<[string, string]>;
  return new Set(keys.map(([specId, specVersion]) => specKeyOf({ specId, specVersion })));
}

/** Records that every summary of `check.fresh` held at `check.deviceStamp` (from loadCaseload's `confirm`). */
export async function confirmCaseloadFresh(check: CaseloadCheck): Promise<void> {
  await storeCheck(check);
}

/** A stored summary still holds: same stamp, and the assessors it read have the same status. */
function holds(stored: StoredSummary | null, stamp: string | undefined, personById: Map<string, Person>): boolean {
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
  const tables = [...new Set(['enrolments', 'people', 'settings', ...STAMP_TABLES])];
  const base = await d.transaction('r', tables, async () => {
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
      sections: sections.map(({ role, enrolments: list }) => ({
        role,
        list,
        entries: list.map((e) => entryOf(e, personById, storedById.get(e.id) ?? null)),
      })),
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
  // The action sources read after the caseload's own transaction (each read is still observed by the live query):
  // inside it, a source's reads let the transaction commit early (PrematureCommitError under fake-indexeddb).
  const { person } = base;
  const sections = await Promise.all(
    base.sections.map(async ({ role, list, entries }) => ({
      role,
      entries,
      actions:
        person && role !== 'everyone' ? await sourceActions(sources, { personId: person.id, role, list, today }) : [],
    })),
  );
  return { ...base, sections };
}

async function sourceActions(
  sources: readonly CaseloadActionSource[],
  { personId, role, list, today }: { personId: string; role: CaseloadRole; list: Enrolment[]; today: string },
) {
  const portfolioIds = list.map((e) => e.id);
  const found = await Promise.all(sources.map((s) => s.load({ personId, role, portfolioIds, today })));
  return found.flat();
}

const refreshing = new Set<string>();

/**
 * Works out the summaries of `portfolioIds` (stale ones, from loadCaseload) and stores them, a batch at a time so
 * the home screen fills in as they come. Portfolios already being worked out are skipped. The code that works them
 * out (progress, rules, specs) is loaded here, on first need, not with the home screen.
 */
export async function refreshCaseloadSummaries(portfolioIds: readonly string[]): Promise<void> {
  const mine = portfolioIds.filter((id) => !refreshing.has(id));
  mine.forEach((id) => refreshing.add(id));
  try {
    const { computeAndStoreSummaries } = await import('./caseloadCompute');
    await computeAndStoreSummaries(mine);
  } finally {
    mine.forEach((id) => refreshing.delete(id));
  }
}

/** Drops a portfolio's stored summary: for a write path that changes its records without noting the change. */
export async function forgetCaseloadSummary(portfolioId: string): Promise<void> {
  await dropSummary(portfolioId);
}
