// An ObjectStore that seals every object it writes (envelope.ts) and opens every object it reads, around another
// store. Object names and sizes stay visible to the store: the bucket layout uses ids, never names.
import { base64urlToBytes, bytesToBase64url } from './base64url';
import { openObject, openSealed, isEnvelope, sealObject, type SyncKey } from './envelope';
import type { MultipartJournal, ObjectStore, PutOptions, StoredObject } from './objectStore';

export class EncryptedStore implements ObjectStore {
  constructor(
    private readonly inner: ObjectStore,
    private readonly key: SyncKey,
    /**
     * Read objects stored before the centre turned encryption on (default true). Safe for content: every bundle is
     * verified by its signature after this layer; the key only keeps contents private.
     */
    private readonly acceptPlain = true,
  ) {}

  async putNew(key: string, body: Uint8Array | Blob, options: PutOptions = {}): Promise<void> {
    const { sealed, resume } = await this.seal(key, body, options.resume);
    await this.inner.putNew(key, sealed, { ...options, resume });
  }

  async put(key: string, body: Uint8Array | Blob, options: PutOptions = {}): Promise<void> {
    const { sealed, resume } = await this.seal(key, body, options.resume);
    await this.inner.put(key, sealed, { ...options, resume });
  }

  async get(key: string): Promise<Uint8Array | null> {
    const sealed = await this.inner.get(key);
    if (sealed === null) return null;
    if (this.acceptPlain && !isEnvelope(sealed)) return sealed;
    return openObject(this.key, key, sealed);
  }

  async getBlob(key: string): Promise<Blob | null> {
    const sealed = await this.inner.getBlob(key);
    if (sealed === null) return null;
    if (this.acceptPlain && !isEnvelope(new Uint8Array(await sealed.slice(0, 4).arrayBuffer()))) return sealed;
    return openSealed(this.key, key, sealed);
  }

  list(prefix: string, startAfter?: string): Promise<StoredObject[]> {
    return this.inner.list(prefix, startAfter);
  }

  /**
   * A resumed upload must send the same ciphertext as the parts already in the store, so the nonce of an upload
   * under way is kept in its journal and reused. Reusing it is safe only because the bytes are the same (an outbox
   * entry never changes): the same plain bytes under the same nonce give the same ciphertext, nothing more.
   */
  private async seal(key: string, body: Uint8Array | Blob, journal: MultipartJournal | undefined) {
    const saved = journal ? await journal.load() : null;
    const previous = saved?.key === key && saved.sealNonce ? base64urlToBytes(saved.sealNonce) : null;
    const nonce = previous?.length === 12 ? previous : crypto.getRandomValues(new Uint8Array(12));
    const sealNonce = bytesToBase64url(nonce);
    const sealed = await sealObject(this.key, key, body, nonce);
    const resume: MultipartJournal | undefined = journal && {
      load: () => journal.load(),
      save: (state) => journal.save(state && { ...state, sealNonce }),
    };
    return { sealed, resume };
  }
}
