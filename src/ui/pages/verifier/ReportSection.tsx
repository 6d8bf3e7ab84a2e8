import { useCallback } from 'react';
import type { QualificationSpec } from '../../../domain';
import { bundleReport, type VerifiedBundle } from '../../../bundle';
import { SandboxedReport, useMadeReport } from '../../components/SandboxedReport';

/**
 * The portfolio report, made here from the bundle's verified data: the report.html a bundle carries is never
 * shown (it could claim anything, or carry a script), only compared with this one.
 */
export function ReportSection({ bundle, spec }: { bundle: VerifiedBundle; spec: QualificationSpec | null }) {
  const make = useCallback((b: VerifiedBundle) => bundleReport(b, spec), [spec]);
  const report = useMadeReport(bundle, make);
  if (!report) return null;
  return (
    <SandboxedReport
      id="v-report"
      heading="Report"
      title="Portfolio report, made from the bundle’s data"
      showText="View report"
      hideText="Hide report"
      html={report.html}
    >
      {report.received === 'different' && (
        <p className="alert" role="alert" data-testid="report-differs">
          The report inside this bundle differs from its data; showing the report made from the data.
        </p>
      )}
      {report.received === 'missing' && (
        <p className="meta">This bundle carries no report; the one shown here is made from its data.</p>
      )}
    </SandboxedReport>
  );
}
