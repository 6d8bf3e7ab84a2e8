// Durable state comes from the storage layer through useLiveQuery: screens update when data changes.
import { useContext } from 'react';
import { useLiveQuery } from 'dexie-react-hooks';
import { listEnrolments, listStoredSpecs, loadPortfolio, loadStoredSpec } from '../../storage';
import { OpenedPortfolioContext } from './openedPortfolio';

export { useActingPersonId, usePeople, useStorageStatus } from './liveHooks';
export const useEnrolments = () => useLiveQuery(listEnrolments, [], undefined);
export const useStoredSpecs = () => useLiveQuery(listStoredSpecs, [], undefined);

/** A portfolio on this device; inside a read-only view (OpenedPortfolioContext), the opened portfolio instead. */
export function usePortfolio(portfolioId: string | undefined) {
  const opened = useContext(OpenedPortfolioContext);
  const stored = useLiveQuery(async () => {
    if (opened || !portfolioId) return null;
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
  }, [portfolioId, opened]);
  return opened ? opened.portfolio : stored;
}
