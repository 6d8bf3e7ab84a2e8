// A report made here from verified data (a bundle's or a pack's; the one a file carries is never shown, only
// compared), shown on demand in an iframe with every sandbox restriction (no script, an origin of its own) from
// srcdoc, so not even this report runs as the app.
import { useEffect, useState, type ReactNode } from 'react';

/** The report `make` gives, made again whenever `source` changes (null until made). */
export function useMadeReport<S, R>(source: S, make: (source: S) => Promise<R>): R | null {
  const [report, setReport] = useState<R | null>(null);
  useEffect(() => {
    let current = true;
    void make(source).then((made) => current && setReport(made));
    return () => {
      current = false;
    };
  }, [source, make]);
  return report;
}

interface SandboxedReportProps {
  /** The section heading's id and text. */
  id: string;
  heading: string;
  /** The iframe's title, and the button's text to show and to hide it. */
  title: string;
  showText: string;
  hideText: string;
  html: string;
  /** Notes above the button: whether the report carried was the same. */
  children?: ReactNode;
}

export function SandboxedReport({ id, heading, title, showText, hideText, html, children }: SandboxedReportProps) {
  const [open, setOpen] = useState(false);
  return (
    <section aria-labelledby={id}>
      <h2 id={id}>{heading}</h2>
      {children}
      <button type="button" className="secondary" aria-expanded={open} onClick={() => setOpen(!open)}>
        {open ? hideText : showText}
      </button>
      {open && <iframe className="report-frame" sandbox="" srcDoc={html} title={title} />}
    </section>
  );
}

/** A report made here, and whether the file carried the same one (`missing`: it carried none). */
interface MadeReport {
  html: string;
  received: 'same' | 'different' | 'missing';
}

type MadeReportSectionProps<S> = Omit<SandboxedReportProps, 'html' | 'children'> & {
  source: S;
  make: (source: S) => Promise<MadeReport>;
  /** What carried the report, in a word: "bundle", "pack". */
  noun: string;
  /** Whether a file that carried no report is said to (the made report is shown either way). */
  sayMissing?: boolean;
};

/** The report made from `source`, shown sandboxed, with a word on whether the one the file carried differed. */
export function MadeReportSection<S>({ source, make, noun, sayMissing, ...shown }: MadeReportSectionProps<S>) {
  const report = useMadeReport(source, make);
  if (!report) return null;
  return (
    <SandboxedReport {...shown} html={report.html}>
      {report.received === 'different' && (
        <p className="alert" role="alert" data-testid="report-differs">
          The report inside this {noun} differs from its data; showing the report made from the data.
        </p>
      )}
      {sayMissing && report.received === 'missing' && (
        <p className="meta">This {noun} carries no report; the one shown here is made from its data.</p>
      )}
    </SandboxedReport>
  );
}
