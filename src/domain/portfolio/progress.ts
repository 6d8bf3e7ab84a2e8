// Progress of a portfolio against its qualification, and the checks the seeds' assessment strategies ask
// for. Pure: takes records and the spec, returns what the screens show.
import type { QualificationSpec, Unit } from '../spec/schema';
import { unitCriteria, type CriterionRef } from '../spec/criteria';
import { checkRoute, evaluateAward, type AwardEvaluation, type RouteCheck } from '../rules/evaluate';
import { planCompletion, type CompletionPlan } from '../rules/plan';
import { simulationAllowed } from '../evidenceTypes';
import type { Decision, Enrolment, Evidence, Mapping, Person, Signature } from '../records';
import { formatDate } from '../dates';
import { CURRENCY_YEARS, currencyCutoff } from './currency';
import { countOf, evidencedShare, progressSummary, type ProgressSummary } from './summary';

/** "1 of 3 criteria", "1 of 1 criterion". */
const ofCriteria = (n: number, total: number) => `${n} of ${countOf(total, 'criterion', 'criteria')}`;

export interface PortfolioInput {
  enrolment: Enrolment;
  people: Person[];
  evidence: Evidence[];
  mappings: Mapping[];
  decisions: Decision[];
  signatures: Signature[];
}

/**
 * Where a criterion stands: the assessor's latest judgement wins over mapped evidence.
 * - `met`: judged met by the assessor (assessed; counts as covered)
 * - `not-yet`: judged "not yet" (does not count as covered, even with evidence mapped)
 * - `evidence`: evidence mapped, not judged yet (counts as covered)
 * - `none`: no evidence and no judgement
 */
export type CriterionStatus = 'met' | 'not-yet' | 'evidence' | 'none';

export interface CriterionProgress {
  ref: CriterionRef;
  evidenceIds: string[];
  /** The assessor's latest live criterion decision, if any. */
  decision: Decision | null;
  status: CriterionStatus;
}

export interface UnitProgress {
  unit: Unit;
  inRoute: boolean;
  criteria: CriterionProgress[];
  /** Criteria with evidence or judged met, and not judged "not yet". */
  covered: number;
  /** Criteria whose latest judgement is "not yet". */
  notYet: number;
  /** Criteria whose latest judgement is "met". */
  assessedMet: number;
  total: number;
  /** 0..1 */
  coverage: number;
  signOff: Decision | null;
  /** Signed off and, where the assessor needs it, countersigned: counts towards the award. */
  achieved: boolean;
  awaitingCountersignature: boolean;
}

export type FlagKind = 'currency' | 'sufficiency' | 'authenticity' | 'simulation' | 'countersign' | 'route';

export interface Flag {
  kind: FlagKind;
  message: string;
  unitCode?: string;
  evidenceId?: string;
}

export interface PortfolioProgress {
  units: UnitProgress[];
  achievedUnits: string[];
  award: AwardEvaluation;
  route: RouteCheck;
  /** What is still missing for the award, from the achieved units (restricted to the route when it can). */
  plan: CompletionPlan;
  flags: Flag[];
  /** The share of the route's criteria evidenced, 0..1, counted as the unit rows count (summary.ts). */
  overallCoverage: number;
  /** Criteria evidenced and units signed off over the route, each figure apart (summary.ts). */
  summary: ProgressSummary;
}

// In a module of their own so the caseload's view (caseloadView.ts) needs none of the progress code.
export { CURRENCY_YEARS, currencyCutoff } from './currency';

/**
 * The decisions in force, per key (a unit for sign-offs, a criterion for judgements): of the live decisions of
 * one kind, the one with the latest date, then the latest change.
 */
export function latestDecisions<D extends Pick<Decision, 'kind' | 'date' | 'updatedAt'> & { deleted?: boolean }>(
  decisions: readonly D[],
  kind: Decision['kind'],
  keyOf: (d: D) => string | null,
): Map<string, D> {
  const out = new Map<string, D>();
  for (const d of decisions) {
    const key = keyOf(d);
    if (d.kind !== kind || d.deleted || !key) continue;
    const prev = out.get(key);
    if (!prev || d.date > prev.date || (d.date === prev.date && d.updatedAt > prev.updatedAt)) out.set(key, d);
  }
  return out;
}

