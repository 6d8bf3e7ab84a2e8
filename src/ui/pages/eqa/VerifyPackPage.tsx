import { useState } from 'react';
import { Link } from 'react-router';
import { formatDate } from '../../../domain';
import { BundleError, verifiedPackReport, verifyPack, type VerifiedPack } from '../../../bundle';
import { draftKeys } from '../../../storage';
import { BundleFilePicker, type CheckProgress } from '../../components/BundleFilePicker';
import { MadeReportSection } from '../../components/SandboxedReport';
import { formatBytes } from '../../components/StorageMeter';
import { usePeople } from '../../data/hooks';
import { routes } from '../../routes';
import { useEqaPack } from '../../state/eqaPack';
import { OpenBundle } from '../VerifierPage';
import { PACK_ROUTES } from '../verifier/OpenedBundleView';
import { useKeptDecisions, type Samples } from '../verifier/hooks';
import { openPack, useOpenedPack, type PackSamples } from './openedPack';
import { PackDecisions } from './PackDecisions';

/**
 * An EQA visit pack opened read-only: checked completely first, then its report and its portfolios, each shown as
 * the verifier view shows a bundle, where the EQA records sampling decisions; they leave in one bundle for the
 * centre. The pack and the decisions not yet exported are kept on the device until the EQA closes it.
 */
export function VerifyPackPage() {
  const { pack, loading, problem } = useOpenedPack();
  const [checking, setChecking] = useState<CheckProgress | null>(null);
  const [error, setError] = useState<string | null>(null);

  async function check(file: File) {
    setError(null);
    setChecking({ done: 0, total: file.size });
    try {
      await openPack(await verifyPack(file, { onProgress: (done, total) => setChecking({ done, total }) }), file);
    } catch (e) {
      setError(
        e instanceof BundleError
          ? `This pack was refused; nothing was opened. ${e.message}`
          : `This file could not be read as an EQA visit pack: ${(e as Error).message}`,
      );
    } finally {
      setChecking(null);
    }
  }

  return (
    <section>
      <h1>Open an EQA visit pack</h1>
      <p className="lead">
        Choose the pack (.zip) the centre gave you. Every file, hash and the signature are checked before it opens.
        Read-only: nothing from the pack is added to this device’s portfolios; the pack and your decisions are kept here
        until you export them or close it.
      </p>
      <BundleFilePicker label="EQA visit pack file" what="pack" checking={checking} onFile={(f) => void check(f)} />
      {loading && <p role="status">Opening the pack you had open…</p>}
      {(error ?? problem) && (
        <p className="alert" role="alert" data-testid="pack-error">
          {error ?? problem}
        </p>
      )}
      {pack && <OpenedPack key={pack.packId} pack={pack} />}
      <p>
        <Link to={routes.eqaPack()}>Make an EQA visit pack</Link>
      </p>
    </section>
  );
}

function OpenedPack({ pack }: { pack: VerifiedPack }) {
  const [error, setError] = useState<string | null>(null);
  const kept = useKeptDecisions<PackSamples>(draftKeys.eqaPackDecisions(pack.packId), setError);
  const openId = useEqaPack((s) => s.openId);
  const open = pack.portfolios.find((p) => p.portfolioId === openId);
  const setSamples = (portfolioId: string) => (samples: Samples) => {
    const { [portfolioId]: _, ...others } = kept.value;
    kept.setValue(Object.keys(samples).length > 0 ? { ...others, [portfolioId]: samples } : others);
  };
  return (
    <>
      <PackSummary pack={pack} openId={openId} samples={kept.value} />
      <PackDecisions
        pack={pack}
        samples={kept.value}
        loaded={kept.loaded}
        autosave={kept.autosave}
        setError={setError}
        onExported={() => kept.setValue({})}
      />
      {error && (
        <p className="alert" role="alert">
          {error}
        </p>
      )}
      {open && (
        <OpenBundle
          bundle={open}
          enrolment={open.records.enrolments[0]!}
          samples={kept.value[open.portfolioId] ?? {}}
          setSamples={setSamples(open.portfolioId)}
          links={PACK_ROUTES}
        />
      )}
    </>
  );
}

function PackSummary({ pack, openId, samples }: { pack: VerifiedPack; openId: string | null; samples: PackSamples }) {
  const people = usePeople() ?? [];
  const show = useEqaPack((s) => s.show);
  const nameIn = (p: VerifiedPack['portfolios'][number], id: string) =>
    p.records.people.find((x) => x.id === id)?.name ?? people.find((x) => x.id === id)?.name ?? 'unnamed';
  return (
    <>
      <p className="meta" data-testid="pack-summary">
        Pack made {formatDate(pack.exportedAt)}
        {pack.sender ? ` by ${pack.sender.name}` : ''} · {pack.portfolios.length} portfolio(s),{' '}
        {formatBytes(pack.payloadBytes)} · signed by key <code>{pack.signer.fingerprint}</code> (
        {pack.signer.known ? `known: ${pack.signer.label}` : 'not seen before: compare it with the centre'})
      </p>
      <PackReport pack={pack} />
      <section aria-labelledby="pack-portfolios">
        <h2 id="pack-portfolios">Portfolios in the pack</h2>
        <ul className="plain-list">
          {pack.portfolios.map((p) => {
            const e = p.records.enrolments[0]!;
            const decided = Object.keys(samples[p.portfolioId] ?? {}).length;
            return (
              <li key={p.portfolioId}>
                <button
                  type="button"
                  className={openId === p.portfolioId ? undefined : 'secondary'}
                  aria-pressed={openId === p.portfolioId}
                  onClick={() => show(p.portfolioId)}
                >
                  {nameIn(p, e.candidateId)}
                </button>{' '}
                <span className="meta">
                  {p.specs[0]?.title ?? e.specId} · assessor {e.assessorId ? nameIn(p, e.assessorId) : 'none'}
                  {decided > 0 && ` · ${decided} decision${decided === 1 ? '' : 's'} not exported`}
                </span>
              </li>
            );
          })}
        </ul>
      </section>
    </>
  );
}

/** The visit report made here from the pack's verified data. */
function PackReport({ pack }: { pack: VerifiedPack }) {
  return (
    <MadeReportSection
      source={pack}
      make={verifiedPackReport}
      noun="pack"
      id="pack-report"
      heading="Visit report"
      title="EQA visit report, made from the pack’s data"
      showText="View the visit report"
      hideText="Hide the visit report"
    />
  );
}
