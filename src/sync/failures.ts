// Sync problems in plain words, for the state a person sees and for the sync log.
import { StoreError, type StoreFailure } from './objectStore';

const WORDS: Record<StoreFailure, string> = {
  offline: 'No network: changes wait on this device and go when it is back online.',
  cors:
    'The bucket gives this app no answer: either it does not exist (check the bucket name in the sync link) or its ' +
    'CORS rule does not name this app’s address (docs/sync-bucket.md).',
  forbidden: 'The store refused the credentials (403): check the access key and secret in the sync link.',
  'no-bucket': 'The bucket does not exist: check the bucket name in the sync link.',
  'clock-skew': 'This device’s clock is more than 15 minutes off, so the store refuses it: correct the date and time.',
  exists: 'An object of that name is already in the store.',
  full: 'The store is full: ask the centre to make room or raise the quota. Changes wait on this device.',
  refused: 'The store refused the object',
  unavailable: 'The store is not answering (a server error or a dropped connection): sync will try again.',
};

/** A sync problem that is not the store's: the words say what it is. */
export class SyncProblem extends Error {
  constructor(message: string) {
    super(message);
    this.name = 'SyncProblem';
  }
}

export function inWords(error: unknown): string {
  if (error instanceof StoreError) {
    return error.failure === 'refused' ? `${WORDS.refused}: ${error.message}` : WORDS[error.failure];
  }
  if (error instanceof Error) return error.message;
  return String(error);
}
