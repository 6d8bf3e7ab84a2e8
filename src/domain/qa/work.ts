// What the sample proposer works from: each assessor's candidates' portfolios as units with their evidence methods,
// sign-off dates and site, and from those the decisions a sample can look at ("entries"). Pure; deterministic
// helpers (a string hash instead of Math.random, calendar dates as YYYY-MM-DD) live here too.
import type { EvidenceTypeCode } from '../evidenceTypes';
import type { SampleStage } from '../records/iqaDecision';

export interface UnitWork {
  unitCode: string;
  /** The assessment methods (evidence types) of the live evidence mapped to the unit, in any order. */
  methods: readonly EvidenceTypeCode[];
  lastEvidenceDate: string | null;
  /** When the assessor signed the unit off (countersigned where that is needed), else null. */
  signedOffOn: string | null;
}

export interface PortfolioWork {
  id: string;
  candidateId: string;
  assessorId: string;
  site: string;
  startDate: string;
  /** The units of the candidate's route. */
  units: readonly UnitWork[];
  /** When every unit of the route was signed off and the rules of combination were met, else null. */
  completedOn: string | null;
}

/** One assessment decision a sample can look at: a unit in progress (interim) or signed off (summative). */
export interface Entry {
  key: string;
  assessorId: string;
  portfolioId: string;
  candidateId: string;
  unitCode: string;
  site: string;
  stage: SampleStage;
  methods: EvidenceTypeCode[];
  /** The sign-off date (summative) or the last evidence date (interim). */
  date: string;
  /** Deterministic order among entries, from the inputs alone. */
  rank: number;
}

/** FNV-1a, 32 bits: a stable pseudo-random number from a string (the proposer's only source of "chance"). */
export function hash32(text: string): number {
  let h = 0x811c9dc5;
  for (let i = 0; i < text.length; i++) {
    h ^= text.charCodeAt(i);
    h = Math.imul(h, 0x01000193);
  }
  return h >>> 0;
}

/**
 * The decisions a plan for [periodStart, periodEnd] can sample: units signed off within the period (summative)
 * and units with evidence not yet signed off (interim). Units signed off before the period belong to an earlier
 * plan; units with no evidence have nothing to look at yet.
 */
export function entriesOf(
  portfolios: readonly PortfolioWork[],
  assessorIds: ReadonlySet<string>,
  seed: string,
  periodStart: string,
  periodEnd: string,
): Entry[] {
  const out: Entry[] = [];
  for (const p of portfolios) {
    if (!assessorIds.has(p.assessorId)) continue;
    for (const u of p.units) {
      const signed = u.signedOffOn;
      let stage: SampleStage;
      if (signed !== null) {
        if (signed < periodStart || signed > periodEnd) continue;
        stage = 'summative';
      } else if (u.methods.length > 0 && u.lastEvidenceDate !== null && u.lastEvidenceDate <= periodEnd) {
        stage = 'interim';
      } else continue;
      const key = `${p.id}|${u.unitCode}|${stage}`;
      out.push({
        key,
        assessorId: p.assessorId,
        portfolioId: p.id,
        candidateId: p.candidateId,
        unitCode: u.unitCode,
        site: p.site,
        stage,
        methods: [...new Set(u.methods)].sort(),
        date: signed ?? u.lastEvidenceDate ?? periodStart,
        rank: hash32(`${seed}|${key}`),
      });
    }
  }
  return out.sort((a, b) => a.rank - b.rank || a.key.localeCompare(b.key));
}
