// The report inside a bundle is never trusted or shown: it is made again from the verified records and compared, so
// a forged "Award achieved" is caught before anyone relies on it.
import { useEffect, useState } from 'react';
import { bundleReport, type BundleReport, type VerifiedBundle } from '../../../bundle';

export function ReportCheck({ bundle }: { bundle: VerifiedBundle }) {
  const [report, setReport] = useState<BundleReport | null>(null);
  useEffect(() => {
    let current = true;
    const enrolment = bundle.records.enrolments[0];
    const spec = bundle.specs.find((s) => s.id === enrolment?.specId && s.version === enrolment?.specVersion) ?? null;
    void bundleReport(bundle, spec).then((made) => current && setReport(made));
    return () => {
      current = false;
    };
  }, [bundle]);
  if (!report || report.received === 'same') return null;
  return (
    <p className="notice" role="status" data-testid="report-check">
      {report.received === 'missing'
        ? 'This bundle carries no report.html; the app makes the report from its data.'
        : 'The report inside this bundle differs from its data (forged, or made with another version of the qualification spec). It is ignored: the app makes the report from the data.'}
    </p>
  );
}
