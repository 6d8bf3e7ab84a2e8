import { useEffect, useMemo, useState } from 'react';
import { useLiveQuery } from 'dexie-react-hooks';
import { computeProgress, mappingsOf, type Enrolment } from '../../../domain';
import { type VerifiedBundle, type VerifierSample } from '../../../bundle';
import { draftKeys, loadDraft, loadStoredSpec, todayIso } from '../../../storage';
import { useAutosave } from '../../data/useAutosave';

/** The verifier's sampling decisions by unit code. */
export type Samples = Record<string, VerifierSample>;

/**
 * The sampling decisions being made on an open bundle, kept as a draft so a reload does not lose them. A draft
 * that cannot be read is reported through `onError` and the page starts with no decisions.
 */
export function useVerifierSamples(portfolioId: string, onError: (message: string) => void) {
  const kept = useKeptDecisions<Samples>(draftKeys.verifierSamples(portfolioId), onError);
  return { ...kept, samples: kept.value, setSamples: kept.setValue };
}

const NONE = {};

/**
 * Decisions not yet exported, kept under `draftKey` (one bundle's samples, or a pack's per portfolio). Written at
 * once, not after a pause: a decision is one choice, the draft small, and a reload or crash right after choosing
 * must not lose it.
 */
export function useKeptDecisions<T extends object>(draftKey: string, onError: (message: string) => void) {
  const [value, setValue] = useState<T>(NONE as T);
  const [loaded, setLoaded] = useState(false);
  useEffect(() => {
    void loadDraft<T>(draftKey)
      .then(
        (saved) => setValue(saved ?? (NONE as T)),
        (e: Error) => onError(`Your saved sampling decisions could not be read (${e.message}); starting with none.`),
      )
      .finally(() => setLoaded(true));
  }, [draftKey, onError]);
  const autosave = useAutosave(draftKey, value, loaded, onError, { delayMs: 0 });
  return { value, setValue, draftKey, loaded, autosave };
}

/** The bundle's spec; an incremental bundle carries none, so the one stored here, if any. */
export function useBundleSpec(bundle: VerifiedBundle, enrolment: Enrolment) {
  const storedSpec = useLiveQuery(
    async () => (bundle.specs.length === 0 ? loadStoredSpec(enrolment.specId, enrolment.specVersion) : null),
    [enrolment, bundle],
  );
  return (
    bundle.specs.find((x) => x.id === enrolment.specId && x.version === enrolment.specVersion) ??
    bundle.specs[0] ??
    storedSpec ??
    null
  );
}

/** The bundle's spec and the progress it shows. */
export function useBundleProgress(bundle: VerifiedBundle, enrolment: Enrolment) {
  const spec = useBundleSpec(bundle, enrolment);
  const progress = useMemo(() => {
    if (!spec) return null;
    const live = <T extends { deleted: boolean }>(xs: T[]) => xs.filter((x) => !x.deleted);
    const evidence = live(bundle.records.evidence);
    const input = {
      enrolment,
      people: bundle.records.people,
      evidence,
      mappings: mappingsOf(evidence),
      decisions: live(bundle.records.decisions),
      signatures: live(bundle.records.signatures),
    };
    return computeProgress(spec, input, todayIso());
  }, [bundle, spec, enrolment]);
  return { spec, progress };
}
