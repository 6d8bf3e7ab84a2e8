// What a caseload shows for each portfolio on a given day: flags, the actions waiting, whether it needs action or
// is overdue, and the caseload's sorting and filtering. Pure: summaries and actions in, rows out.
import { currencyCutoff, CURRENCY_YEARS } from './currency';
import type { PortfolioSummary } from './caseloadSummary';
import { addDays } from '../calendar';
import { formatDate } from '../dates';
import { compareCodePoints } from '../order';

export type CaseloadRole = 'assessor' | 'iqa' | 'candidate';
/** Whose view a row is for: a role, or 'everyone' (nobody acting: every portfolio on the device). */
export type CaseloadViewer = CaseloadRole | 'everyone';

/**
 * Something waiting for someone on a caseload. The summary gives some (units ready for sign-off, countersigning
 * due); action sources give the rest (IQA actions for the assessor, samples due for the IQA): see storage's
 * CASELOAD_ACTION_SOURCES.
 */
export interface CaseloadAction {
  /** Unique among the caseload's actions (list keys). */
  id: string;
  portfolioId: string;
  /** 'sign-off', 'countersign', or a source's own kind (e.g. 'iqa-action', 'sample-due'). */
  kind: string;
  /** Plain words, e.g. "F2 is ready for sign-off". */
  label: string;
  /** When it is due (ISO date), if it has a due date: past it, the action is overdue. */
  due: string | null;
  /** The unit it concerns, if any: the card links to the unit page. */
  unitCode?: string;
}

export type CaseloadFlagKind = 'currency' | 'simulation' | 'countersign' | 'route' | 'stalled';

export interface CaseloadFlag {
  kind: CaseloadFlagKind;
  label: string;
}

/** One portfolio on a caseload, before today's view of it. */
export interface CaseloadEntry {
  portfolioId: string;
  candidateId: string;
  candidateName: string;
  assessorId: string | null;
  assessorName: string;
  iqaId: string | null;
  /** specId@version: what the qualification filter compares. */
  specKey: string;
  qualificationTitle: string;
  startDate: string;
  /** null while it is being worked out (or when its spec is not on this device: see `problem`). */
  summary: PortfolioSummary | null;
  problem: string | null;
}

export interface CaseloadRow extends CaseloadEntry {
  flags: CaseloadFlag[];
  actions: CaseloadAction[];
  needsAction: boolean;
  overdue: boolean;
}

/** A candidate with no new evidence for this long (and not yet achieved) is overdue a visit. */
export const STALLED_AFTER_DAYS = 56;

function summaryFlags(entry: CaseloadEntry, today: string): CaseloadFlag[] {
  const s = entry.summary;
  if (!s) return [];
  const flags: CaseloadFlag[] = [];
  if (s.oldestEvidenceDate && s.oldestEvidenceDate < currencyCutoff(today))
    flags.push({ kind: 'currency', label: `Evidence over ${CURRENCY_YEARS} years old: check it is current` });
  if (s.simulationProblems > 0)
    flags.push({
      kind: 'simulation',
      label: `${s.simulationProblems} simulated ${s.simulationProblems === 1 ? 'item' : 'items'} where simulation is not allowed`,
    });
  if (s.countersignDue.length > 0)
    flags.push({ kind: 'countersign', label: `Countersigning due: ${s.countersignDue.join(', ')}` });
  if (s.rules === 'route-breaks-rules') flags.push({ kind: 'route', label: 'Route breaks the rules of combination' });
  const since = s.lastEvidenceDate ?? entry.startDate;
  if (s.rules !== 'award-achieved' && since < addDays(today, -STALLED_AFTER_DAYS))
    flags.push({
      kind: 'stalled',
      label: s.lastEvidenceDate
        ? `No new evidence since ${formatDate(s.lastEvidenceDate)}`
        : `No evidence yet, started ${formatDate(entry.startDate)}`,
    });
  return flags;
}

