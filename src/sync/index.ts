// The sync layer's one door: the UI reaches the object-store transport and the sync engine only through here.
export { StoreError, type ObjectStore, type PutOptions, type StoreFailure, type StoredObject } from './objectStore';
