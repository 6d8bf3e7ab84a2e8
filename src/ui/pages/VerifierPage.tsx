import { formatDate } from '../../domain';
import { useState } from 'react';
import { Link } from 'react-router';
import type { Enrolment } from '../../domain';
import type { VerifiedBundle } from '../../bundle';
import { useActingPersonId, usePeople } from '../data/hooks';
import { useVerifier } from '../state/verifier';
import { routes } from '../routes';
import { BundleEvidence } from './verifier/BundleEvidence';
import { ReportSection } from './verifier/ReportSection';
import { SamplingSection } from './verifier/SamplingSection';
import { useBundleProgress, useVerifierSamples } from './verifier/hooks';
import { VerifierRules } from './verifier/VerifierRules';

/** A bundle opened read-only: completeness, rules status, evidence and signatures; sampling decisions exported as a small signed bundle. */
export function VerifierPage() {
  const bundle = useVerifier((s) => s.bundle);
  const enrolment = bundle?.records.enrolments[0];
  if (!bundle || !enrolment) {
    return (
      <section>
        <h1>Verifier view</h1>
        <p>
          No bundle is open. <Link to={routes.openBundle()}>Open a bundle</Link> and choose “Open read-only”.
        </p>
      </section>
    );
  }
  return <OpenBundle bundle={bundle} enrolment={enrolment} />;
}

export function OpenBundle({ bundle, enrolment }: { bundle: VerifiedBundle; enrolment: Enrolment }) {
  const people = usePeople();
  const acting = useActingPersonId();
  const [error, setError] = useState<string | null>(null);
  const { samples, setSamples, draftKey } = useVerifierSamples(bundle.portfolioId, setError);
  const { spec, progress } = useBundleProgress(bundle, enrolment);
  const candidate = bundle.records.people.find((p) => p.id === enrolment.candidateId);
  const actingPerson = people?.find((p) => p.id === acting);
  const verifier =
    actingPerson && (actingPerson.roles.includes('iqa') || actingPerson.roles.includes('ev')) ? actingPerson : null;
  const { signer } = bundle;
  return (
    <article>
      <h1>Verifier view: {candidate?.name}</h1>
      <p className="meta">
        Read-only: nothing from this bundle is stored on this device. {spec?.title ?? enrolment.specId} · exported{' '}
        {formatDate(bundle.exportedAt)} · signed by key <code>{signer.fingerprint}</code> (
        {signer.known ? `known: ${signer.label}` : 'not seen before'})
      </p>
      {error && (
        <p className="alert" role="alert">
          {error}
        </p>
      )}
      {progress && <VerifierRules progress={progress} />}
      <ReportSection bundle={bundle} spec={spec} />
      {!spec && (
        <p className="alert" data-testid="verifier-no-spec">
          This bundle does not carry the qualification spec ({enrolment.specId} {enrolment.specVersion}) and this device
          does not have it: completeness and the rules cannot be judged. Ask for a full bundle.
        </p>
      )}
      <SamplingSection
        enrolment={enrolment}
        units={progress?.units ?? []}
        verifier={verifier}
        samples={samples}
        setSamples={setSamples}
        draftKey={draftKey}
        setError={setError}
      />
      <BundleEvidence bundle={bundle} />
    </article>
  );
}
