// The demo loaders, a chunk of their own: the home screen imports this module when a demo button is pressed, so
// the demo's data and the writers it uses stay out of the first visit's download (docs/performance.md).
import { loadDemoCentre as storeDemoCentre, loadDemoPortfolio as storeDemoPortfolio } from '../../storage';
import { startApp } from './startup';

/** The demo portfolio, once the bundled specs are in the database (the app stores them when idle after a start). */
export async function loadDemoPortfolio(): Promise<string> {
  await startApp();
  return storeDemoPortfolio();
}

export async function loadDemoCentre(): ReturnType<typeof storeDemoCentre> {
  await startApp();
  return storeDemoCentre();
}
