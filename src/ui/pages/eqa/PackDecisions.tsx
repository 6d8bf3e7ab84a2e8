// The EQA's decisions on the pack, all portfolios together: how many are waiting, exported as ONE signed bundle the
// centre merges through "Open a bundle" (bundle/eqaDecisions.ts), or discarded with the pack.
import { useState } from 'react';
import { countOf } from '../../../domain';
import { exportEqaDecisions, type ExportedBundle, type VerifiedPack } from '../../../bundle';
import { clearDraft, draftKeys } from '../../../storage';
import { formatBytes } from '../../components/StorageMeter';
import type { Autosave } from '../../data/useAutosave';
import { usePeople } from '../../data/hooks';
import { useActingVerifier } from '../VerifierPage';
import { CloseBundle } from '../verifier/CloseBundle';
import { closePack, type PackSamples } from './openedPack';

interface PackDecisionsProps {
  pack: VerifiedPack;
  samples: PackSamples;
  loaded: boolean;
  autosave: Autosave;
  setError: (message: string | null) => void;
  /** The decisions left in the bundle: they are no longer kept here. */
  onExported: () => void;
}

export function PackDecisions({ pack, samples, loaded, autosave, setError, onExported }: PackDecisionsProps) {
  const { verifier } = useActingVerifier();
  const [exported, setExported] = useState<{ bundle: ExportedBundle; url: string; what: string } | null>(null);
  const sampled = pack.portfolios.filter((p) => Object.keys(samples[p.portfolioId] ?? {}).length > 0);
  const count = sampled.reduce((n, p) => n + Object.keys(samples[p.portfolioId]!).length, 0);
  const candidates = useCandidateNames();

  async function exportAll() {
    setError(null);
    if (!verifier) return;
    try {
      const portfolios = sampled.map((p) => ({
        enrolment: p.records.enrolments[0]!,
        samples: Object.values(samples[p.portfolioId]!),
      }));
      const bundle = await exportEqaDecisions({ packId: pack.packId, verifier, portfolios });
      const what = `${countOf(count, 'decision', 'decisions')} on ${sampled.map((p) => candidates(p)).join(', ')}`;
      setExported({ bundle, url: URL.createObjectURL(bundle.blob), what });
      autosave.cancel();
      await clearDraft(draftKeys.eqaPackDecisions(pack.packId));
      onExported();
    } catch (e) {
      setError(`Your decisions could not be exported: ${(e as Error).message} They are still kept here.`);
    }
  }

  return (
    <section aria-labelledby="pack-decisions">
      <h2 id="pack-decisions">Your decisions on this pack</h2>
      <p data-testid="pack-decisions-count">
        {count === 0
          ? 'No decisions recorded yet: open a portfolio below and choose a decision on a unit.'
          : `${countOf(count, 'decision', 'decisions')} not yet exported, on ${sampled.map((p) => candidates(p)).join(', ')}.`}{' '}
        They leave together, as one signed bundle the centre merges under “Open a bundle”.
      </p>
      <button type="button" disabled={!verifier || count === 0} onClick={() => void exportAll()}>
        Export my decisions on the pack as one signed bundle
      </button>
      {exported && (
        <p role="status" data-testid="pack-decisions-ready">
          <a className="button" href={exported.url} download={exported.bundle.fileName}>
            Download the decisions bundle
          </a>{' '}
          ({formatBytes(exported.bundle.blob.size)}; {exported.what}) — the centre opens it on the IQA’s device and
          merges it.
        </p>
      )}
      <CloseBundle
        what="pack"
        close={() => closePack(pack.packId)}
        unexported={loaded ? count : 0}
        beforeClose={autosave.cancel}
        onError={setError}
      />
    </section>
  );
}

/** A portfolio of the pack named by its candidate, as the pack or this device knows them. */
function useCandidateNames() {
  const people = usePeople() ?? [];
  return (p: VerifiedPack['portfolios'][number]) => {
    const id = p.records.enrolments[0]!.candidateId;
    return p.records.people.find((x) => x.id === id)?.name ?? people.find((x) => x.id === id)?.name ?? 'a candidate';
  };
}
