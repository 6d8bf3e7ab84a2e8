// The transport sync writes through: an S3-compatible object store (the centre's bucket) or, in unit tests, an
// in-process double. The store is untrusted storage: whatever comes back from it is verified like an opened bundle.

/** One object as a listing names it. */
export interface StoredObject {
  key: string;
  size: number;
}

export interface PutOptions {
  contentType?: string;
  /** Bytes sent so far of the whole object (multipart uploads report after each part). */
  onProgress?: (sent: number, total: number) => void;
  signal?: AbortSignal;
  /**
   * Where a large (multipart) upload keeps its progress so that it resumes after a dropped connection or a reload
   * without re-sending finished parts. The caller persists it (e.g. in IndexedDB beside its outbox entry); a store
   * that does not upload in parts ignores it. Saved null once the object is complete (or refused as existing).
   * Resume only with the same bytes under the same key (an outbox entry is immutable): parts already sent are kept.
   */
  resume?: MultipartJournal;
}

/** One finished part of a multipart upload. */
export interface UploadedPart {
  partNumber: number;
  etag: string;
  size: number;
}

/** What a multipart upload needs to carry on: which upload, of which object, and the parts it has finished. */
export interface MultipartState {
  key: string;
  size: number;
  partSize: number;
  uploadId: string;
  parts: UploadedPart[];
  /** The encryption nonce of the object being uploaded (EncryptedStore), so a resumed upload seals identically. */
  sealNonce?: string;
}

export interface MultipartJournal {
  load(): Promise<MultipartState | null>;
  save(state: MultipartState | null): Promise<void>;
}

/** Why a store request failed, in terms the sync state can show in words (the S3 store maps HTTP and fetch errors). */
export type StoreFailure =
  | 'offline' // no network at all
  | 'cors' // the browser refused the response: the bucket has no CORS rule for this app's origin
  | 'forbidden' // 403: wrong credentials, or a bucket policy that refuses this key
  | 'no-bucket' // 404 NoSuchBucket
  | 'clock-skew' // 403 RequestTimeTooSkewed: the device clock is more than 15 minutes off
  | 'exists' // 412 on a create-only write: the key is taken (not an error for idempotent pushes)
  | 'full' // quota exceeded / insufficient storage
  | 'refused' // any other 4xx: the store refused the object, with its reason
  | 'unavailable'; // 5xx or connection dropped mid-request: retry later

export class StoreError extends Error {
  constructor(
    readonly failure: StoreFailure,
    message: string,
    /** HTTP status when the store answered. */
    readonly status?: number,
  ) {
    super(message);
    this.name = 'StoreError';
  }
}

export interface ObjectStore {
  /** Create-only write (`If-None-Match: *`): throws StoreError('exists') when the key is already taken. */
  putNew(key: string, body: Uint8Array | Blob, options?: PutOptions): Promise<void>;
  /** Overwriting write, only for the small descriptors a device owns (its device and index objects). */
  put(key: string, body: Uint8Array | Blob, options?: PutOptions): Promise<void>;
  /** The object's bytes, or null when there is no such key. */
  get(key: string): Promise<Uint8Array | null>;
  /**
   * The object as a Blob, or null: what a large object (a bundle with media) is read as, so it is never copied into
   * the JS heap whole (the browser may keep a large response body on disk); the bundle reader slices it.
   */
  getBlob(key: string): Promise<Blob | null>;
  /** Every key under `prefix` (all pages), in key order, only those after `startAfter` when given. */
  list(prefix: string, startAfter?: string): Promise<StoredObject[]>;
}
