// What the engine assumes of the transport beyond the ObjectStore interface, and of the encryption envelope; both
// are built by the s3 side (aws4fetch store, AES-GCM envelope) and injected, so the engine is tested with a double.
import type { MultipartJournal, PutOptions } from './objectStore';

/** Where the store keeps its multipart journal so a dropped upload resumes without re-sending finished parts. */
export type ResumeJournal = MultipartJournal;

export type SyncPutOptions = PutOptions;

/**
 * Encryption at rest (the sync link's `&key=`): AES-256-GCM with a random nonce per object, by the s3 side. The
 * engine seals every object body it writes for the key it writes it under, and opens every one it reads under the
 * key it read it from; a body that does not open there — altered, sealed with another key, or sealed for another
 * key and copied — is refused (EnvelopeError says which, in words). Blobs in and out: a large object is sealed and
 * opened one chunk at a time.
 */
export interface Envelope {
  seal(objectKey: string, plain: Blob): Promise<Blob>;
  open(objectKey: string, sealed: Blob): Promise<Blob>;
}

/** Timers the scheduler runs on: the real ones in the app, fake ones in tests. */
export interface Timers {
  setTimeout(run: () => void, ms: number): unknown;
  clearTimeout(handle: unknown): void;
}

export const realTimers: Timers = {
  setTimeout: (run, ms) => globalThis.setTimeout(run, ms),
  clearTimeout: (handle) => globalThis.clearTimeout(handle as ReturnType<typeof setTimeout>),
};

/** The browser signals sync follows: coming online, becoming visible. Tests drive these by hand. */
export interface SyncEnvironment {
  isOnline(): boolean;
  isVisible(): boolean;
  /** Calls `run` on each event; returns a function that stops listening. */
  onOnline(run: () => void): () => void;
  onVisible(run: () => void): () => void;
}

export const browserEnvironment: SyncEnvironment = {
  isOnline: () => globalThis.navigator?.onLine ?? true,
  isVisible: () => globalThis.document?.visibilityState !== 'hidden',
  onOnline(run) {
    globalThis.addEventListener?.('online', run);
    return () => globalThis.removeEventListener?.('online', run);
  },
  onVisible(run) {
    const listener = () => {
      if (globalThis.document?.visibilityState === 'visible') run();
    };
    globalThis.document?.addEventListener('visibilitychange', listener);
    return () => globalThis.document?.removeEventListener('visibilitychange', listener);
  },
};
