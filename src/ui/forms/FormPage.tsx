// Fill in one recording form. Every change is kept as a draft (debounced, and at once when the page is hidden
// or closed); a draft newer than the saved form is restored on the next visit; Save writes the form record.
import { useCallback, useEffect, useMemo, useRef, useState } from 'react';
import { Link, useLocation, useNavigate, useParams } from 'react-router';
import type { FormRecord, FormType, QualificationSpec } from '../../domain';
import {
  buildElementAchievement,
  buildKnowledgeEvidence,
  formDefinition,
  formEvidenceNumber,
  formTitle,
  isFormType,
  normalizeFormData,
  prefillContext,
  prefillFormData,
  validateFormData,
  type FieldProblem,
  type FormData,
  type FormDefinition,
  type FormValue,
} from '../../domain/portfolio/forms';
import { clearDraft, deleteForm, loadDraft, newId, nowIso, saveDraft, saveEvidence, saveForm, todayIso, type FormEvidence, type PortfolioData, draftKeys } from '../../storage';
import { usePortfolio } from '../data/hooks';
import { SectionControls, type FieldContext } from './FormFields';
import { FormPrintView } from './FormPrintView';
import { KnowledgeGrid, PcDatesGrid } from './GeneratedViews';
import './forms.css';
import { routes } from '../routes';

/** What an autosaved draft of a form holds. */
export interface FormDraft {
  id: string;
  formType: FormType;
  data: FormData;
  savedAt: string;
}

export const AUTOSAVE_DELAY_MS = 400;

/** Draft key: the form's id once it has one; a new form's draft is kept per type and portfolio until saved. */
export const formDraftKey = draftKeys.form;
export const newFormDraftKey = draftKeys.newForm;

type Loaded = PortfolioData & { spec: QualificationSpec | null; specError: string | null };

export function FormPage() {
  const { portfolioId, formId } = useParams();
  const location = useLocation();
  const data = usePortfolio(portfolioId);
  if (data === undefined) return <p role="status">Loading…</p>;
  if (data === null || !portfolioId || !formId) return <p className="alert">No portfolio with this id on this device.</p>;

  const newType = formId.startsWith('new-') ? formId.slice(4) : null;
  if (newType !== null) {
    if (!isFormType(newType)) return <p className="alert">There is no recording form called “{newType}”.</p>;
    const def = formDefinition(newType);
    if (def.generated) {
      return (
        <p className="alert">
          The {def.title.toLowerCase()} is made from your records, not typed: <Link to={routes.generatedForm(portfolioId, newType)}>open the {def.title.toLowerCase()}</Link>.
        </p>
      );
    }
    return <FormEditor key={formId} portfolio={data} def={def} existing={null} />;
  }
  const existing = data.forms.find((f) => f.id === formId);
  if (!existing) {
    // Just saved: the live query catches up in a moment.
    if ((location.state as { saved?: string } | null)?.saved) return <p role="status">Loading…</p>;
    return (
      <p className="alert">
        No form with this id in this portfolio. <Link to={routes.forms(portfolioId)}>See all forms</Link>.
      </p>
    );
  }
  return <FormEditor key={formId} portfolio={data} def={formDefinition(existing.formType)} existing={existing} />;
}

/** Debounced draft writes, flushed when the page is hidden, closed or left; cancelled by Save. */
function useDraftWriter(key: string, onError: (message: string) => void) {
  const pending = useRef<FormDraft | null>(null);
  const timer = useRef<ReturnType<typeof setTimeout> | null>(null);
  const stopTimer = () => {
    if (timer.current) clearTimeout(timer.current);
    timer.current = null;
  };
  const flush = useCallback(() => {
    stopTimer();
    const draft = pending.current;
    pending.current = null;
    if (draft) saveDraft(key, draft).catch((e: Error) => onError(e.message));
  }, [key, onError]);
  const schedule = useCallback(
    (draft: FormDraft) => {
      pending.current = draft;
      stopTimer();
      timer.current = setTimeout(flush, AUTOSAVE_DELAY_MS);
    },
    [flush],
  );
  const cancel = useCallback(() => {
    stopTimer();
    pending.current = null;
  }, []);
  useEffect(() => {
    const onVisibility = () => {
      if (document.visibilityState === 'hidden') flush();
    };
    window.addEventListener('pagehide', flush);
    document.addEventListener('visibilitychange', onVisibility);
    return () => {
      window.removeEventListener('pagehide', flush);
      document.removeEventListener('visibilitychange', onVisibility);
      flush();
    };
  }, [flush]);
  return { schedule, cancel };
}

const timeText = (iso: string) => {
  const d = new Date(iso);
  return Number.isNaN(d.getTime()) ? iso : d.toLocaleString(undefined, { dateStyle: 'medium', timeStyle: 'short' });
};

