import { useEffect, useState } from 'react';
import type { QualificationSpec } from '../../../domain';
import { bundleReport, type BundleReport, type VerifiedBundle } from '../../../bundle';

/**
 * The portfolio report, made here from the bundle's verified data: the report.html a bundle carries is never
 * shown (it could claim anything, or carry a script), only compared with this one. Shown in an iframe with
 * every sandbox restriction (no script, an origin of its own) from srcdoc, so not even this report runs as the app.
 */
export function ReportSection({ bundle, spec }: { bundle: VerifiedBundle; spec: QualificationSpec | null }) {
  const [report, setReport] = useState<BundleReport | null>(null);
  const [open, setOpen] = useState(false);
  useEffect(() => {
    let current = true;
    void bundleReport(bundle, spec).then((made) => current && setReport(made));
    return () => {
      current = false;
    };
  }, [bundle, spec]);
  if (!report) return null;
  return (
    <section aria-labelledby="v-report">
      <h2 id="v-report">Report</h2>
      {report.received === 'different' && (
        <p className="alert" role="alert" data-testid="report-differs">
          The report inside this bundle differs from its data; showing the report made from the data.
        </p>
      )}
      {report.received === 'missing' && (
        <p className="meta">This bundle carries no report; the one shown here is made from its data.</p>
      )}
      <button type="button" className="secondary" aria-expanded={open} onClick={() => setOpen(!open)}>
        {open ? 'Hide report' : 'View report'}
      </button>
      {open && (
        <iframe
          className="report-frame"
          sandbox=""
          srcDoc={report.html}
          title="Portfolio report, made from the bundle’s data"
        />
      )}
    </section>
  );
}
