// A filled-in recording form shown read-only, as it prints (a verifier's opened bundle): the form editor's own
// print layout, with nothing to type into or save.
import { useMemo } from 'react';
import {
  formatDateTime,
  formEvidenceNumber,
  normalizeFormData,
  type FormDefinition,
  type FormRecord,
} from '../../domain';
import { computedGrid } from './editor/computedGrid';
import { FormHeading } from './editor/FormHeader';
import type { LoadedPortfolio } from './editor/formDraft';
import { FormPrintView } from './print/FormPrintView';
import './forms.css';

export function FormView({
  portfolio,
  def,
  form,
}: {
  portfolio: LoadedPortfolio;
  def: FormDefinition;
  form: FormRecord;
}) {
  const data = useMemo(() => normalizeFormData(def.type, form.data), [def.type, form.data]);
  const evidenceNumber = useMemo(() => formEvidenceNumber(portfolio, form.id), [portfolio, form.id]);
  const grid = useMemo(() => computedGrid(def, data, portfolio), [def, data, portfolio]);
  return (
    <article className="form-page">
      <FormHeading def={def} portfolioId={portfolio.enrolment.id} existing={form} />
      <p className="meta no-print">
        Read-only · saved {formatDateTime(form.updatedAt)}
        {evidenceNumber !== null && ` · evidence index number ${evidenceNumber}`}
      </p>
      {portfolio.specError && (
        <p className="alert no-print" role="alert">
          {portfolio.specError}
        </p>
      )}
      <div className="actions no-print">
        <button type="button" onClick={() => window.print()}>
          Print
        </button>
      </div>
      <FormPrintView def={def} data={data} spec={portfolio.spec} evidenceNumber={evidenceNumber} grid={grid} />
    </article>
  );
}
