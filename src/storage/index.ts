// The storage layer's one door: the UI and the bundle layer import from here, never from a file inside.
export * from './clock';
export * from './repo';
export * from './exchange';
export * from './keys';
export * from './hashing';
export * from './demo';
export { StorageError } from './errors';
export { draftKeys } from './draftKeys';
