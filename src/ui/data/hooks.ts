// Durable state comes from the storage layer through useLiveQuery: screens update when data changes.
import { useContext } from 'react';
import { useLiveQuery } from 'dexie-react-hooks';
import { listEnrolments, listStoredSpecs, loadPortfolio, loadStoredSpec } from '../../storage';
import { OpenedPortfolioContext } from './openedPortfolio';

export { useActingPersonId, usePeople, useStorageStatus } from './liveHooks';
export const useEnrolments = () => useLiveQuery(listEnrolments, [], undefined);
export const useStoredSpecs = () => useLiveQuery(listStoredSpecs, [], undefined);

/** A portfolio with its spec (or why the spec is missing), read from storage; null if there is none. */
async function readPortfolio(portfolioId: string) {
  const data = await loadPortfolio(portfolioId);
  if (!data) return null;
  let spec = null;
  let specError: string | null = null;
  try {
    spec = await loadStoredSpec(data.enrolment.specId, data.enrolment.specVersion);
    if (!spec)
      specError = `The qualification spec ${data.enrolment.specId} version ${data.enrolment.specVersion} is not on this device.`;
  } catch (e) {
    specError = (e as Error).message;
  }
  return { ...data, spec, specError };
}

type ReadPortfolio = Awaited<ReturnType<typeof readPortfolio>>;

/**
 * The portfolio of the address the app was opened at, read while its screen's chunk is still being fetched
 * (`main.tsx`): on a cold start the screen would otherwise open the database and read only after its chunk had
 * come, one wait after the other. The screen's live query still reads it again and keeps it current; this is only
 * what it shows until that first read is back, and is dropped as soon as it is.
 */
let readAtStart: { portfolioId: string; data?: ReadPortfolio } | null = null;

export function readPortfolioAtStart(portfolioId: string) {
  const entry: { portfolioId: string; data?: ReadPortfolio } = { portfolioId };
  readAtStart = entry;
  void readPortfolio(portfolioId).then(
    (data) => (entry.data = data),
    () => undefined, // the screen's own read reports it
  );
}

/** A portfolio on this device; inside a read-only view (OpenedPortfolioContext), the opened portfolio instead. */
export function usePortfolio(portfolioId: string | undefined) {
  const opened = useContext(OpenedPortfolioContext);
  const early = !opened && readAtStart?.portfolioId === portfolioId ? readAtStart?.data : undefined;
  const stored = useLiveQuery(
    async () => {
      if (opened || !portfolioId) return null;
      const data = await readPortfolio(portfolioId);
      if (readAtStart?.portfolioId === portfolioId) readAtStart = null;
      return data;
    },
    [portfolioId, opened],
    early,
  );
  return opened ? opened.portfolio : stored;
}
