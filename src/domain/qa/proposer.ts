// The sample proposer (docs/centre-qa.md): from the centre's assessors, their risk and their candidates' work over a
// period, a sampling plan that covers every assessor, every unit, each assessment method and each site, with interim
// and summative items at the rate each assessor's risk sets, each item saying why it was chosen. Pure and
// deterministic: the same inputs give the same plan (ranks come from a hash of the inputs, never Math.random).
import { EVIDENCE_TYPE_LABELS, type EvidenceTypeCode } from '../evidenceTypes';
import type { PlanItem } from '../records/samplingPlan';
import { assessorRate, DEFAULT_RATES, sampleCount, type AssessorRisk, type SamplingRates } from './rates';
import { addDays, clampDate, daysBetween } from '../calendar';
import { entriesOf, type Entry, type PortfolioWork } from './work';

export interface ProposalInput {
  specId: string;
  periodStart: string;
  periodEnd: string;
  newQualification?: boolean;
  changedUnits?: readonly string[];
  assessors: readonly AssessorRisk[];
  portfolios: readonly PortfolioWork[];
  rates?: SamplingRates;
}

export interface AssessorSampling {
  assessorId: string;
  name: string;
  rate: number;
  riskReasons: string[];
  summative: { decisions: number; sampled: number };
  interim: { portfolios: number; sampled: number };
}

export interface Proposal {
  items: PlanItem[];
  assessors: AssessorSampling[];
}

interface Draft {
  entry: Entry;
  method: EvidenceTypeCode | null;
  reasons: string[];
}

/** The items chosen so far, by id; choosing an item twice adds the second reason to it. */
class Selection {
  readonly drafts = new Map<string, Draft>();
  add(entry: Entry, reason: string, method: EvidenceTypeCode | null = null, id = entry.key): Draft {
    const draft = this.drafts.get(id) ?? { entry, method, reasons: [] };
    if (!draft.reasons.includes(reason)) draft.reasons.push(reason);
    this.drafts.set(id, draft);
    return draft;
  }
  has = (entry: Entry) => this.drafts.has(entry.key);
  of = (assessorId: string) => [...this.drafts.values()].filter((d) => d.entry.assessorId === assessorId);
}

/** Picks `n` of `entries` (already in rank order): first those that bring a unit, method or site not yet seen. */
function pickVaried(entries: readonly Entry[], n: number, seen: Set<string>): Entry[] {
  const left = [...entries];
  const picked: Entry[] = [];
  const novelty = (e: Entry) =>
    [`u:${e.unitCode}`, `s:${e.site}`, ...e.methods.map((m) => `m:${m}`)].filter((k) => !seen.has(k)).length;
  while (picked.length < n && left.length > 0) {
    let best = 0;
    for (let i = 1; i < left.length; i++) if (novelty(left[i]!) > novelty(left[best]!)) best = i;
    const [e] = left.splice(best, 1);
    picked.push(e!);
    [`u:${e!.unitCode}`, `s:${e!.site}`, ...e!.methods.map((m) => `m:${m}`)].forEach((k) => seen.add(k));
  }
  return picked;
}

const pct = (rate: number) => `${Math.round(rate * 100)}%`;

/** One assessor's share: summative decisions at their rate, interim samples on that share of their portfolios. */
function sampleAssessor(a: AssessorRisk, mine: readonly Entry[], input: ProposalInput, sel: Selection) {
  const rates = input.rates ?? DEFAULT_RATES;
  const { rate, reasons } = assessorRate(a, input.periodStart, input.newQualification ?? false, rates);
  const why = `${a.name}: sampled at ${reasons.join('; ')}`;
  const summative = mine.filter((e) => e.stage === 'summative');
  const interim = mine.filter((e) => e.stage === 'interim');
  const seen = new Set<string>();
  const wanted = sampleCount(rate, summative.length);
  for (const e of pickVaried(summative, wanted, seen))
    sel.add(e, `${why} (${wanted} of ${summative.length} unit sign-offs this period)`);
  const inProgress = [...new Set(interim.map((e) => e.portfolioId))];
  const portfolios = rate >= 1 ? inProgress.length : Math.max(1, sampleCount(rate, inProgress.length));
  const chosen = new Set(inProgress.slice(0, portfolios));
  const interimPicks =
    rate >= 1
      ? interim
      : chosen.size === 0
        ? []
        : [...chosen].flatMap((p) =>
            pickVaried(
              interim.filter((e) => e.portfolioId === p),
              1,
              seen,
            ),
          );
  const interimWhy = `interim sample during the programme: ${why} (${chosen.size} of ${inProgress.length} candidates in progress)`;
  for (const e of interimPicks) sel.add(e, interimWhy);
  const changedRate = Math.max(rate, rates.changedUnit);
  for (const unit of [...new Set(input.changedUnits ?? [])].sort()) {
    const onUnit = summative.filter((e) => e.unitCode === unit);
    const needed = sampleCount(changedRate, onUnit.length) - onUnit.filter((e) => sel.has(e)).length;
    for (const e of onUnit.filter((x) => !sel.has(x)).slice(0, Math.max(0, needed)))
      sel.add(
        e,
        `unit ${unit} changed in this qualification: its sign-offs are sampled at ${pct(changedRate)} at least`,
      );
  }
  return {
    assessorId: a.id,
    name: a.name,
    rate,
    riskReasons: reasons,
    summative: { decisions: summative.length, sampled: 0 },
    interim: { portfolios: inProgress.length, sampled: 0 },
  };
}

