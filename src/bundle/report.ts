// data/report.html: a self-contained, script-free, printable report of the portfolio, readable by anyone.
import { computeProgress, EVIDENCE_TYPE_LABELS, mappingsOf, unitCriteria, type QualificationSpec } from '../domain';
import type { PortfolioExport } from '../storage';

const esc = (s: unknown) =>
  String(s ?? '').replace(
    /[&<>"']/g,
    (c) => ({ '&': '&amp;', '<': '&lt;', '>': '&gt;', '"': '&quot;', "'": '&#39;' })[c]!,
  );

export function portfolioReport(data: PortfolioExport, spec: QualificationSpec | null, today: string): string {
  const live = <T extends { deleted: boolean }>(xs: T[]) => xs.filter((x) => !x.deleted);
  const enrolment = data.records.enrolments[0]!;
  const people = data.records.people;
  const name = (id: string | null) => people.find((p) => p.id === id)?.name ?? '';
  const evidence = live(data.records.evidence).sort(
    (a, b) => a.date.localeCompare(b.date) || a.createdAt.localeCompare(b.createdAt),
  );
  const refs = new Map(spec ? spec.units.flatMap((u) => unitCriteria(u)).map((r) => [r.key, r]) : []);
  const progress = spec
    ? computeProgress(
        spec,
        {
          enrolment,
          people,
          evidence,
          mappings: mappingsOf(evidence),
          decisions: live(data.records.decisions),
          signatures: live(data.records.signatures),
        },
        today,
      )
    : null;
  const rows = evidence
    .map(
      (e, i) =>
        `<tr><td>${i + 1}</td><td>${esc(e.title)}${e.simulation ? ' (simulation)' : ''}</td><td>${esc(e.type)} ${esc(EVIDENCE_TYPE_LABELS[e.type])}</td><td>${esc(e.date)}</td><td>${esc(e.location)}</td><td>${e.criteria
          .map((c) => esc(`${c.unitCode} ${refs.get(c.criterionKey)?.label ?? c.criterionKey}`))
          .join(', ')}</td><td>${e.mediaIds.length}</td></tr>`,
    )
    .join('\n');
  const signoffs = live(data.records.decisions)
    .filter((d) => d.kind === 'unit-signoff')
    .map(
      (d) =>
        `<tr><td>${esc(d.unitCode)}</td><td>${esc(d.date)}</td><td>${esc(name(d.assessorId))}</td><td>${esc(name(d.countersignedBy))}</td></tr>`,
    )
    .join('\n');
  const rules = progress
    ? progress.award.rules
        .map((r) => `<li>${r.satisfied ? '✓' : '✗'} <strong>${esc(r.description)}</strong>: ${esc(r.explanation)}</li>`)
        .join('\n')
    : '<li>The qualification spec is not in this bundle.</li>';
  return `<!doctype html>
<html lang="en-GB"><head><meta charset="utf-8"><meta http-equiv="Content-Security-Policy" content="default-src 'none'; style-src 'unsafe-inline'">
<title>Portfolio report: ${esc(name(enrolment.candidateId))}</title>
<style>body{font-family:system-ui,sans-serif;margin:2rem;color:#111}table{border-collapse:collapse;width:100%;margin:1rem 0}td,th{border:1px solid #555;padding:.3rem;text-align:left;vertical-align:top}h1{font-size:1.5rem}@media print{body{margin:0}}</style>
</head><body>
<h1>Portfolio report: ${esc(name(enrolment.candidateId))}</h1>
<p>${esc(spec?.title ?? enrolment.specId)} (spec ${esc(enrolment.specId)} version ${esc(enrolment.specVersion)}) · started ${esc(enrolment.startDate)} · assessor ${esc(name(enrolment.assessorId))} · report made ${esc(today)}</p>
<p>Route: ${enrolment.route.map(esc).join(', ')}</p>
<h2>Rules of combination (signed-off units)</h2>
<p>${progress ? (progress.award.achieved ? 'Award achieved.' : 'Award not yet achieved.') : ''}</p>
<ul>${rules}</ul>
<h2>Unit sign-offs</h2>
<table><thead><tr><th>Unit</th><th>Date</th><th>Assessor</th><th>Countersigned by</th></tr></thead><tbody>${signoffs}</tbody></table>
<h2>Index of evidence</h2>
<table><thead><tr><th>No.</th><th>Evidence</th><th>Type</th><th>Date</th><th>Location</th><th>Criteria</th><th>Media</th></tr></thead><tbody>${rows}</tbody></table>
</body></html>
`;
}