function FormEditor({ portfolio, def, existing }: { portfolio: Loaded; def: FormDefinition; existing: FormRecord | null }) {
  const navigate = useNavigate();
  const location = useLocation();
  const { spec, enrolment, people } = portfolio;
  const portfolioId = enrolment.id;
  const type = def.type;
  const draftKey = existing ? formDraftKey(existing.id) : newFormDraftKey(type, portfolioId);
  // Fixed at mount: what the form holds before any draft (the saved form, or a blank one with what the portfolio knows).
  const [initial] = useState(() => ({
    id: existing?.id ?? null,
    updatedAt: existing?.updatedAt ?? null,
    data: existing ? normalizeFormData(type, existing.data) : prefillFormData(type, prefillContext(portfolio, spec)),
  }));
  const [state, setState] = useState<{ id: string; data: FormData; restoredAt: string | null } | null>(null);
  const [mode, setMode] = useState<'edit' | 'view'>('edit');
  const [error, setError] = useState<string | null>(null);
  const [message, setMessage] = useState<string | null>((location.state as { saved?: string } | null)?.saved ?? null);
  const [problems, setProblems] = useState<FieldProblem[]>([]);
  const [busy, setBusy] = useState(false);
  const { schedule, cancel } = useDraftWriter(draftKey, setError);

  useEffect(() => {
    let live = true;
    loadDraft<FormDraft>(draftKey)
      .then((draft) => {
        if (!live) return;
        const usable = draft && draft.formType === type && typeof draft.savedAt === 'string' && (!initial.updatedAt || draft.savedAt > initial.updatedAt);
        const id = initial.id ?? (draft && draft.formType === type ? draft.id : null) ?? newId();
        setState(usable ? { id, data: normalizeFormData(type, draft.data), restoredAt: draft.savedAt } : { id, data: initial.data, restoredAt: null });
      })
      .catch((e: Error) => live && setError(e.message));
    return () => {
      live = false;
    };
  }, [draftKey, type, initial]);

  const evidenceNumber = useMemo(() => (state ? formEvidenceNumber(portfolio, state.id) : null), [portfolio, state]);
  const linkedEvidence = state ? portfolio.evidence.find((e) => e.formId === state.id) : undefined;
  const grid = useMemo(() => {
    if (!state || !spec || !def.grid) return null;
    const unitCode = typeof state.data.unit === 'string' ? state.data.unit : '';
    if (!unitCode) return <p className="meta">Choose the unit to see the {def.grid === 'pc-dates' ? 'performance criteria and their dates' : 'knowledge items and their evidence'} from your records.</p>;
    if (def.grid === 'knowledge-evidence') return <KnowledgeGrid record={buildKnowledgeEvidence(portfolio, spec, unitCode)} />;
    const element = typeof state.data.element === 'string' ? state.data.element : '';
    if (!element) return <p className="meta">Choose the element to see its performance criteria and the dates from your records.</p>;
    const rec = buildElementAchievement(portfolio, spec, { unitCode, outcomeId: element });
    return rec.elements.map((e) => <PcDatesGrid key={e.outcomeId} element={e} />);
  }, [state, spec, def.grid, portfolio]);

  if (!state) return <p role="status">Loading…</p>;

  /** One change may set several fields at once (a signature: the typed name and the drawn image). */
  const onFields = (patch: Record<string, FormValue>) => {
    const data = { ...state.data, ...patch };
    setState({ ...state, data });
    setMessage(null);
    schedule({ id: state.id, formType: type, data, savedAt: nowIso() });
  };

  async function save() {
    if (!state) return;
    cancel();
    setBusy(true);
    setError(null);
    const found = validateFormData(type, state.data);
    try {
      const saved = await saveForm(
        {
          id: state.id,
          portfolioId,
          formType: type,
          title: formTitle(type, state.data),
          data: state.data,
          status: found.length ? 'draft' : 'complete',
        },
        linkedEvidence ? { evidenceId: linkedEvidence.id, ...evidenceOfForm(type, state.data) } : undefined,
      );
      await clearDraft(draftKey);
      const note = found.length ? `Saved. Still to fill in: ${found.map((p) => p.message).join('; ')}.` : 'Saved.';
      setProblems(found);
      setMessage(note);
      setState({ ...state, restoredAt: null });
      if (!existing) void navigate(routes.form(portfolioId, saved.id), { replace: true, state: { saved: note } });
    } catch (e) {
      setError((e as Error).message);
    } finally {
      setBusy(false);
    }
  }

  async function discardDraft() {
    cancel();
    await clearDraft(draftKey);
    setState({ id: state!.id, data: initial.data, restoredAt: null });
  }

  async function remove() {
    if (!existing || !window.confirm(`Delete this ${def.title.toLowerCase()}?`)) return;
    cancel();
    try {
      await deleteForm(portfolioId, existing.id);
      await clearDraft(draftKey);
      void navigate(routes.forms(portfolioId));
    } catch (e) {
      setError(`${(e as Error).message} The form was not deleted.`);
    }
  }

  /** Observation, witness testimony … are evidence: add the saved form to the index, linked to the criteria it names. */
  async function addToIndex() {
    if (!state || !def.evidenceType || !existing) return;
    setBusy(true);
    try {
      const { details, criteria } = evidenceOfForm(type, state.data);
      await saveEvidence({ evidence: { portfolioId, type: def.evidenceType, ...details, formId: existing.id }, criteria });
      setMessage('Added to the index of evidence.');
    } catch (e) {
      setError((e as Error).message);
    } finally {
      setBusy(false);
    }
  }

  const ctx: FieldContext = { spec, route: enrolment.route, people, data: state.data, evidenceNumber, problems };
  const print = () => window.print();

  return (
    <article className="form-page">
      <p className="breadcrumb no-print">
        <Link to={routes.portfolio(portfolioId)}>Portfolio</Link> › <Link to={routes.forms(portfolioId)}>Recording forms</Link> ›
      </p>
      <h1 className="no-print">
        {existing ? def.title : `New ${def.title.toLowerCase()}`}
        {existing && <span className="tag">{existing.status === 'complete' ? 'complete' : 'draft'}</span>}
      </h1>
      {portfolio.specError && (
        <p className="alert no-print" role="alert">
          {portfolio.specError}
        </p>
      )}
      {state.restoredAt && (
        <div className="banner no-print" role="status">
          <span>Restored your unsaved changes from {timeText(state.restoredAt)}.</span>
          <button type="button" className="secondary" onClick={() => void discardDraft()}>
            Discard them
          </button>
        </div>
      )}
      {message && (
        <p className="notice no-print" role="status">
          {message}
        </p>
      )}
      {error && (
        <p className="alert no-print" role="alert">
          {error}
        </p>
      )}
      <div className="actions no-print" role="toolbar" aria-label="Form actions">
        <button type="button" onClick={() => void save()} disabled={busy}>
          Save
        </button>
        <button type="button" className="secondary" aria-pressed={mode === 'view'} onClick={() => setMode(mode === 'edit' ? 'view' : 'edit')}>
          {mode === 'edit' ? 'View as printed' : 'Back to editing'}
        </button>
        <button type="button" className="secondary" onClick={print}>
          Print
        </button>
        {existing && def.evidenceType && !linkedEvidence && (
          <button type="button" className="secondary" onClick={() => void addToIndex()} disabled={busy}>
            Add to the index of evidence
          </button>
        )}
        {existing && (
          <button type="button" className="secondary danger" onClick={() => void remove()}>
            Delete
          </button>
        )}
      </div>
      {linkedEvidence && (
        <p className="meta no-print">
          In the index of evidence as number {evidenceNumber}: <Link to={routes.evidence(portfolioId, linkedEvidence.id)}>{linkedEvidence.title}</Link>
        </p>
      )}
      <p className="meta no-print">Changes are kept on this device as you type; Save files the form in the portfolio.</p>

      {mode === 'edit' && (
        <form
          className="form-editor no-print"
          aria-label={def.title}
          onSubmit={(e) => {
            e.preventDefault();
            void save();
          }}
        >
          {def.sections.map((section, i) => (
            <section key={section.title} className="form-section" aria-label={section.title}>
              {!section.untitled && !(section.fields.length === 1 && section.fields[0]!.label === section.title) && <h2>{section.title}</h2>}
              {i === 0 && def.intro && <p className="pre-line meta">{def.intro}</p>}
              <SectionControls section={section} ctx={ctx} onFields={onFields} />
              {i === 0 && grid && (
                <div className="computed-grid">
                  <h2>{def.grid === 'pc-dates' ? 'Performance criteria' : 'Knowledge and understanding'}</h2>
                  <p className="meta">From your evidence and its links to criteria: not typed here.</p>
                  {grid}
                </div>
              )}
            </section>
          ))}
          <button type="submit" disabled={busy}>
            Save
          </button>
        </form>
      )}
      <FormPrintView def={def} data={state.data} spec={spec} evidenceNumber={evidenceNumber} grid={grid} className={mode === 'view' ? '' : 'print-only'} />
    </article>
  );
}

/** What a form says of the evidence item it is: title, description, date, and the criteria it names. */
function evidenceOfForm(type: FormType, d: Record<string, FormValue>): FormEvidence {
  const keys = [...(Array.isArray(d.pcsCovered) ? d.pcsCovered : []), ...(Array.isArray(d.knowledgeCovered) ? d.knowledgeCovered : [])].filter((k): k is string => typeof k === 'string');
  const firstRowDate = Array.isArray(d.statements) ? d.statements.map((r) => (typeof r === 'object' ? r.date : '')).find((x) => typeof x === 'string' && x) : '';
  const date = [d.date, firstRowDate, d.assessorDate].find((x): x is string => typeof x === 'string' && /^\d{4}-\d{2}-\d{2}$/.test(x)) ?? todayIso();
  return {
    details: { title: formTitle(type, d), description: typeof d.activities === 'string' ? d.activities : typeof d.details === 'string' ? d.details : '', date },
    criteria: keys.map((k) => ({ unitCode: k.split('|')[0]!, criterionKey: k })),
  };
}
