// The bundle layer's one door: the UI imports bundles from here, never from a file inside.
export {
  exportPortfolio,
  writeBundle,
  SOFTWARE_AGENT,
  type ExportOptions,
  type ExportProgress,
  type ExportedBundle,
} from './export';
export { verifyBundle, BundleError, NotABundleError, type VerifiedBundle, type VerifyOptions } from './verify';
export { admitBundle, BundleRefused, importBundle, writeVerifiedBundle, type ImportMode } from './import';
export { exportVerifierDecisions, type VerifierSample } from './verifierDecisions';
export { bundleReport, type BundleReport } from './report';
// EQA visit pack (issue 12, point 5): the centre's records and chosen portfolios in one signed bag.
export { exportEqaPack, type PackOptions } from './pack';
export { verifyPack, verifiedPackReport, type VerifiedPack } from './packVerify';
// verifier: a bundle read as a portfolio for the read-only views (issue 13, point 3)
export { portfolioOfBundle, type BundlePortfolio } from './openedPortfolio';
// qaflows: an EQA's decisions on the portfolios of a pack, as one signed bundle the centre merges (issue 12, point 5)
export {
  exportEqaDecisions,
  verifyReceived,
  admitEqaDecisions,
  writeEqaDecisions,
  type PortfolioSamples,
  type ReceivedBundle,
  type VerifiedEqaDecisions,
} from './eqaDecisions';
