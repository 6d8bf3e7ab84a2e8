// An ObjectStore over the S3 REST API (path-style URLs: Ceph RGW, MinIO, AWS, R2 …), signed with SigV4 by aws4fetch.
// Failures become StoreErrors in words (s3Errors.ts); a device clock the store finds off is measured from the store's
// answer and later requests are signed with the corrected time; large bodies go up in resumable multipart uploads.
import { AwsV4Signer } from 'aws4fetch';
import { StoreError, type ObjectStore, type PutOptions, type StoredObject } from './objectStore';
import {
  browserProbe,
  HiddenClockSkew,
  parseErrorBody,
  storeErrorFromNetwork,
  storeErrorFromResponse,
  type NetworkProbe,
} from './s3Errors';
import { parseListPage } from './s3Xml';
import { MIN_PART_SIZE, uploadMultipart } from './s3Multipart';

/** Where the bucket is and the key to it (the part of the sync settings the transport needs). */
export interface S3Location {
  endpoint: string;
  bucket: string;
  region: string;
  accessKeyId: string;
  secretAccessKey: string;
}

export interface S3StoreOptions {
  /** The fetch to use (tests count requests and cut connections through it). */
  fetch?: typeof fetch;
  /** The device clock in ms (tests skew it). */
  now?: () => number;
  /** Keys per ListObjectsV2 page (S3's maximum, 1000, by default; tests use a few to prove paging). */
  pageSize?: number;
  /** Bytes per multipart part (default 8 MiB; S3 wants ≥ 5 MiB except the last). Blobs above it go up in parts. */
  partSize?: number;
  /** Parts uploaded at once (default 3: hides per-request latency; a phone's uplink is the limit either way). */
  partConcurrency?: number;
  /** How a network error is explained (the browser's by default). */
  probe?: NetworkProbe;
  /** Repeat a request the store refused for clock skew once, signed with the corrected time (default true). */
  retryAfterClockCorrection?: boolean;
}

export interface S3Request {
  method: string;
  key?: string;
  query?: Record<string, string | undefined>;
  headers?: Record<string, string>;
  body?: Uint8Array | Blob | string;
  signal?: AbortSignal;
  /** Answer null instead of throwing on 404 NoSuchKey (or a bodiless 404 to HEAD). */
  missingIsNull?: boolean;
}

export const DEFAULT_PART_SIZE = 8 * 1024 * 1024;
/** SigV4 fails beyond 15 minutes; an offset under a minute is noise not worth correcting. */
const SKEW_WORTH_CORRECTING_MS = 60_000;

const encodeKey = (key: string) => key.split('/').map(encodeURIComponent).join('/');

function queryString(query: S3Request['query']): string {
  const pairs = Object.entries(query ?? {}).filter(([, v]) => v !== undefined);
  return pairs
    .map(([k, v]) => (v === '' ? k : `${encodeURIComponent(k)}=${encodeURIComponent(v as string)}`))
    .join('&');
}

export class S3Store implements ObjectStore {
  /** How far the device clock is behind the store's (ms; negative when ahead), measured from a refused request. */
  clockOffsetMs = 0;
  /** Called when the store measured the device clock off and corrected for it (the UI says so). */
  onClockCorrected?: (offsetMs: number) => void;
  /** A request of ours got an answer: the CORS rule exists, so a later network error is not CORS. */
  private corsProven = false;
  private readonly fetchImpl: typeof fetch;
  private readonly now: () => number;
  private readonly probe: NetworkProbe;
  readonly pageSize: number;
  readonly partSize: number;
  private readonly endpoint: string;

  constructor(
    readonly location: S3Location,
    private readonly options: S3StoreOptions = {},
  ) {
    this.fetchImpl = options.fetch ?? ((input, init) => fetch(input, init));
    this.now = options.now ?? Date.now;
    this.probe = options.probe ?? browserProbe;
    this.pageSize = options.pageSize ?? 1000;
    this.partSize = Math.max(options.partSize ?? DEFAULT_PART_SIZE, MIN_PART_SIZE);
    this.endpoint = location.endpoint.replace(/\/+$/, '');
  }

  putNew(key: string, body: Uint8Array | Blob, options?: PutOptions): Promise<void> {
    return this.write(key, body, true, options);
  }

  put(key: string, body: Uint8Array | Blob, options?: PutOptions): Promise<void> {
    return this.write(key, body, false, options);
  }

  async get(key: string): Promise<Uint8Array | null> {
    const res = await this.request({ method: 'GET', key, missingIsNull: true });
    return res ? new Uint8Array(await res.arrayBuffer()) : null;
  }

  async getBlob(key: string): Promise<Blob | null> {
    const res = await this.request({ method: 'GET', key, missingIsNull: true });
    return res ? res.blob() : null;
  }

  /** Whether a key exists (HEAD). */
  async exists(key: string): Promise<boolean> {
    return (await this.request({ method: 'HEAD', key, missingIsNull: true })) !== null;
  }

