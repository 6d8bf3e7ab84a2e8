// The demo loaders, a chunk of their own: the home screen imports this module when a demo button is pressed, so
// the demo's data and the writers it uses stay out of the first visit's download (docs/performance.md).
export { loadDemoCentre, loadDemoPortfolio } from '../../storage';
