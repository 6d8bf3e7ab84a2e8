// A pack's data/report.html: one self-contained, script-free, printable page an EQA reads in any browser, made from
// the pack's records at export, and made again from the verified data when a pack is opened (never shown as received).
import { computeProgress, formatDate, mappingsOf, type QualificationSpec, type RecordSet } from '../domain';
import type { PackCaseloadLine, PackCentreRecords, PackPlanCoverage } from '../storage';
import { esc } from './report';
import { REPORT_STYLE } from './reportStyle';

/** What the report reads of the pack itself: its centre part and summaries. */
export interface PackReportInput {
  packId: string;
  exportedAt: string;
  sender: { personId: string; name: string } | null;
  centre: PackCentreRecords;
  coverage: PackPlanCoverage[];
  caseload: PackCaseloadLine[];
}

/** One portfolio of the pack, as its records stand. */
export interface PackPortfolio {
  records: RecordSet;
}

type Row = ReadonlyArray<unknown>;
const live = <T extends { deleted: boolean }>(xs: readonly T[]) => xs.filter((x) => !x.deleted);
const table = (caption: string, headers: string[], rows: Row[]) =>
  rows.length === 0
    ? `<p>${esc(caption)}: none.</p>`
    : `<table><caption>${esc(caption)}</caption><thead><tr>${headers.map((h) => `<th scope="col">${esc(h)}</th>`).join('')}</tr></thead><tbody>${rows
        .map((r) => `<tr>${r.map((c) => `<td>${esc(c)}</td>`).join('')}</tr>`)
        .join('\n')}</tbody></table>`;
const date = (d: string | null | undefined) => (d ? formatDate(d) : '');

export function packReport(
  pack: PackReportInput,
  portfolios: readonly PackPortfolio[],
  specs: readonly QualificationSpec[],
  today: string,
): string {
  const people = new Map<string, string>();
  for (const p of pack.centre.people) people.set(p.id, p.name);
  for (const { records } of portfolios) for (const p of records.people) people.set(p.id, p.name);
  const name = (id: string | null | undefined) => (id ? (people.get(id) ?? 'someone not in the pack') : '');
  const sections = [
    caseloadSection(pack, portfolios, specs, today, name),
    plansSection(pack, name),
    decisionsSection(portfolios, name),
    actionsSection(portfolios, name),
    standardisationSection(pack.centre.standardisations, name),
    competenceSection(pack.centre, name),
    appealsSection(pack.centre.appeals, name),
  ];
  return `<!doctype html>
<html lang="en-GB"><head><meta charset="utf-8"><meta http-equiv="Content-Security-Policy" content="default-src 'none'; style-src 'unsafe-inline'">
<title>EQA visit pack</title>
<style>${REPORT_STYLE}</style>
</head><body>
<h1>EQA visit pack</h1>
<p>Pack ${esc(pack.packId)} · made ${esc(date(pack.exportedAt.slice(0, 10)))}${pack.sender ? ` by ${esc(pack.sender.name)}` : ''} · ${portfolios.length} portfolio(s). Each portfolio's own report is in its folder (portfolios/&lt;id&gt;/report.html).</p>
${sections.join('\n')}
</body></html>
`;
}

type Name = (id: string | null | undefined) => string;

function caseloadSection(
  pack: PackReportInput,
  portfolios: readonly PackPortfolio[],
  specs: readonly QualificationSpec[],
  today: string,
  name: Name,
): string {
  const centre = pack.caseload.map((l) => [name(l.assessorId), l.specId, l.candidates, l.inPack]);
  const held = portfolios.map(({ records }) => {
    const e = records.enrolments[0]!;
    const spec = specs.find((s) => s.id === e.specId && s.version === e.specVersion);
    const evidence = live(records.evidence);
    const progress = spec
      ? computeProgress(
          spec,
          {
            enrolment: e,
            people: records.people,
            evidence,
            mappings: mappingsOf(evidence),
            decisions: live(records.decisions),
            signatures: live(records.signatures),
          },
          today,
        )
      : null;
    const lastEvidence = evidence.reduce((d, x) => (x.date > d ? x.date : d), '');
    return [
      name(e.candidateId),
      spec?.title ?? e.specId,
      name(e.assessorId),
      name(e.iqaId),
      e.site,
      progress ? `${Math.round(progress.overallCoverage * 100)}%` : 'spec not in the pack',
      progress ? `${progress.achievedUnits.length} of ${e.route.length}` : '',
      date(lastEvidence),
    ];
  });
  return `<h2>Caseload summary</h2>
${table('Candidates per assessor at the centre', ['Assessor', 'Qualification', 'Candidates', 'In this pack'], centre)}
${table('Portfolios in this pack', ['Candidate', 'Qualification', 'Assessor', 'IQA', 'Site', 'Criteria evidenced', 'Units signed off', 'Last evidence'], held)}`;
}

