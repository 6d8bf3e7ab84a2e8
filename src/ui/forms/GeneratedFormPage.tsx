// The forms the seed shows as derived from other records, computed from the portfolio: never typed twice.
import { useMemo } from 'react';
import { Link, useParams } from 'react-router';
import {
  buildContentsChecklist,
  buildElementAchievement,
  buildIndexOfEvidence,
  buildKnowledgeEvidenceForRoute,
  buildUnitProgress,
  candidateNameOf,
  formDefinition,
  isFormType,
  personName,
  type FormType,
  type QualificationSpec,
} from '../../domain';
import type { PortfolioData } from '../../storage';
import { usePortfolio } from '../data/hooks';
import { usePortfolioRoutes, useReadOnly } from '../data/openedPortfolio';
import { ContentsChecklistView } from './generated/ContentsChecklistView';
import { ElementAchievementView } from './generated/ElementAchievementView';
import { IndexOfEvidenceView } from './generated/IndexOfEvidenceView';
import { KnowledgeEvidenceView } from './generated/KnowledgeEvidenceView';
import { UnitProgressView } from './generated/UnitProgressView';
import './forms.css';

/** The form types that can be shown wholly computed from the records. */
export const GENERATED_VIEWS: readonly FormType[] = [
  'contents-checklist',
  'index-of-evidence',
  'unit-progress-signoff',
  'element-achievement',
  'knowledge-evidence',
];

function GeneratedBody({
  type,
  portfolio,
  spec,
}: {
  type: FormType;
  portfolio: PortfolioData;
  spec: QualificationSpec;
}) {
  const body = useMemo(() => {
    switch (type) {
      case 'index-of-evidence':
        return <IndexOfEvidenceView index={buildIndexOfEvidence(portfolio, spec)} />;
      case 'unit-progress-signoff':
        return <UnitProgressView progress={buildUnitProgress(portfolio, spec)} />;
      case 'contents-checklist':
        return <ContentsChecklistView list={buildContentsChecklist(portfolio, spec)} />;
      case 'element-achievement':
        return <ElementAchievementView record={buildElementAchievement(portfolio, spec)} />;
      case 'knowledge-evidence':
        return (
          <KnowledgeEvidenceView
            records={buildKnowledgeEvidenceForRoute(portfolio, spec)}
            svqTitle={spec.title}
            candidate={candidateNameOf(portfolio)}
            assessor={personName(portfolio, portfolio.enrolment.assessorId)}
          />
        );
      default:
        return null;
    }
  }, [type, portfolio, spec]);
  return body;
}

export function GeneratedFormPage() {
  const { portfolioId, formType } = useParams();
  const data = usePortfolio(portfolioId);
  const routes = usePortfolioRoutes();
  const readOnly = useReadOnly();
  if (data === undefined) return <p role="status">Loading…</p>;
  if (data === null || (!portfolioId && !readOnly))
    return <p className="alert">No portfolio with this id on this device.</p>;
  const id = data.enrolment.id;
  if (!formType || !isFormType(formType) || !GENERATED_VIEWS.includes(formType)) {
    return (
      <p className="alert">
        “{formType}” is not a form made from your records. <Link to={routes.forms(id)}>See all forms</Link>.
      </p>
    );
  }
  const def = formDefinition(formType);
  return (
    <article className="form-page generated">
      <p className="breadcrumb no-print">
        <Link to={routes.portfolio(id)}>Portfolio</Link> › <Link to={routes.forms(id)}>Recording forms</Link> ›
      </p>
      <h1 className="no-print">{def.title}</h1>
      <p className="meta no-print">
        Made from the portfolio’s evidence, links to criteria and sign-offs as they stand now: nothing here is typed, so
        it is always up to date.
      </p>
      <div className="actions no-print">
        <button type="button" onClick={() => window.print()}>
          Print
        </button>
      </div>
      {data.spec ? (
        <article className="form-sheet" aria-label={`${def.title} (print layout)`}>
          <h2 className="sheet-title">{def.title}</h2>
          <GeneratedBody type={formType} portfolio={data} spec={data.spec} />
        </article>
      ) : (
        <p className="alert" role="alert">
          {data.specError ?? 'The qualification spec of this portfolio is not on this device.'}
        </p>
      )}
    </article>
  );
}