/** Every portfolio completed in the period has a summative sample before certification is claimed (seed 000 s11). */
function sampleCompletions(input: ProposalInput, entries: readonly Entry[], sel: Selection) {
  for (const p of input.portfolios) {
    if (!p.completedOn || p.completedOn < input.periodStart || p.completedOn > input.periodEnd) continue;
    const theirs = entries.filter((e) => e.portfolioId === p.id && e.stage === 'summative');
    if (theirs.length === 0 || theirs.some((e) => sel.has(e))) continue;
    sel.add(theirs[0]!, `award completed on ${p.completedOn}: sampled before certification is claimed`);
  }
}

/** Coverage: every unit, and per assessor every method and site their candidates' work shows, has an item. */
function coverEverything(entries: readonly Entry[], sel: Selection, names: ReadonlyMap<string, string>) {
  const units = new Set([...sel.drafts.values()].map((d) => d.entry.unitCode));
  const byUnit = (u: string) => entries.filter((e) => e.unitCode === u);
  for (const u of [...new Set(entries.map((e) => e.unitCode))].sort()) {
    if (units.has(u)) continue;
    const choice = byUnit(u).find((e) => e.stage === 'summative') ?? byUnit(u)[0]!;
    sel.add(choice, `covers unit ${u}, which no other item samples this period`);
    units.add(u);
  }
  for (const assessorId of [...new Set(entries.map((e) => e.assessorId))].sort()) {
    const mine = entries.filter((e) => e.assessorId === assessorId);
    const name = names.get(assessorId) ?? assessorId;
    for (const site of [...new Set(mine.map((e) => e.site))].sort()) {
      if (sel.of(assessorId).some((d) => d.entry.site === site)) continue;
      sel.add(
        mine.find((e) => e.site === site)!,
        `covers ${name}’s assessments at ${site || 'an unnamed site'}`,
      );
    }
    coverMethods(mine, sel, name);
  }
}

/** Gives each chosen item a method to look at, so that every method the assessor used is looked at once at least. */
function coverMethods(mine: readonly Entry[], sel: Selection, name: string) {
  const covered = new Set<EvidenceTypeCode>();
  const drafts = sel.of(mine[0]!.assessorId);
  for (const d of drafts) {
    const fresh = d.entry.methods.find((m) => !covered.has(m));
    d.method = fresh ?? d.entry.methods[0] ?? null;
    if (d.method) covered.add(d.method);
  }
  const methods = [...new Set(mine.flatMap((e) => e.methods))].sort();
  for (const m of methods) {
    if (covered.has(m)) continue;
    const e = mine.find((x) => x.methods.includes(m))!;
    const reason = `covers ${name}’s use of ${EVIDENCE_TYPE_LABELS[m].toLowerCase()} (${m}), which no other item looks at`;
    sel.add(e, reason, m, sel.has(e) ? `${e.key}|${m}` : e.key).method = m;
    covered.add(m);
  }
}

function plannedDate(d: Draft, input: ProposalInput, trainees: ReadonlySet<string>): string {
  const { entry } = d;
  if (entry.stage === 'summative') {
    const days = trainees.has(entry.assessorId) ? 7 : 14;
    return clampDate(addDays(entry.date, days), input.periodStart, input.periodEnd);
  }
  const span = Math.max(1, Math.floor((daysBetween(input.periodStart, input.periodEnd) * 2) / 3));
  const spread = addDays(input.periodStart, entry.rank % span);
  return clampDate(spread > entry.date ? spread : entry.date, input.periodStart, input.periodEnd);
}

/** The proposed sample for one IQA's plan: deterministic for the same inputs. */
export function proposeSample(input: ProposalInput): Proposal {
  const assessors = [...input.assessors].sort((a, b) => a.id.localeCompare(b.id));
  const seed = `${input.specId}|${input.periodStart}|${input.periodEnd}`;
  const entries = entriesOf(
    input.portfolios,
    new Set(assessors.map((a) => a.id)),
    seed,
    input.periodStart,
    input.periodEnd,
  );
  const sel = new Selection();
  const summaries = assessors.map((a) =>
    sampleAssessor(
      a,
      entries.filter((e) => e.assessorId === a.id),
      input,
      sel,
    ),
  );
  sampleCompletions(input, entries, sel);
  coverEverything(entries, sel, new Map(assessors.map((a) => [a.id, a.name])));
  const trainees = new Set(assessors.filter((a) => a.status === 'working-towards').map((a) => a.id));
  const items = [...sel.drafts.entries()].map(([id, d]): PlanItem => ({
    id,
    assessorId: d.entry.assessorId,
    portfolioId: d.entry.portfolioId,
    candidateId: d.entry.candidateId,
    unitCode: d.entry.unitCode,
    method: d.method,
    site: d.entry.site,
    stage: d.entry.stage,
    plannedDate: plannedDate(d, input, trainees),
    reason: `${d.entry.stage === 'summative' ? `Summative: unit ${d.entry.unitCode} signed off on ${d.entry.date}` : `Interim: unit ${d.entry.unitCode} in progress`}. ${d.reasons.join('. ')}.`,
    origin: 'proposed',
    iqaReason: '',
    removed: false,
  }));
  items.sort((a, b) => a.plannedDate.localeCompare(b.plannedDate) || a.id.localeCompare(b.id));
  for (const s of summaries) {
    const mine = items.filter((i) => i.assessorId === s.assessorId);
    s.summative.sampled = new Set(
      mine.filter((i) => i.stage === 'summative').map((i) => `${i.portfolioId}|${i.unitCode}`),
    ).size;
    s.interim.sampled = new Set(mine.filter((i) => i.stage === 'interim').map((i) => i.portfolioId)).size;
  }
  return { items, assessors: summaries };
}
