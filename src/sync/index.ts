// The sync layer's one door: the UI reaches the object-store transport and the sync engine only through here.
export { StoreError, type ObjectStore, type PutOptions, type StoreFailure, type StoredObject } from './objectStore';
export {
  createSyncEngine,
  type SyncEngine,
  type SyncEngineOptions,
  type SyncRunResult,
  type SyncSnapshot,
} from './engine';
export { statusInWords, type PortfolioSyncStatus, type PortfolioSyncView } from './status';
export { inWords, SyncProblem } from './failures';
export { DEFAULT_RULES, backoffDelay, chooseFull, type SyncRules } from './rules';
export type { PullSummary } from './pull';
export type { PushOutcome } from './push';
export {
  browserEnvironment,
  realTimers,
  type Envelope,
  type MultipartState,
  type ResumeJournal,
  type SyncEnvironment,
  type SyncPutOptions,
  type Timers,
} from './transport';
export * as syncLayout from './layout';
