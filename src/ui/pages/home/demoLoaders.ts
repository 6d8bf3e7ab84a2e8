// The demo loaders (demo portfolio, demo centre), in a chunk of their own: fetched when a demo button is pressed,
// not with the home screen, which every start of the app waits for.
export { loadDemoCentre, loadDemoPortfolio } from '../../../storage';