/** The actions a summary itself gives: for the assessor (or everyone), units to sign off and to countersign. */
export function summaryActions(summary: PortfolioSummary, viewer: CaseloadViewer): CaseloadAction[] {
  if (viewer !== 'assessor' && viewer !== 'everyone') return [];
  const action = (kind: string, unitCode: string, label: string): CaseloadAction => ({
    id: `${summary.portfolioId}|${kind}|${unitCode}`,
    portfolioId: summary.portfolioId,
    kind,
    label,
    due: null,
    unitCode,
  });
  return [
    ...summary.readyForSignOff.map((u) => action('sign-off', u, `${u} is ready for sign-off`)),
    ...summary.countersignDue.map((u) =>
      action('countersign', u, `${u} needs a qualified assessor’s countersignature`),
    ),
  ];
}

/** Today's view of one entry: its flags, the actions waiting (its summary's and the sources'), action and overdue. */
export function caseloadRow(
  entry: CaseloadEntry,
  sourceActions: readonly CaseloadAction[],
  viewer: CaseloadViewer,
  today: string,
): CaseloadRow {
  const flags = summaryFlags(entry, today);
  const actions = [
    ...(entry.summary ? summaryActions(entry.summary, viewer) : []),
    ...sourceActions.filter((a) => a.portfolioId === entry.portfolioId),
  ];
  const overdue = flags.some((f) => f.kind === 'stalled') || actions.some((a) => a.due !== null && a.due < today);
  return { ...entry, flags, actions, needsAction: actions.length > 0 || flags.length > 0, overdue };
}

export type CaseloadShow = 'all' | 'needs-action' | 'overdue';
export type CaseloadSort = 'name' | 'progress' | 'last-evidence' | 'actions';

export interface CaseloadView {
  /** A specKey, or 'all'. */
  qualification: string;
  show: CaseloadShow;
  sort: CaseloadSort;
}

export const DEFAULT_CASELOAD_VIEW: CaseloadView = { qualification: 'all', show: 'all', sort: 'name' };

const byName = (a: CaseloadRow, b: CaseloadRow) =>
  a.candidateName.localeCompare(b.candidateName) || a.portfolioId.localeCompare(b.portfolioId);

const lastEvidenceKey = (r: CaseloadRow) => (r.summary ? (r.summary.lastEvidenceDate ?? '') : '\uffff');

/** Rows still being worked out sort last, whatever the order. */
const SORTS: Record<CaseloadSort, (a: CaseloadRow, b: CaseloadRow) => number> = {
  name: byName,
  // Least progress first: who needs the most help.
  progress: (a, b) => (a.summary?.coverage ?? 2) - (b.summary?.coverage ?? 2) || byName(a, b),
  // Longest without evidence first (none at all first of all).
  'last-evidence': (a, b) => compareCodePoints(lastEvidenceKey(a), lastEvidenceKey(b)) || byName(a, b),
  actions: (a, b) =>
    b.actions.length + b.flags.length - (a.actions.length + a.flags.length) ||
    Number(b.overdue) - Number(a.overdue) ||
    byName(a, b),
};

export function viewCaseload(rows: readonly CaseloadRow[], view: CaseloadView): CaseloadRow[] {
  return rows
    .filter((r) => view.qualification === 'all' || r.specKey === view.qualification)
    .filter((r) => view.show === 'all' || (view.show === 'needs-action' ? r.needsAction : r.overdue))
    .sort(SORTS[view.sort]);
}

/** The qualifications on a caseload, for its filter: one per spec version, by title. */
export function caseloadQualifications(rows: readonly CaseloadEntry[]): Array<{ specKey: string; title: string }> {
  const seen = new Map<string, string>();
  for (const r of rows) if (!seen.has(r.specKey)) seen.set(r.specKey, r.qualificationTitle);
  return [...seen].map(([specKey, title]) => ({ specKey, title })).sort((a, b) => a.title.localeCompare(b.title));
}