/** A criterion's status from its evidence and the judgement in force. */
export function criterionStatus(
  evidenceIds: readonly string[],
  decision: Decision | null | undefined,
): CriterionStatus {
  if (decision?.outcome === 'not-yet') return 'not-yet';
  if (decision?.outcome === 'met') return 'met';
  return evidenceIds.length > 0 ? 'evidence' : 'none';
}

const counts = (s: CriterionStatus) => s === 'met' || s === 'evidence';
const live = <T extends { deleted: boolean }>(xs: T[]) => xs.filter((x) => !x.deleted);

/** The records progress reads: live ones only, and mappings only to live evidence. */
interface LiveRecords {
  evidence: Evidence[];
  mappings: Mapping[];
  personById: Map<string, Person>;
  /** The unit sign-off in force per unit code (outcome "met"). */
  signOffs: Map<string, Decision>;
  /** The criterion judgement in force per criterion key. */
  judgements: Map<string, Decision>;
}

function liveRecords({ people, evidence, mappings, decisions }: PortfolioInput): LiveRecords {
  const liveEvidence = live(evidence);
  const evidenceIds = new Set(liveEvidence.map((e) => e.id));
  return {
    evidence: liveEvidence,
    mappings: live(mappings).filter((m) => evidenceIds.has(m.evidenceId)),
    personById: new Map(people.map((p) => [p.id, p])),
    signOffs: latestDecisions(
      decisions.filter((d) => d.outcome === 'met'),
      'unit-signoff',
      (d) => d.unitCode,
    ),
    judgements: latestDecisions(decisions, 'criterion', (d) => d.criterionKey),
  };
}

function unitProgress(
  unit: Unit,
  inRoute: boolean,
  records: LiveRecords,
  evidenceByCriterion: Map<string, string[]>,
): UnitProgress {
  const criteria = unitCriteria(unit).map((ref): CriterionProgress => {
    const ids = evidenceByCriterion.get(ref.key) ?? [];
    const decision = records.judgements.get(ref.key) ?? null;
    return { ref, evidenceIds: ids, decision, status: criterionStatus(ids, decision) };
  });
  const covered = criteria.filter((c) => counts(c.status)).length;
  const signOff = records.signOffs.get(unit.code) ?? null;
  const assessor = signOff ? records.personById.get(signOff.assessorId) : undefined;
  const awaitingCountersignature =
    !!signOff && assessor?.assessorStatus === 'working-towards' && !signOff.countersignedBy;
  return {
    unit,
    inRoute,
    criteria,
    covered,
    notYet: criteria.filter((c) => c.status === 'not-yet').length,
    assessedMet: criteria.filter((c) => c.status === 'met').length,
    total: criteria.length,
    coverage: criteria.length === 0 ? 0 : covered / criteria.length,
    signOff,
    achieved: !!signOff && !awaitingCountersignature,
    awaitingCountersignature,
  };
}

/** Progress of every unit in the route, mapped to or signed off; route units first. */
function unitsProgress(spec: QualificationSpec, route: Set<string>, records: LiveRecords): UnitProgress[] {
  const evidenceByCriterion = new Map<string, string[]>();
  for (const m of records.mappings) {
    evidenceByCriterion.set(m.criterionKey, [...(evidenceByCriterion.get(m.criterionKey) ?? []), m.evidenceId]);
  }
  const mappedUnits = new Set(records.mappings.map((m) => m.unitCode));
  return spec.units
    .filter((u) => route.has(u.code) || mappedUnits.has(u.code) || records.signOffs.has(u.code))
    .map((unit) => unitProgress(unit, route.has(unit.code), records, evidenceByCriterion))
    .sort((a, b) => Number(b.inRoute) - Number(a.inRoute));
}

function currencyFlags(evidence: Evidence[], today: string): Flag[] {
  const cutoff = currencyCutoff(today);
  return evidence
    .filter((e) => e.date < cutoff)
    .map((e) => ({
      kind: 'currency',
      evidenceId: e.id,
      message: `“${e.title}” is dated ${formatDate(e.date)}, more than ${CURRENCY_YEARS} years ago: check it is still current.`,
    }));
}

