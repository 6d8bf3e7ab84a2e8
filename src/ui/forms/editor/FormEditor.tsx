// Fill in one recording form. Every change is kept as a draft (debounced, and at once when the page is hidden
// or closed); a draft newer than the saved form is restored on the next visit; Save writes the form record.
import { useMemo, useState } from 'react';
import { formEvidenceNumber, type FormDefinition, type FormRecord } from '../../../domain';
import type { FieldContext } from '../fields/fieldContext';
import { FormPrintView } from '../print/FormPrintView';
import { computedGrid } from './computedGrid';
import { EditableForm } from './EditableForm';
import { FormHeading, FormNotices, FormToolbar, SavingNotes } from './FormHeader';
import type { LoadedPortfolio } from './formDraft';
import { useFormActions } from './useFormActions';
import { useFormDraft } from './useFormDraft';
import { useFirstScreenContent } from '../../firstScreen';
import { useAfterFirstPaint } from '../../components/useAfterFirstPaint';

export function FormEditor({
  portfolio,
  def,
  existing,
}: {
  portfolio: LoadedPortfolio;
  def: FormDefinition;
  existing: FormRecord | null;
}) {
  const [mode, setMode] = useState<'edit' | 'view'>('edit');
  const [error, setError] = useState<string | null>(null);
  const draft = useFormDraft(portfolio, def, existing, setError);
  const actions = useFormActions(portfolio, def, existing, draft, setError);
  const { state } = draft;
  const { spec, enrolment, people } = portfolio;
  const portfolioId = enrolment.id;
  const evidenceNumber = useMemo(() => (state ? formEvidenceNumber(portfolio, state.id) : null), [portfolio, state]);
  const grid = useMemo(() => state && computedGrid(def, state.data, portfolio), [state, def, portfolio]);
  useFirstScreenContent(state !== null);
  const restReady = useAfterFirstPaint(state !== null);

  if (!state) return <p role="status">Loading…</p>;

  const ctx: FieldContext = {
    spec,
    route: enrolment.route,
    people,
    data: state.data,
    evidenceNumber,
    problems: actions.problems,
  };
  const { linkedEvidence } = actions;
  return (
    <article className="form-page">
      <FormHeading def={def} portfolioId={portfolioId} existing={existing} />
      <FormNotices
        specError={portfolio.specError}
        restoredAt={state.restoredAt}
        onDiscard={() => void draft.discard()}
        message={actions.message}
        error={error}
      />
      <FormToolbar
        def={def}
        saved={existing !== null}
        inIndex={linkedEvidence !== undefined}
        busy={actions.busy}
        mode={mode}
        onMode={setMode}
        actions={actions}
      />
      <SavingNotes portfolioId={portfolioId} linkedEvidence={linkedEvidence} evidenceNumber={evidenceNumber} />
      {mode === 'edit' && (
        <EditableForm
          def={def}
          ctx={ctx}
          grid={grid}
          busy={actions.busy}
          sectionsShown={restReady ? def.sections.length : 1}
          saveProblem={actions.saveProblem}
          onSave={() => void actions.save()}
          onFields={(patch) => {
            draft.edit(patch);
            actions.clearMessage();
          }}
        />
      )}
      {restReady && (
        <FormPrintView
          def={def}
          data={state.data}
          spec={spec}
          evidenceNumber={evidenceNumber}
          grid={grid}
          className={mode === 'view' ? '' : 'print-only'}
        />
      )}
    </article>
  );
}
