// The proposer's inputs made from stored records: each portfolio's units with their methods, last evidence and
// sign-off (a trainee's counts once countersigned, as in progress.ts), and each assessor's risk. Pure.
import type { Decision, Enrolment, Evidence, IqaDecision, Person } from '../records';
import { latestDecisions } from '../portfolio/progress';
import type { AssessorRisk } from './rates';
import type { PortfolioWork, UnitWork } from './work';

type Live = { deleted?: boolean };

export interface PortfolioRecords {
  enrolment: Pick<Enrolment, 'id' | 'candidateId' | 'assessorId' | 'route' | 'startDate' | 'site'>;
  evidence: ReadonlyArray<Pick<Evidence, 'type' | 'date' | 'criteria'> & Live>;
  decisions: ReadonlyArray<
    Pick<Decision, 'kind' | 'unitCode' | 'date' | 'updatedAt' | 'assessorId' | 'countersignedBy'> & Live
  >;
}

/** One portfolio as the proposer sees it; null when it has no assessor (nothing of theirs to sample). */
export function portfolioWorkOf(
  records: PortfolioRecords,
  assessorStatus: (personId: string) => string | undefined,
): PortfolioWork | null {
  const { enrolment } = records;
  if (!enrolment.assessorId) return null;
  const signOffs = latestDecisions(records.decisions, 'unit-signoff', (d) => d.unitCode);
  const units = enrolment.route.map((unitCode): UnitWork => {
    const evidence = records.evidence.filter((e) => !e.deleted && e.criteria.some((c) => c.unitCode === unitCode));
    const signOff = signOffs.get(unitCode);
    const needsCountersign = signOff && assessorStatus(signOff.assessorId) === 'working-towards';
    const counts = signOff && (!needsCountersign || signOff.countersignedBy);
    return {
      unitCode,
      methods: [...new Set(evidence.map((e) => e.type))],
      lastEvidenceDate: evidence.reduce<string | null>((d, e) => (d === null || e.date > d ? e.date : d), null),
      signedOffOn: counts ? signOff.date : null,
    };
  });
  const signed = units.map((u) => u.signedOffOn);
  const complete = units.length > 0 && signed.every((d) => d !== null);
  return {
    id: enrolment.id,
    candidateId: enrolment.candidateId,
    assessorId: enrolment.assessorId,
    site: enrolment.site,
    startDate: enrolment.startDate,
    units,
    completedOn: complete ? (signed as string[]).sort().at(-1)! : null,
  };
}

/** An assessor's risk before `periodStart`: their standing, and disagreements recorded here or outside the app. */
export function assessorRiskOf(
  person: Pick<Person, 'id' | 'name' | 'assessorStatus' | 'staffSince' | 'earlierDisagreements'>,
  decisions: ReadonlyArray<Pick<IqaDecision, 'assessorId' | 'outcome' | 'date'> & Live>,
  periodStart: string,
): AssessorRisk {
  const recorded = decisions.filter(
    (d) => !d.deleted && d.assessorId === person.id && d.outcome === 'disagree' && d.date < periodStart,
  ).length;
  return {
    id: person.id,
    name: person.name,
    status: person.assessorStatus === 'working-towards' ? 'working-towards' : 'qualified',
    staffSince: person.staffSince,
    earlierDisagreements: person.earlierDisagreements + recorded,
  };
}
