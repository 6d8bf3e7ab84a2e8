// The sync layer's one door: the UI reaches the object-store transport and the sync engine only through here.
export {
  StoreError,
  type ObjectStore,
  type PutOptions,
  type StoreFailure,
  type StoredObject,
  type MultipartJournal,
  type MultipartState,
  type UploadedPart,
} from './objectStore';
export { S3Store, describeClockOffset, DEFAULT_PART_SIZE, type S3Location, type S3StoreOptions } from './s3Store';
export { browserProbe, type NetworkProbe } from './s3Errors';
export { EncryptedStore } from './encryptedStore';
export {
  generateSyncSecret,
  importSyncSecret,
  sealObject,
  openObject,
  isEnvelope,
  EnvelopeError,
  type EnvelopeProblem,
  type SyncKey,
} from './envelope';
export {
  testConnection,
  openSyncStore,
  deviceDescriptorKey,
  type ConnectionStep,
  type ConnectionVerdict,
  type StepVerdict,
  type TestConnectionOptions,
} from './testConnection';
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
  type ResumeJournal,
  type SyncEnvironment,
  type SyncPutOptions,
  type Timers,
} from './transport';
export * as syncLayout from './layout';
// syncapp: the engine's envelope from the sync link's secret (the app's sync service builds its engine with it).
export { engineEnvelope } from './engineEnvelope';
// syncjoin: envelope version 2 (each object sealed for its own key), opened one chunk at a time from a Blob.
export { openSealed, ENVELOPE_VERSION } from './envelope';
// joinheap: how many bundle objects a pull keeps in flight (the one in hand and those read ahead), for the bench's peer.
export { PULL_OBJECTS_IN_FLIGHT } from './readAhead';
