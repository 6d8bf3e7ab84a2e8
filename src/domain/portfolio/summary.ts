// The portfolio's progress in one line, with each figure saying what it counts. Criteria are counted as the unit
// rows show them (evidence mapped or judged met, not judged "not yet"); a signed-off unit does not make its
// criteria count as evidenced: signing off is shown as its own figure.
import type { UnitProgress } from './progress';

export interface ProgressSummary {
  /** Criteria of the route's units with evidence mapped or judged met, not judged "not yet". */
  criteriaEvidenced: number;
  criteriaTotal: number;
  /** Route units signed off and, where the assessor needs it, countersigned. */
  unitsSignedOff: number;
  /** Route units signed off by an assessor still working towards their award, not yet countersigned. */
  unitsAwaitingCountersignature: number;
  unitsInRoute: number;
}

export function progressSummary(units: readonly UnitProgress[]): ProgressSummary {
  const route = units.filter((u) => u.inRoute);
  return {
    criteriaEvidenced: route.reduce((n, u) => n + u.covered, 0),
    criteriaTotal: route.reduce((n, u) => n + u.total, 0),
    unitsSignedOff: route.filter((u) => u.achieved).length,
    unitsAwaitingCountersignature: route.filter((u) => u.awaitingCountersignature).length,
    unitsInRoute: route.length,
  };
}

/** 0..1: the share of the route's criteria evidenced (the figure each unit row shows, over the whole route). */
export const evidencedShare = (s: ProgressSummary): number =>
  s.criteriaTotal === 0 ? 0 : s.criteriaEvidenced / s.criteriaTotal;

/** "3 criteria", "1 criterion": a count with its noun. */
export function countOf(n: number, singular: string, plural = `${singular}s`): string {
  return `${enGbCount(n)} ${n === 1 ? singular : plural}`;
}

/**
 * What toLocaleString('en-GB') writes for a whole number ("1,200"; tests/unit/domain/dates.test.ts checks the two
 * agree), without it: its first call loads the locale's number data, ~70 ms of a slow phone's home screen start.
 */
function enGbCount(n: number): string {
  if (!Number.isSafeInteger(n) || Object.is(n, -0)) return n.toLocaleString('en-GB');
  const digits = String(Math.abs(n)).replace(/\B(?=(\d{3})+$)/g, ',');
  return n < 0 ? `-${digits}` : digits;
}

/** "Criteria evidenced: 38 of 47 (81%) · Units signed off: 3 of 8 (1 awaiting countersignature)". */
export function describeProgress(s: ProgressSummary): string {
  const percent = Math.round(evidencedShare(s) * 100);
  const awaiting =
    s.unitsAwaitingCountersignature > 0 ? ` (${s.unitsAwaitingCountersignature} awaiting countersignature)` : '';
  return (
    `Criteria evidenced: ${s.criteriaEvidenced} of ${s.criteriaTotal} (${percent}%) · ` +
    `Units signed off: ${s.unitsSignedOff} of ${s.unitsInRoute}${awaiting}`
  );
}
