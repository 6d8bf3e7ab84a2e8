// A portfolio that is not on this device, shown read-only (a verifier's opened bundle): the portfolio pages read it
// from this context instead of the database, link within its views, and hide every control that would change it.
import { createContext, useContext } from 'react';
import type { BundlePortfolio } from '../../bundle';
import { routes } from '../routes';

/** The links a portfolio's pages make between themselves (the same signatures as `routes`). */
export type PortfolioRoutes = Pick<
  typeof routes,
  'portfolio' | 'evidence' | 'unit' | 'forms' | 'form' | 'generatedForm' | 'newForm'
>;

export interface OpenedPortfolio {
  portfolio: BundlePortfolio;
  /** Media bytes by media record id, from the bundle. */
  media: ReadonlyMap<string, Blob>;
  routes: PortfolioRoutes;
}

export const OpenedPortfolioContext = createContext<OpenedPortfolio | null>(null);

/** The read-only portfolio being shown, or null when the pages show this device's portfolios. */
export const useOpenedPortfolio = () => useContext(OpenedPortfolioContext);

/** True when the page shows a read-only portfolio: controls that change records are left out. */
export const useReadOnly = () => useContext(OpenedPortfolioContext) !== null;

/** Where the page's links lead: this device's portfolio screens, or the opened portfolio's read-only views. */
export const usePortfolioRoutes = (): PortfolioRoutes => useContext(OpenedPortfolioContext)?.routes ?? routes;