/** Per unit: criteria without evidence or judged "not yet" (route units only), and a missing countersignature. */
function unitFlags(u: UnitProgress, personById: Map<string, Person>): Flag[] {
  const flags: Flag[] = [];
  // Judged met without any evidence mapped is still a sufficiency gap: the judgement needs its evidence.
  const missing = u.criteria.filter((c) => c.evidenceIds.length === 0 && c.status !== 'not-yet');
  if (u.inRoute && (missing.length > 0 || u.notYet > 0)) {
    const parts = [
      ...(missing.length > 0
        ? [`${ofCriteria(missing.length, u.total)} ${missing.length === 1 ? 'has' : 'have'} no evidence yet`]
        : []),
      ...(u.notYet > 0 ? [`${ofCriteria(u.notYet, u.total)} judged “not yet” by the assessor`] : []),
    ];
    flags.push({
      kind: 'sufficiency',
      unitCode: u.unit.code,
      message: `${u.unit.code}: ${parts.join('; ')}${u.signOff ? ' although the unit is signed off' : ''}.`,
    });
  }
  if (u.awaitingCountersignature) {
    const assessor = personById.get(u.signOff!.assessorId);
    flags.push({
      kind: 'countersign',
      unitCode: u.unit.code,
      message: `${u.unit.code} was signed off by ${assessor?.name ?? 'an assessor'}, who is working towards the assessor qualification: it needs a qualified assessor's countersignature before it counts.`,
    });
  }
  return flags;
}

function authenticityFlags(enrolment: Enrolment, signatures: Signature[]): Flag[] {
  const declared = live(signatures).some((s) => s.purpose === 'declaration' && s.subjectId === enrolment.id);
  return declared
    ? []
    : [
        {
          kind: 'authenticity',
          message: 'The candidate has not yet signed the declaration that the evidence is their own work.',
        },
      ];
}

/** Simulated evidence mapped to a unit that bars simulation, or unmapped in a qualification that bars it. */
function simulationFlags(spec: QualificationSpec, records: LiveRecords): Flag[] {
  const unitByCode = new Map(spec.units.map((u) => [u.code, u]));
  return records.evidence
    .filter((e) => e.simulation)
    .flatMap((e): Flag[] => {
      const codes = [...new Set(records.mappings.filter((m) => m.evidenceId === e.id).map((m) => m.unitCode))];
      const barred = codes.filter((c) => !simulationAllowed(spec, unitByCode.get(c)));
      if (barred.length === 0 && (codes.length > 0 || simulationAllowed(spec, undefined))) return [];
      const where = barred.length ? barred.join(', ') : 'this qualification';
      return [
        {
          kind: 'simulation',
          evidenceId: e.id,
          message: `“${e.title}” is simulated, but simulation is not allowed for ${where}.`,
        },
      ];
    });
}

function routeFlags(routeCheck: RouteCheck): Flag[] {
  if (routeCheck.valid) return [];
  const broken = routeCheck.rules.filter((r) => !r.satisfied).map((r) => r.explanation);
  return [{ kind: 'route', message: `The chosen route does not meet the rules of combination: ${broken.join('; ')}.` }];
}

export function computeProgress(spec: QualificationSpec, input: PortfolioInput, today: string): PortfolioProgress {
  const { enrolment, signatures } = input;
  const records = liveRecords(input);
  const units = unitsProgress(spec, new Set(enrolment.route), records);
  const achievedUnits = units.filter((u) => u.achieved).map((u) => u.unit.code);
  const award = evaluateAward(spec, achievedUnits);
  const routeCheck = checkRoute(spec, enrolment.route);
  const routeOnly = planCompletion(spec, achievedUnits, { only: enrolment.route });
  const plan = routeOnly.possible ? routeOnly : planCompletion(spec, achievedUnits);
  const flags = [
    ...currencyFlags(records.evidence, today),
    ...units.flatMap((u) => unitFlags(u, records.personById)),
    ...authenticityFlags(enrolment, signatures),
    ...simulationFlags(spec, records),
    ...routeFlags(routeCheck),
  ];
  const summary = progressSummary(units);
  return {
    units,
    achievedUnits,
    award,
    route: routeCheck,
    plan,
    flags,
    overallCoverage: evidencedShare(summary),
    summary,
  };
}
