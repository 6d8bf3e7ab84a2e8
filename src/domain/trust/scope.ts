// A bundle speaks for one portfolio. Before anything is written, every record it carries must belong to that
// portfolio (or be a person the portfolio names), and no record may take the id of something else on this device.
// One violation refuses the whole bundle, with every reason listed.

type Row = Record<string, unknown>;

export interface ScopeFacts {
  /** The portfolio a stored record of `table` with this id belongs to (undefined: not stored, or a person). */
  storedPortfolioOf(table: string, id: string): string | undefined;
  /** Whether an audit entry with this id is already stored. */
  hasAuditEntry(id: string): boolean;
  /** This device's id: only this device writes audit entries in its name. */
  thisDevice: string;
}

export interface ScopeViolation {
  table: string;
  id: string;
  reason: string;
}

/** Every person id a portfolio's records name (candidate, assessor, IQA, signers, deciders, recorders, actors). */
export function peopleNamedBy(
  records: Readonly<Record<string, readonly Row[]>>,
  audit: readonly Row[] = [],
): Set<string> {
  const named = new Set<string>();
  const add = (v: unknown) => typeof v === 'string' && v && named.add(v);
  for (const e of records.enrolments ?? []) [e.candidateId, e.assessorId, e.iqaId].forEach(add);
  for (const d of records.decisions ?? []) [d.assessorId, d.countersignedBy].forEach(add);
  for (const s of records.signatures ?? []) add(s.personId);
  for (const e of records.evidence ?? []) add(e.recordedBy);
  for (const d of records.iqaDecisions ?? []) [d.iqaId, d.assessorId, d.countersignedBy].forEach(add);
  for (const a of records.qaActions ?? []) [a.raisedBy, a.assessorId].forEach(add);
  for (const a of audit) add(a.actorId);
  return named;
}

export function checkScope(
  portfolioId: string,
  records: Readonly<Record<string, readonly Row[]>>,
  audit: readonly Row[],
  /** People the portfolio names in its records on this device (the bundle may name more, in its own records). */
  namedOnDevice: ReadonlySet<string>,
  facts: ScopeFacts,
): ScopeViolation[] {
  const violations: ScopeViolation[] = [];
  const refuse = (table: string, id: unknown, reason: string) => violations.push({ table, id: String(id), reason });
  const named = new Set([...namedOnDevice, ...peopleNamedBy(records, audit)]);
  for (const [table, rows] of Object.entries(records)) {
    for (const row of rows) {
      if (table === 'people') {
        if (!named.has(String(row.id))) refuse(table, row.id, 'a person this portfolio does not name');
        continue;
      }
      const own = table === 'enrolments' ? row.id : row.portfolioId;
      if (own !== portfolioId) {
        refuse(table, row.id, `belongs to another portfolio (${String(own)})`);
        continue;
      }
      const stored = facts.storedPortfolioOf(table, String(row.id));
      if (stored !== undefined && stored !== portfolioId)
        refuse(table, row.id, `would overwrite a record of another portfolio (${stored})`);
    }
  }
  for (const entry of audit) {
    if (entry.portfolioId !== portfolioId)
      refuse('audit', entry.id, `an audit entry of another portfolio (${String(entry.portfolioId)})`);
    else if (entry.deviceId === facts.thisDevice && !facts.hasAuditEntry(String(entry.id))) {
      refuse('audit', entry.id, 'an audit entry in this device’s name that this device never wrote');
    }
  }
  return violations;
}
