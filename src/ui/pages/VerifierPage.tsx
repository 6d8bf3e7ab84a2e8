import { formatDate } from '../../domain';
import { useState, type ReactNode } from 'react';
import { Link, useNavigate } from 'react-router';
import type { Enrolment } from '../../domain';
import type { VerifiedBundle } from '../../bundle';
import { useActingPersonId, usePeople } from '../data/hooks';
import type { PortfolioRoutes } from '../data/openedPortfolio';
import { routes } from '../routes';
import { BundleEvidence } from './verifier/BundleEvidence';
import { CloseBundle } from './verifier/CloseBundle';
import { NoBundleOpen, VERIFY_ROUTES } from './verifier/OpenedBundleView';
import { ReportSection } from './verifier/ReportSection';
import { ExportDecisions, SamplingSection } from './verifier/SamplingSection';
import { useBundleProgress, useVerifierSamples, type Samples } from './verifier/hooks';
import { clearDraft } from '../../storage';
import { closeOpenedBundle, useOpenedBundle } from './verifier/openedBundle';
import { VerifierIdentity } from './verifier/VerifierIdentity';
import { VerifierRules } from './verifier/VerifierRules';

/**
 * A bundle opened read-only: completeness, rules status, evidence and signatures, and the assessor's own unit,
 * evidence and form pages over it; sampling decisions exported as a small signed bundle. The bundle and the
 * decisions not yet exported are kept on the device until the verifier closes it (verifier/openedBundle.ts).
 */
export function VerifierPage() {
  const { bundle, loading, problem } = useOpenedBundle();
  const enrolment = bundle?.records.enrolments[0];
  if (loading) return <p role="status">Opening the bundle you had open…</p>;
  if (!bundle || !enrolment) return <NoBundleOpen problem={problem} />;
  return <OpenedBundle bundle={bundle} enrolment={enrolment} problem={problem} />;
}

/** The one bundle opened: its decisions exported on their own, and the bundle closed here. */
function OpenedBundle({
  bundle,
  enrolment,
  problem,
}: {
  bundle: VerifiedBundle;
  enrolment: Enrolment;
  problem: string | null;
}) {
  const [error, setError] = useState<string | null>(null);
  const { samples, setSamples, draftKey, loaded, autosave } = useVerifierSamples(bundle.portfolioId, setError);
  const { verifier } = useActingVerifier();
  const navigate = useNavigate();
  return (
    <OpenBundle
      bundle={bundle}
      enrolment={enrolment}
      problem={error ?? problem}
      samples={samples}
      setSamples={setSamples}
      links={VERIFY_ROUTES}
      exportPart={
        <ExportDecisions
          enrolment={enrolment}
          verifier={verifier}
          samples={samples}
          setError={setError}
          onExported={async () => {
            // Exported: the decisions leave the device in the bundle, and are no longer drafts kept here.
            autosave.cancel();
            await clearDraft(draftKey);
            setSamples({});
          }}
        />
      }
      closePart={
        <CloseBundle
          what="bundle"
          close={() => closeOpenedBundle(bundle.portfolioId).then(() => navigate(routes.openBundle()))}
          unexported={loaded ? Object.keys(samples).length : 0}
          beforeClose={autosave.cancel}
          onError={setError}
        />
      }
    />
  );
}

const isVerifier = (p: { roles: string[] }) => p.roles.includes('iqa') || p.roles.includes('ev');

/** The people here, and the acting person when they are an IQA or an EQA (who may record sampling decisions). */
export function useActingVerifier() {
  const people = usePeople();
  const acting = useActingPersonId();
  const actingPerson = people?.find((p) => p.id === acting);
  return { people, verifier: actingPerson && isVerifier(actingPerson) ? actingPerson : null };
}

interface OpenBundleProps {
  bundle: VerifiedBundle;
  enrolment: Enrolment;
  problem?: string | null;
  samples: Samples;
  setSamples: (samples: Samples) => void;
  /** Where its unit, evidence and form links lead: the opened bundle's read-only views, or the pack portfolio's. */
  links: PortfolioRoutes;
  /** How the decisions leave: under the table (one bundle), or none when an EQA pack exports them all at once. */
  exportPart?: ReactNode;
  closePart?: ReactNode;
}

/** A portfolio opened read-only, from a bundle or an EQA visit pack: its state, report, sampling and evidence. */
export function OpenBundle({
  bundle,
  enrolment,
  problem,
  samples,
  setSamples,
  links,
  exportPart,
  closePart,
}: OpenBundleProps) {
  const { people, verifier } = useActingVerifier();
  const { spec, progress } = useBundleProgress(bundle, enrolment);
  const candidate = bundle.records.people.find((p) => p.id === enrolment.candidateId);
  const { signer } = bundle;
  return (
    <article>
      <h1>Verifier view: {candidate?.name}</h1>
      <p className="meta">
        Read-only: kept on this device until you close it, never added to its portfolios.{' '}
        {spec?.title ?? enrolment.specId} · exported {formatDate(bundle.exportedAt)} · signed by key{' '}
        <code>{signer.fingerprint}</code> ({signer.known ? `known: ${signer.label}` : 'not seen before'})
      </p>
      {problem && (
        <p className="alert" role="alert">
          {problem}
        </p>
      )}
      {people && !verifier && <VerifierIdentity verifiersHere={people.filter(isVerifier)} />}
      {progress && <VerifierRules progress={progress} />}
      <ReportSection bundle={bundle} spec={spec} />
      {!spec && (
        <p className="alert" data-testid="verifier-no-spec">
          This bundle does not carry the qualification spec ({enrolment.specId} {enrolment.specVersion}) and this device
          does not have it: completeness and the rules cannot be judged. Ask for a full bundle.
        </p>
      )}
      <SamplingSection
        units={progress?.units ?? []}
        verifier={verifier}
        samples={samples}
        setSamples={setSamples}
        unitLink={(code) => links.unit(enrolment.id, code)}
      >
        {exportPart}
      </SamplingSection>
      <p>
        <Link to={links.forms(enrolment.id)}>Recording forms</Link> of this portfolio: the forms filled in and those
        made from its records, read-only.
      </p>
      <BundleEvidence bundle={bundle} evidenceLink={(id) => links.evidence(enrolment.id, id)} />
      {closePart}
    </article>
  );
}
