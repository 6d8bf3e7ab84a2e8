import { useCallback } from 'react';
import type { QualificationSpec } from '../../../domain';
import { bundleReport, type VerifiedBundle } from '../../../bundle';
import { MadeReportSection } from '../../components/SandboxedReport';

/**
 * The portfolio report, made here from the bundle's verified data: the report.html a bundle carries is never
 * shown (it could claim anything, or carry a script), only compared with this one.
 */
export function ReportSection({ bundle, spec }: { bundle: VerifiedBundle; spec: QualificationSpec | null }) {
  const make = useCallback((b: VerifiedBundle) => bundleReport(b, spec), [spec]);
  return (
    <MadeReportSection
      source={bundle}
      make={make}
      noun="bundle"
      sayMissing
      id="v-report"
      heading="Report"
      title="Portfolio report, made from the bundle’s data"
      showText="View report"
      hideText="Hide report"
    />
  );
}