function plansSection(pack: PackReportInput, name: Name): string {
  const plans = pack.centre.samplingPlans.map((plan) => {
    const coverage = pack.coverage.find((c) => c.planId === plan.id);
    const overdue = new Set(coverage?.overdue ?? []);
    const items = live(plan.items.map((i) => ({ ...i, deleted: i.removed }))).map((i) => [
      name(i.candidateId),
      name(i.assessorId),
      i.unitCode,
      i.method ?? 'any',
      i.site,
      i.stage,
      date(i.plannedDate),
      overdue.has(i.id) ? 'overdue' : '',
      i.reason,
    ]);
    const lines = (label: string, ls: PackPlanCoverage['byUnit'], key: (k: string) => string = (k) => k) =>
      table(
        `Coverage by ${label}`,
        [label, 'Planned', 'Done', 'Overdue'],
        ls.map((l) => [key(l.key), l.planned, l.done, l.overdue]),
      );
    const summary = coverage
      ? `<p>${coverage.done} of ${coverage.planned} planned samples done; ${coverage.overdue.length} overdue.</p>
${lines('assessor', coverage.byAssessor, name)}${lines('unit', coverage.byUnit)}${lines('method', coverage.byMethod)}${lines('site', coverage.bySite)}
${coverage.gaps.length ? `<p>Not covered by the plan:</p><ul>${coverage.gaps.map((g) => `<li>${esc(g)}</li>`).join('')}</ul>` : '<p>The plan covers every assessor, unit, method and site with work in the period.</p>'}`
      : '<p>No coverage was computed for this plan.</p>';
    return `<h3>${esc(plan.specId)}: ${esc(date(plan.periodStart))} to ${esc(date(plan.periodEnd))}, IQA ${esc(name(plan.iqaId))}</h3>
${summary}
${table('Planned samples', ['Candidate', 'Assessor', 'Unit', 'Method', 'Site', 'Stage', 'Planned', 'State', 'Why'], items)}`;
  });
  return `<h2>Sampling plans and their coverage</h2>\n${plans.join('\n') || '<p>No sampling plan.</p>'}`;
}

const decisionsOf = (portfolios: readonly PackPortfolio[]) =>
  portfolios.flatMap((p) => live(p.records.iqaDecisions).map((r) => ({ r, p: p.records })));
const actionsOf = (portfolios: readonly PackPortfolio[]) =>
  portfolios.flatMap((p) => live(p.records.qaActions).map((r) => ({ r, p: p.records })));

function decisionsSection(portfolios: readonly PackPortfolio[], name: Name): string {
  const rows = decisionsOf(portfolios)
    .sort((a, b) => a.r.date.localeCompare(b.r.date))
    .map(({ r, p }) => [
      date(r.date),
      name(p.enrolments[0]!.candidateId),
      r.unitCode,
      r.evidenceId ? (p.evidence.find((e) => e.id === r.evidenceId)?.title ?? 'an evidence item') : 'the unit',
      r.stage,
      name(r.iqaId),
      name(r.assessorId),
      r.outcome,
      r.feedback,
      r.countersignedBy ? `countersigned by ${name(r.countersignedBy)}` : '',
    ]);
  return `<h2>IQA decisions</h2>\n${table('IQA decisions', ['Date', 'Candidate', 'Unit', 'Sampled', 'Stage', 'IQA', 'Assessor', 'Outcome', 'Feedback', 'Countersigned'], rows)}`;
}

function actionsSection(portfolios: readonly PackPortfolio[], name: Name): string {
  const rows = actionsOf(portfolios)
    .sort((a, b) => a.r.dueDate.localeCompare(b.r.dueDate))
    .map(({ r, p }) => [
      name(p.enrolments[0]!.candidateId),
      name(r.assessorId),
      r.unitCode ?? '',
      r.text,
      date(r.dueDate),
      r.state,
      r.answer,
      name(r.raisedBy),
    ]);
  return `<h2>Actions and their state</h2>\n${table('Actions for assessors', ['Candidate', 'Assessor', 'Unit', 'Action', 'Due', 'State', 'Answer', 'Raised by'], rows)}`;
}

function standardisationSection(records: PackCentreRecords['standardisations'], name: Name): string {
  const rows = [...records]
    .sort((a, b) => a.date.localeCompare(b.date))
    .map((s) => [
      date(s.date),
      s.activity,
      name(s.ledBy),
      s.attendees.map(name).join(', '),
      s.units.join(', '),
      s.evidenceLookedAt,
      s.outcome,
      s.actions.map((a) => `${a.text}${a.done ? ' (done)' : ''}`).join('; '),
    ]);
  return `<h2>Standardisation</h2>\n${table('Standardisation activities', ['Date', 'Activity', 'Led by', 'Attendees', 'Units', 'Evidence looked at', 'Outcome', 'Actions'], rows)}`;
}

function competenceSection(centre: PackCentreRecords, name: Name): string {
  const staff = centre.people
    .filter((p) => p.roles.includes('assessor') || p.roles.includes('iqa'))
    .map((p) => [
      p.name,
      p.roles.filter((r) => r === 'assessor' || r === 'iqa').join(', '),
      p.assessorStatus,
      p.iqaStatus,
      date(p.staffSince),
      p.earlierDisagreements,
    ]);
  const cpd = [...centre.cpdRecords]
    .sort((a, b) => a.date.localeCompare(b.date))
    .map((c) => [name(c.personId), date(c.date), c.kind, c.activity, c.hours, c.evidence]);
  return `<h2>Assessor and IQA competence</h2>
${table('Staff', ['Name', 'Roles', 'Assessor standing', 'IQA standing', 'Staff since', 'Earlier disagreements'], staff)}
${table('CPD and occupational competence', ['Person', 'Date', 'Kind', 'Activity', 'Hours', 'Evidence'], cpd)}`;
}

function appealsSection(appeals: PackCentreRecords['appeals'], name: Name): string {
  const rows = appeals.map((a) => [
    name(a.candidateId),
    a.decisionAppealed,
    date(a.lodgedOn),
    a.stages.map((s) => `${s.stage} ${date(s.date)}${s.by ? ` (${name(s.by)})` : ''}`).join('; '),
    a.outcome,
  ]);
  return `<h2>Appeals</h2>\n${table('Appeals', ['Candidate', 'Decision appealed', 'Lodged', 'Stages', 'Outcome'], rows)}`;
}
