// What a merge will do, in words a person checks before saying yes: per record type, how many records are
// added, changed and removed, and each decision or sign-off spelled out (they are what people sign for).

type Row = Record<string, unknown>;

export interface PlannedChange {
  table: string;
  before: Row | undefined;
  after: Row;
  /** Applied, or held because its author may not make it (with the reason). */
  heldBecause?: string | null;
}

export interface ChangeCounts {
  added: number;
  changed: number;
  removed: number;
  held: number;
}

export interface ChangeSummary {
  byTable: Record<string, ChangeCounts>;
  /** Sign-offs, judgements, countersignatures and sampling decisions, one line each. */
  decisions: string[];
  total: number;
}

export function kindOfChange(before: Row | undefined, after: Row): 'added' | 'changed' | 'removed' {
  if (after.deleted === true && before?.deleted !== true) return 'removed';
  return before === undefined || before.deleted === true ? 'added' : 'changed';
}

function describeDecision(change: PlannedChange, name: (personId: unknown) => string): string {
  const d = change.after;
  const what =
    d.kind === 'unit-signoff'
      ? `unit ${String(d.unitCode)} signed off`
      : d.kind === 'sample'
        ? `sampling decision on unit ${String(d.unitCode)} (${String(d.outcome)})`
        : `criterion judgement on unit ${String(d.unitCode)} (${String(d.outcome)})`;
  const kind = kindOfChange(change.before, d);
  const countersign =
    d.countersignedBy && d.countersignedBy !== change.before?.countersignedBy
      ? `, countersigned by ${name(d.countersignedBy)}`
      : '';
  const verb = kind === 'removed' ? 'withdrawn' : kind === 'added' ? 'new' : 'changed';
  const held = change.heldBecause ? ' — held (see why below)' : '';
  return `${what} by ${name(d.assessorId)}${countersign} (${verb})${held}`;
}

export function summariseChanges(
  changes: readonly PlannedChange[],
  name: (personId: unknown) => string,
): ChangeSummary {
  const byTable: Record<string, ChangeCounts> = {};
  const decisions: string[] = [];
  for (const change of changes) {
    const counts = (byTable[change.table] ??= { added: 0, changed: 0, removed: 0, held: 0 });
    if (change.heldBecause) counts.held += 1;
    else counts[kindOfChange(change.before, change.after)] += 1;
    if (change.table === 'decisions') decisions.push(describeDecision(change, name));
  }
  return { byTable, decisions, total: changes.length };
}
