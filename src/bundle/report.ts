// data/report.html: a self-contained, script-free, printable report of the portfolio, readable by anyone.
// Made at export from the records; a received bundle's report is never shown: bundleReport makes it again.
import {
  computeProgress,
  criterionWithUnit,
  EVIDENCE_TYPE_LABELS,
  evidenceInIndexOrder,
  evidenceNumbers,
  formatDate,
  mappingsOf,
  unitCriteria,
  type QualificationSpec,
} from '../domain';
import { sha256Hex, type PortfolioExport } from '../storage';
import { REPORT_STYLE } from './reportStyle';
import type { VerifiedBundle } from './verify';

export const esc = (s: unknown) =>
  String(s ?? '').replace(
    /[&<>"']/g,
    (c) => ({ '&': '&amp;', '<': '&lt;', '>': '&gt;', '"': '&quot;', "'": '&#39;' })[c]!,
  );

export function portfolioReport(
  data: Pick<PortfolioExport, 'records'>,
  spec: QualificationSpec | null,
  today: string,
): string {
  const live = <T extends { deleted: boolean }>(xs: T[]) => xs.filter((x) => !x.deleted);
  const enrolment = data.records.enrolments[0]!;
  const people = data.records.people;
  const name = (id: string | null) => people.find((p) => p.id === id)?.name ?? '';
  // Numbered and ordered by the one evidence-index rule, as the Index of evidence and the printed forms are;
  // deleted evidence (rows kept as deletions) keeps its number, so the numbers match the forms' citations.
  const numbers = evidenceNumbers({ evidence: data.records.evidence });
  const evidence = evidenceInIndexOrder(data.records.evidence);
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
      (e) =>
        `<tr><td>${numbers.get(e.id) ?? ''}</td><td>${esc(e.title)}${e.simulation ? ' (simulation)' : ''}</td><td>${esc(e.type)} ${esc(EVIDENCE_TYPE_LABELS[e.type])}</td><td>${esc(formatDate(e.date))}</td><td>${esc(e.location)}</td><td>${e.criteria
          .map((c) => esc(criterionWithUnit(c.unitCode, refs.get(c.criterionKey)?.label ?? c.criterionKey)))
          .join(', ')}</td><td>${e.mediaIds.length}</td></tr>`,
    )
    .join('\n');
  const signoffs = live(data.records.decisions)
    .filter((d) => d.kind === 'unit-signoff')
    .map(
      (d) =>
        `<tr><td>${esc(d.unitCode)}</td><td>${esc(formatDate(d.date))}</td><td>${esc(name(d.assessorId))}</td><td>${esc(name(d.countersignedBy))}</td></tr>`,
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
<style>${REPORT_STYLE}</style>
</head><body>
<h1>Portfolio report: ${esc(name(enrolment.candidateId))}</h1>
<p>${esc(spec?.title ?? enrolment.specId)} (spec ${esc(enrolment.specId)} version ${esc(enrolment.specVersion)}) · started ${esc(formatDate(enrolment.startDate))} · assessor ${esc(name(enrolment.assessorId))} · report made ${esc(formatDate(today))}</p>
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

export interface BundleReport {
  /** The report made from the bundle's verified records, as its exporter made it (dated the day of export). */
  html: string;
  /** What the bundle carried: the same report byte for byte, another one (forged, or made with another spec), or none. */
  received: 'same' | 'different' | 'missing';
}

/** The report of a verified bundle made from its data with `spec`, compared with the data/report.html it carried. */
export async function bundleReport(bundle: VerifiedBundle, spec: QualificationSpec | null): Promise<BundleReport> {
  const html = portfolioReport(bundle, spec, bundle.exportedAt.slice(0, 10));
  if (bundle.receivedReportSha256 === null) return { html, received: 'missing' };
  const sha256 = await sha256Hex(new TextEncoder().encode(html));
  return { html, received: sha256 === bundle.receivedReportSha256 ? 'same' : 'different' };
}
