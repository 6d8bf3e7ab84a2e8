// The route of one recording form: a new form of a type ("new-observation") or a stored form by id.
import { Link, useLocation, useParams } from 'react-router';
import { formDefinition, isFormType, type FormType } from '../../domain';
import { usePortfolio } from '../data/hooks';
import { usePortfolioRoutes, useReadOnly } from '../data/openedPortfolio';
import { FormEditor } from './editor/FormEditor';
import { FormView } from './FormView';
import type { LoadedPortfolio } from './editor/formDraft';
import { useFirstScreenContent } from '../firstScreen';
import './forms.css';

export function FormPage() {
  const { portfolioId, formId } = useParams();
  const location = useLocation();
  const data = usePortfolio(portfolioId);
  const routes = usePortfolioRoutes();
  const readOnly = useReadOnly();
  // The editor says itself when its content (the draft read too) is shown; every other outcome is shown here.
  const editorShown =
    !readOnly &&
    !!data &&
    !!formId &&
    (formId.startsWith('new-') ? isTypedForm(formId.slice(4)) : data.forms.some((f) => f.id === formId));
  useFirstScreenContent(data !== undefined && !editorShown);
  if (data === undefined) return <p role="status">Loading…</p>;
  if (data === null || (!portfolioId && !readOnly) || !formId)
    return <p className="alert">No portfolio with this id on this device.</p>;
  const id = data.enrolment.id;
  if (formId.startsWith('new-') && !readOnly)
    return <NewForm portfolio={data} formId={formId} type={formId.slice(4)} />;
  const existing = data.forms.find((f) => f.id === formId);
  if (!existing) {
    // Just saved: the live query catches up in a moment.
    if ((location.state as { saved?: string } | null)?.saved) return <p role="status">Loading…</p>;
    return (
      <p className="alert">
        No form with this id in this portfolio. <Link to={routes.forms(id)}>See all forms</Link>.
      </p>
    );
  }
  if (readOnly) return <FormView portfolio={data} def={formDefinition(existing.formType)} form={existing} />;
  return <FormEditor key={formId} portfolio={data} def={formDefinition(existing.formType)} existing={existing} />;
}

/** A new form of this type is filled in by hand (not an unknown type, nor one made from the records). */
const isTypedForm = (type: string): type is FormType => isFormType(type) && !formDefinition(type).generated;

function NewForm({ portfolio, formId, type }: { portfolio: LoadedPortfolio; formId: string; type: string }) {
  const routes = usePortfolioRoutes();
  if (isTypedForm(type))
    return <FormEditor key={formId} portfolio={portfolio} def={formDefinition(type)} existing={null} />;
  if (!isFormType(type)) return <p className="alert">There is no recording form called “{type}”.</p>;
  const title = formDefinition(type).title.toLowerCase();
  return (
    <p className="alert">
      The {title} is made from your records, not typed:{' '}
      <Link to={routes.generatedForm(portfolio.enrolment.id, type)}>open the {title}</Link>.
    </p>
  );
}
