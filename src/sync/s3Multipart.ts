// Multipart upload that resumes: the journal the caller keeps (PutOptions.resume) names the upload and its finished
// parts; on resume the store's own list of parts (ListParts) is the authority, so a part that finished after the
// last journal save is not sent twice either, and a journal whose upload the store has dropped starts afresh.
import { StoreError, type MultipartState, type PutOptions, type UploadedPart } from './objectStore';
import { escapeXmlText, parsePartsPage, xmlBlocks, xmlText } from './s3Xml';
import { parseErrorBody, storeErrorFromResponse } from './s3Errors';
import type { S3Request } from './s3Store';
import { inParallel } from './parallel';

export const MIN_PART_SIZE = 5 * 1024 * 1024;

/** What the upload needs of the store: signed requests and a HEAD. */
export interface Requester {
  request(req: S3Request): Promise<Response | null>;
  exists(key: string): Promise<boolean>;
  readonly location: { bucket: string };
}

interface UploadOptions extends PutOptions {
  createOnly: boolean;
  partSize: number;
  /** Parts in flight at once. */
  concurrency: number;
}

export async function uploadMultipart(s3: Requester, key: string, blob: Blob, options: UploadOptions): Promise<void> {
  const { partSize, signal } = options;
  const state = await startOrResume(s3, key, blob.size, options);
  const count = Math.max(1, Math.ceil(blob.size / partSize));
  const sizeOf = (n: number) => Math.min(partSize, blob.size - (n - 1) * partSize);
  // A part counts as done only when the store holds it at the size it must have.
  state.parts = state.parts.filter((p) => p.partNumber <= count && p.size === sizeOf(p.partNumber));
  let sent = state.parts.reduce((sum, p) => sum + p.size, 0);
  options.onProgress?.(sent, blob.size);
  const todo = Array.from({ length: count }, (_, i) => i + 1).filter(
    (n) => !state.parts.some((p) => p.partNumber === n),
  );
  const sendPart = async (n: number) => {
    const body = blob.slice((n - 1) * partSize, (n - 1) * partSize + sizeOf(n));
    const query = { partNumber: String(n), uploadId: state.uploadId };
    const res = (await s3.request({ method: 'PUT', key, query, body, signal })) as Response;
    state.parts.push({ partNumber: n, etag: res.headers.get('ETag') ?? '', size: sizeOf(n) });
    // A copy taken now: parts in flight keep changing `state` while the journal writes.
    await options.resume?.save(structuredClone(state));
    sent += sizeOf(n);
    options.onProgress?.(sent, blob.size);
  };
  await inParallel(todo, options.concurrency, sendPart);
  // Create-only: S3 has no atomic "complete unless the key exists" everywhere (AWS honours If-None-Match on
  // CompleteMultipartUpload, which we send; Ceph 16 ignores it). HEAD first narrows the window; what remains is a
  // writer completing the same key between our HEAD and our Complete. Keys carry this device's id, so that writer
  // could only be this device itself (another tab) uploading the same bytes under the same name.
  if (options.createOnly && (await s3.exists(key))) {
    await abortQuietly(s3, key, state.uploadId);
    await options.resume?.save(null);
    throw new StoreError('exists', `“${key}” is already in the store; objects are never overwritten.`, 412);
  }
  await complete(s3, key, state, options.createOnly, signal);
  await options.resume?.save(null);
}

async function startOrResume(
  s3: Requester,
  key: string,
  size: number,
  options: UploadOptions,
): Promise<MultipartState> {
  const saved = await options.resume?.load();
  if (saved && saved.key === key && saved.size === size && saved.partSize === options.partSize) {
    const parts = await partsOnStore(s3, key, saved.uploadId).catch((e: unknown) => {
      if (e instanceof StoreError && e.failure === 'forbidden') return saved.parts; // a policy without ListParts
      throw e;
    });
    if (parts) return { ...saved, parts };
  } else if (saved) {
    await abortQuietly(s3, saved.key, saved.uploadId);
  }
  const headers = { 'Content-Type': options.contentType ?? 'application/octet-stream' };
  const res = (await s3.request({ method: 'POST', key, query: { uploads: '' }, headers, signal: options.signal }))!;
  const uploadId = xmlText(await res.text(), 'UploadId');
  if (!uploadId) throw new StoreError('refused', 'The store did not start the upload (no upload id in its answer).');
  const state: MultipartState = { key, size, partSize: options.partSize, uploadId, parts: [] };
  await options.resume?.save(state);
  return state;
}

/** The parts the store holds for the upload, or null when it no longer knows the upload (NoSuchUpload). */
async function partsOnStore(s3: Requester, key: string, uploadId: string): Promise<UploadedPart[] | null> {
  const parts: UploadedPart[] = [];
  let marker: number | undefined;
  do {
    const query = { uploadId, 'part-number-marker': marker === undefined ? undefined : String(marker) };
    let res: Response | null;
    try {
      res = await s3.request({ method: 'GET', key, query });
    } catch (e) {
      if (e instanceof StoreError && e.status === 404) return null;
      throw e;
    }
    const page = parsePartsPage(await (res as Response).text());
    parts.push(...page.parts);
    marker = page.nextMarker;
  } while (marker !== undefined);
  return parts;
}

async function complete(s3: Requester, key: string, state: MultipartState, createOnly: boolean, signal?: AbortSignal) {
  const parts = [...state.parts].sort((a, b) => a.partNumber - b.partNumber);
  const body =
    '<CompleteMultipartUpload>' +
    parts
      .map((p) => `<Part><PartNumber>${p.partNumber}</PartNumber><ETag>${escapeXmlText(p.etag)}</ETag></Part>`)
      .join('') +
    '</CompleteMultipartUpload>';
  const headers: Record<string, string> = { 'Content-Type': 'application/xml' };
  if (createOnly) headers['If-None-Match'] = '*';
  const query = { uploadId: state.uploadId };
  const res = (await s3.request({ method: 'POST', key, query, headers, body, signal })) as Response;
  // S3 may answer 200 and still fail the completion: the error is then in the body. (Ceph 16 answers an empty
  // <ETag> on success; we do not need it: HEAD gives the right one.)
  const text = await res.text();
  if (xmlBlocks(text, 'Error').length > 0) {
    throw storeErrorFromResponse(500, parseErrorBody(text), s3.location.bucket, key);
  }
}

async function abortQuietly(s3: Requester, key: string, uploadId: string): Promise<void> {
  // Best effort: a stale upload left behind costs storage until the bucket's lifecycle rule removes it.
  await s3.request({ method: 'DELETE', key, query: { uploadId } }).catch(() => null);
}
