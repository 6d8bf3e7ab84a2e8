// The top of the form editor: where it is, its title, status lines (restored draft, saved, errors) and buttons.
import { Link } from 'react-router';
import { formatDateTime, type FormDefinition, type FormRecord } from '../../../domain';
import { routes } from '../../routes';
import { usePortfolioRoutes } from '../../data/openedPortfolio';

const timeText = (iso: string) => formatDateTime(iso);

export function FormHeading({
  def,
  portfolioId,
  existing,
}: {
  def: FormDefinition;
  portfolioId: string;
  existing: FormRecord | null;
}) {
  const links = usePortfolioRoutes();
  return (
    <>
      <p className="breadcrumb no-print">
        <Link to={links.portfolio(portfolioId)}>Portfolio</Link> ›{' '}
        <Link to={links.forms(portfolioId)}>Recording forms</Link> ›
      </p>
      <h1 className="no-print">
        {existing ? def.title : `New ${def.title.toLowerCase()}`}
        {existing && <span className="tag">{existing.status === 'complete' ? 'complete' : 'draft'}</span>}
      </h1>
    </>
  );
}

export function FormNotices({
  specError,
  restoredAt,
  onDiscard,
  message,
  error,
}: {
  specError: string | null;
  restoredAt: string | null;
  onDiscard: () => void;
  message: string | null;
  error: string | null;
}) {
  return (
    <>
      {specError && (
        <p className="alert no-print" role="alert">
          {specError}
        </p>
      )}
      {restoredAt && (
        <div className="banner no-print" role="status">
          <span>Restored your unsaved changes from {timeText(restoredAt)}.</span>
          <button type="button" className="secondary" onClick={onDiscard}>
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
    </>
  );
}

export function FormToolbar({
  def,
  saved,
  inIndex,
  busy,
  mode,
  onMode,
  actions,
}: {
  def: FormDefinition;
  /** The form is stored (not a new one). */
  saved: boolean;
  /** The form is already an item of the index of evidence. */
  inIndex: boolean;
  busy: boolean;
  mode: 'edit' | 'view';
  onMode: (mode: 'edit' | 'view') => void;
  actions: { save(): Promise<void>; remove(): Promise<void>; addToIndex(): Promise<void> };
}) {
  return (
    <div className="actions no-print" role="toolbar" aria-label="Form actions">
      <button type="button" onClick={() => void actions.save()} disabled={busy}>
        Save
      </button>
      <button
        type="button"
        className="secondary"
        aria-pressed={mode === 'view'}
        onClick={() => onMode(mode === 'edit' ? 'view' : 'edit')}
      >
        {mode === 'edit' ? 'View as printed' : 'Back to editing'}
      </button>
      <button type="button" className="secondary" onClick={() => window.print()}>
        Print
      </button>
      {saved && def.evidenceType && !inIndex && (
        <button type="button" className="secondary" onClick={() => void actions.addToIndex()} disabled={busy}>
          Add to the index of evidence
        </button>
      )}
      {saved && (
        <button type="button" className="secondary danger" onClick={() => void actions.remove()}>
          Delete
        </button>
      )}
    </div>
  );
}

/** Where the form stands: in the index of evidence (as which number), and how its changes are kept. */
export function SavingNotes({
  portfolioId,
  linkedEvidence,
  evidenceNumber,
}: {
  portfolioId: string;
  linkedEvidence: { id: string; title: string } | undefined;
  evidenceNumber: number | null;
}) {
  return (
    <>
      {linkedEvidence && (
        <p className="meta no-print">
          In the index of evidence as number {evidenceNumber}:{' '}
          <Link to={routes.evidence(portfolioId, linkedEvidence.id)}>{linkedEvidence.title}</Link>
        </p>
      )}
      <p className="meta no-print">
        Changes are kept on this device as you type; Save files the form in the portfolio.
      </p>
    </>
  );
}
