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
