// The storage layer's one door: the UI and the bundle layer import from here, never from a file inside.
// Modules whose every export is public are re-exported whole; of the others, only what callers outside need.
export * from './clock';
export * from './device';
export type { Input } from './write';
export { auditLog } from './audit';
export * from './people';
export * from './enrolments';
export { mediaBlob, type FileInput } from './media';
export {
  saveEvidence,
  setEvidenceMappings,
  updateEvidenceDetails,
  deleteEvidence,
  signEvidenceSample,
  type EvidenceInput,
  type EvidenceDetails,
} from './evidence';
export { signDeclaration, type NewSignature } from './signatures';
export * from './signoffs';
export * from './forms';
export { saveDraft, loadDraft, clearDraft, draftKeys } from './drafts';
export * from './portfolio';
export * from './caseload';
export { CASELOAD_ACTION_SOURCES } from './caseloadSources';
export * from './specs';
export * from './status';
export * from './keys';
export * from './signing';
export {
  EXCHANGED_TABLES,
  portfolioForExport,
  applyImport,
  type ExchangedTable,
  type RecordTable,
  type PortfolioExport,
  type ImportPlan,
  type ImportResult,
} from './exchange';
export { listConflicts, resolveConflict, type ConflictRow } from './conflicts';
export * from './peers';
export * from './hashing';
export { loadDemoPortfolio } from './demo';
export * from './qa';
export * from './qaQueries';
export { loadDemoCentre, type DemoCentre } from './demoCentre';
export { deletePerson, deletePortfolio, undoDeletion, type Deletion } from './deletion';
export { StorageError } from './errors';
export { loadSyncSettings, saveSyncSettings, clearSyncSettings } from './syncSettings';
export * from './trust';
export { signOwnRecords, signingDevicesOf, recordSignatureHolds } from './recordSigning';
export { admit, type Admission, type IncomingBundle, type SignerStanding } from './admission';
export { listHeld, discardHeld, rejudgeHeld, type HeldRow, type RejudgeResult } from './held';
export { noteChanges, lastChangeSeq, changesWaiting, onChangesCommitted } from './changes';
export { outgoingChanges, portfoliosToPush, type OutgoingChanges } from './outgoing';
export * from './syncState';
// App start (perf): which bundled spec files are already stored.
export { bundledSpecFilesStored, noteBundledSpecFilesStored } from './specFiles';
// EQA visit pack (issue 12, point 5)
export {
  centreForPack,
  type PackCentre,
  type PackCentreRecords,
  type PackPlanCoverage,
  type PackCaseloadLine,
} from './eqaPack';
// verifier: referrals from verifiers' sampling decisions (issue 13, point 5)
export { listVerifierReferrals, type ReferralFilter, type ShownReferral } from './referrals';
// coldstart: saving a person apart from the list, so the header's read does not bring the write path (docs/performance.md)
export { savePerson } from './peopleSave';
// qaflows: an EQA's decisions on several portfolios merged in one transaction (issue 12, point 5)
export { applyImports } from './exchange';
// sync3: device labels (this device's, and those other devices publish)
export {
  cleanDeviceLabel,
  ownDeviceLabel,
  setOwnDeviceLabel,
  knownDeviceLabels,
  rememberDeviceLabels,
  type KnownDeviceLabels,
} from './deviceLabels';
// joinheap: the Sync screen's waiting changes of every portfolio in one read transaction.
export { changesWaitingEach } from './changes';