  async list(prefix: string, startAfter?: string): Promise<StoredObject[]> {
    const found: StoredObject[] = [];
    let token: string | undefined;
    do {
      const query = {
        'list-type': '2',
        prefix,
        'max-keys': String(this.pageSize),
        'start-after': token ? undefined : startAfter,
        'continuation-token': token,
      };
      const res = await this.request({ method: 'GET', query });
      const page = parseListPage(await (res as Response).text());
      found.push(...page.objects);
      token = page.nextContinuationToken;
    } while (token);
    return found;
  }

  private async write(key: string, body: Uint8Array | Blob, createOnly: boolean, options: PutOptions = {}) {
    const size = body instanceof Blob ? body.size : body.byteLength;
    if (size > this.partSize) {
      const blob = body instanceof Blob ? body : new Blob([body as Uint8Array<ArrayBuffer>]);
      await uploadMultipart(this, key, blob, {
        ...options,
        createOnly,
        partSize: this.partSize,
        concurrency: this.options.partConcurrency ?? 3,
      });
      return;
    }
    const headers: Record<string, string> = { 'Content-Type': options.contentType ?? 'application/octet-stream' };
    if (createOnly) headers['If-None-Match'] = '*';
    await this.request({ method: 'PUT', key, headers, body, signal: options.signal });
    options.onProgress?.(size, size);
  }

  /** One signed request; throws a StoreError for every failure (null for a missing key when asked). */
  async request(req: S3Request): Promise<Response | null> {
    const first = await this.attempt(req);
    if (!(first instanceof StoreError)) return first;
    const retry = first.failure === 'clock-skew' && this.options.retryAfterClockCorrection !== false;
    if (!retry || Math.abs(this.clockOffsetMs) < SKEW_WORTH_CORRECTING_MS) throw first;
    const second = await this.attempt(req);
    if (second instanceof StoreError) throw second;
    return second;
  }

  private async attempt(req: S3Request): Promise<Response | null | StoreError> {
    const path = `/${this.location.bucket}${req.key === undefined ? '' : `/${encodeKey(req.key)}`}`;
    const search = queryString(req.query);
    const url = `${this.endpoint}${path}${search ? `?${search}` : ''}`;
    const signed = await new AwsV4Signer({
      ...this.location,
      service: 's3',
      method: req.method,
      url,
      headers: req.headers,
      datetime: new Date(this.now() + this.clockOffsetMs).toISOString().replace(/[:-]|\.\d{3}/g, ''),
    }).sign();
    let res: Response;
    try {
      res = await this.fetchImpl(url, {
        method: req.method,
        headers: signed.headers,
        body: req.body as BodyInit | undefined,
        signal: req.signal,
      });
    } catch (e) {
      if (req.signal?.aborted) throw req.signal.reason ?? e;
      const error = await storeErrorFromNetwork(
        this.probe,
        this.endpoint,
        this.corsProven,
        `${this.endpoint}/${this.location.bucket}`,
        this.now() + this.clockOffsetMs,
      );
      if (error instanceof HiddenClockSkew) return this.clockSkew(error, undefined, error.storeDate);
      throw error;
    }
    this.corsProven = true;
    if (res.ok) return res;
    const body = parseErrorBody(req.method === 'HEAD' ? '' : await res.text().catch(() => ''));
    if (res.status === 404 && req.missingIsNull && (body.code === 'NoSuchKey' || body.code === '')) return null;
    const error = storeErrorFromResponse(res.status, body, this.location.bucket, req.key ?? '');
    if (error.failure === 'clock-skew') return this.clockSkew(error, body.serverTime, res.headers.get('Date'));
    return error;
  }

  /** Measures the offset from the store's time (error body, else the Date header) and says so in the error. */
  private clockSkew(error: StoreError, serverTime: string | undefined, dateHeader: string | null): StoreError {
    const storeTime = Date.parse(serverTime ?? dateHeader ?? '');
    if (Number.isNaN(storeTime)) {
      return new StoreError(
        'clock-skew',
        `${error.message} Set the device’s date and time to automatic (the store did not say its own time).`,
        error.status,
      );
    }
    this.clockOffsetMs = storeTime - this.now();
    this.onClockCorrected?.(this.clockOffsetMs);
    return new StoreError('clock-skew', `${error.message} ${describeClockOffset(this.clockOffsetMs)}`, error.status);
  }
}

/** "This device's clock is 31 minutes behind; sync corrects for it." */
export function describeClockOffset(offsetMs: number): string {
  const minutes = Math.round(Math.abs(offsetMs) / 60_000);
  const way = offsetMs > 0 ? 'behind' : 'ahead of';
  return `This device’s clock is ${minutes} minute${minutes === 1 ? '' : 's'} ${way} the store’s; sync corrects for it.`;
}
