import { useMemo } from 'react';
import { Link, useParams } from 'react-router';
import { computeProgress, formatDate } from '../../domain';
import { todayIso } from '../../storage';
import { usePortfolio } from '../data/hooks';
import { ExportPanel } from '../components/ExportPanel';
import { EnrolmentEditor } from '../components/EnrolmentEditor';
import { routes } from '../routes';
import { AuditSection } from './portfolio/AuditSection';
import { AwardSection } from './portfolio/AwardSection';
import { ChecksSection } from './portfolio/ChecksSection';
import { ConflictsSection } from './portfolio/ConflictsSection';
import { DeclarationSection } from './portfolio/DeclarationSection';
import { EvidenceList } from './portfolio/EvidenceList';
import { ProgressMatrix } from './portfolio/ProgressMatrix';
import { QualityAssurance } from './portfolio/QualityAssurance';
import { OpenQaActions } from '../components/OpenQaActions';
import { useAfterFirstPaint } from '../components/useAfterFirstPaint';
import { DeletedPortfolio, DeletePortfolioSection } from './portfolio/DeletePortfolio';
import { UndoDeletionNote, useUndoableDeletion } from '../components/DeleteWithUndo';
import { useFirstScreenContent } from '../firstScreen';

export function PortfolioPage() {
  const { portfolioId } = useParams();
  const data = usePortfolio(portfolioId);
  const progress = useMemo(() => (data?.spec ? computeProgress(data.spec, data, todayIso()) : null), [data]);
  const restReady = useAfterFirstPaint(data !== undefined);
  const deletions = useUndoableDeletion();
  useFirstScreenContent(data !== undefined);
  if (data === undefined) return <p role="status">Loading…</p>;
  if (data === null) {
    if (deletions.deletion?.id === portfolioId) return <DeletedPortfolio deletions={deletions} />;
    return <p className="alert">No portfolio with this id on this device.</p>;
  }
  const { enrolment, people, spec } = data;
  const person = (id: string | null) => people.find((p) => p.id === id);
  const candidate = person(enrolment.candidateId);

  return (
    <article className="portfolio">
      <p className="breadcrumb">
        <Link to={routes.home()}>Portfolios</Link> ›
      </p>
      <h1>{candidate?.name ?? 'Candidate'}</h1>
      <UndoDeletionNote state={deletions} />
      <p className="meta">
        {spec?.title ?? enrolment.specId} · spec {enrolment.specVersion} · started {formatDate(enrolment.startDate)}
        {enrolment.assessorId && ` · assessor ${person(enrolment.assessorId)?.name ?? ''}`}
      </p>
      {data.specError && (
        <p className="alert" role="alert">
          {data.specError}
        </p>
      )}
      <ReadProblems problems={data.problems} />
      <nav className="actions" aria-label="Portfolio actions">
        <Link className="button" to={routes.newEvidence(enrolment.id, 'O')}>
          Record an observation
        </Link>
        <Link className="button secondary" to={routes.newEvidence(enrolment.id)}>
          Add other evidence
        </Link>
        <Link className="button secondary" to={routes.forms(enrolment.id)}>
          Recording forms
        </Link>
      </nav>
      {progress && spec && <ChecksSection progress={progress} portfolioId={enrolment.id} />}
      {restReady ? (
        <>
          {progress && spec && (
            <>
              <AwardSection progress={progress} />
              <ProgressMatrix progress={progress} portfolioId={enrolment.id} />
            </>
          )}
          <EnrolmentEditor enrolment={enrolment} spec={spec} people={people} decisions={data.decisions} />
          <QualityAssurance data={data} />
          <OpenQaActions portfolioId={enrolment.id} />
          <ConflictsSection portfolioId={enrolment.id} />
          <ExportPanel portfolioId={enrolment.id} />
          <EvidenceList data={data} />
          <DeclarationSection data={data} candidateName={candidate?.name ?? ''} />
          <AuditSection portfolioId={enrolment.id} people={people} />
          <DeletePortfolioSection
            portfolioId={enrolment.id}
            candidateName={candidate?.name ?? 'the candidate'}
            recordCount={
              data.evidence.length +
              data.media.length +
              data.forms.length +
              data.decisions.length +
              data.signatures.length
            }
            deletions={deletions}
          />
        </>
      ) : (
        <p role="status">Loading the rest of the portfolio…</p>
      )}
    </article>
  );
}

/** Records that failed validation when read back: shown, never silently dropped. */
function ReadProblems({ problems }: { problems: string[] }) {
  if (problems.length === 0) return null;
  return (
    <div className="alert" role="alert">
      <p>Some stored records could not be read and are not shown:</p>
      <ul>
        {problems.map((p) => (
          <li key={p}>{p}</li>
        ))}
      </ul>
    </div>
  );
}
