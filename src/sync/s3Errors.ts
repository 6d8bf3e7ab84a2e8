// Turns what an S3 store answered (status + error XML) or what fetch threw into a StoreError whose message a person
// can act on. The S3 error code is kept in the message, in brackets, for whoever reads a sync log.
import { StoreError, type StoreFailure } from './objectStore';
import { xmlText } from './s3Xml';

/** What an S3 error body says. */
export interface S3ErrorBody {
  code: string;
  message: string;
  serverTime?: string;
}

export function parseErrorBody(xml: string): S3ErrorBody {
  return {
    code: xmlText(xml, 'Code') ?? '',
    message: xmlText(xml, 'Message') ?? '',
    serverTime: xmlText(xml, 'ServerTime'),
  };
}

const FORBIDDEN_CODES = new Set(['AccessDenied', 'InvalidAccessKeyId', 'SignatureDoesNotMatch', 'AllAccessDisabled']);
const FULL_CODES = new Set(['QuotaExceeded', 'EntityTooLarge', 'InsufficientStorage', 'ServiceQuotaExceeded']);

function failureOf(status: number, code: string): StoreFailure {
  if (code === 'RequestTimeTooSkewed') return 'clock-skew';
  if (code === 'NoSuchBucket') return 'no-bucket';
  if (status === 412 || code === 'PreconditionFailed') return 'exists';
  if (FULL_CODES.has(code) || status === 507) return 'full';
  if (status === 403 || FORBIDDEN_CODES.has(code)) return 'forbidden';
  if (status >= 500 || status === 429 || code === 'SlowDown') return 'unavailable';
  return 'refused';
}

function forbiddenMessage(code: string): string {
  if (code === 'InvalidAccessKeyId') return 'The store does not know this access key: it may have been revoked.';
  if (code === 'SignatureDoesNotMatch') return 'The store refused the secret key: check it was copied exactly.';
  return 'The store refused this device’s key for this request (wrong credentials, or a bucket policy forbids it).';
}

function messageOf(failure: StoreFailure, body: S3ErrorBody, bucket: string, key: string): string {
  switch (failure) {
    case 'clock-skew':
      return CLOCK_SKEW_MESSAGE;
    case 'no-bucket':
      return `The bucket “${bucket}” does not exist on this store: check its name in the sync settings.`;
    case 'exists':
      return `“${key}” is already in the store; objects are never overwritten.`;
    case 'full':
      return body.code === 'EntityTooLarge'
        ? `“${key}” is larger than the store accepts.`
        : 'The store is full (its quota is used up): ask the centre to free space or raise the quota.';
    case 'forbidden':
      return forbiddenMessage(body.code);
    case 'unavailable':
      return 'The store is not answering properly just now; sync will try again.';
    default:
      return `The store refused “${key}”: ${body.message || body.code || 'no reason given'}.`;
  }
}

/** A StoreError for an S3 error answer. */
export function storeErrorFromResponse(status: number, body: S3ErrorBody, bucket: string, key: string): StoreError {
  const failure = failureOf(status, body.code);
  const code = body.code ? ` [${body.code}${body.message ? `: ${body.message}` : ''}]` : ` [HTTP ${status}]`;
  return new StoreError(failure, messageOf(failure, body, bucket, key) + code, status);
}

/** How the store tells why fetch threw: is the device online, does the endpoint answer, does the app's own origin. */
export interface NetworkProbe {
  online(): boolean;
  /** Whether the endpoint answers at all (a `no-cors` request: an opaque answer counts). */
  endpointAnswers(endpoint: string): Promise<boolean>;
  /** Whether the app's own origin answers (null when there is no page origin, as in Node). */
  ownOriginAnswers(): Promise<boolean | null>;
  /** Whether the browser applies CORS to this endpoint (a page on another origin). */
  corsApplies(endpoint: string): boolean;
  /**
   * Whether an unsigned request to the bucket gets an answer this page may read (its CORS rule lets the app in).
   * Some stores (Ceph RGW) send no CORS headers with the 403 for a wrong signature, so a refused key looks like
   * a network error: when the bucket's rule does answer, the refusal was the key's.
   */
  bucketAnswersThisOrigin?(bucketUrl: string): Promise<boolean>;
  /**
   * The store's `Date` on an unsigned request to the bucket, when its CORS rule lets this page read it (null when
   * not). Ceph RGW sends no CORS headers with its "RequestTimeTooSkewed" either: this is how a browser still learns
   * that the device clock, not the key, is wrong — and by how much.
   */
  bucketDate?(bucketUrl: string): Promise<string | null>;
}

/** SigV4's limit: the store refuses a request signed more than 15 minutes off its own clock. */
export const SIGV4_SKEW_LIMIT_MS = 15 * 60_000;

const CLOCK_SKEW_MESSAGE = 'This device’s clock is more than 15 minutes off, so the store refused the request.';

/** A clock-skew refusal the browser hid behind a network error, found from the store's readable `Date`. */
export class HiddenClockSkew extends StoreError {
  constructor(readonly storeDate: string) {
    super('clock-skew', CLOCK_SKEW_MESSAGE, 403);
  }
}

async function answers(url: string): Promise<boolean> {
  try {
    await fetch(url, { mode: 'no-cors', cache: 'no-store', method: 'GET' });
    return true;
  } catch {
    return false;
  }
}

const pageOrigin = (): string | null =>
  typeof location !== 'undefined' && /^https?:/.test(location.origin) ? location.origin : null;

export const browserProbe: NetworkProbe = {
  online: () => typeof navigator === 'undefined' || navigator.onLine !== false,
  endpointAnswers: (endpoint) => answers(`${endpoint}/?fieldfolio-probe=${Date.now()}`),
  ownOriginAnswers: async () => {
    const origin = pageOrigin();
    // A query no precache entry matches, so a service worker cannot answer it from cache.
    return origin === null ? null : answers(`${origin}/favicon.ico?fieldfolio-probe=${Date.now()}`);
  },
  corsApplies: (endpoint) => {
    const origin = pageOrigin();
    return origin !== null && origin !== new URL(endpoint).origin;
  },
  bucketAnswersThisOrigin: async (bucketUrl) => {
    try {
      await fetch(`${bucketUrl}?fieldfolio-probe=${Date.now()}`, { cache: 'no-store' });
      return true;
    } catch {
      return false;
    }
  },
  bucketDate: async (bucketUrl) => {
    try {
      const res = await fetch(`${bucketUrl}?fieldfolio-probe=${Date.now()}`, { cache: 'no-store' });
      return res.headers.get('Date');
    } catch {
      return null;
    }
  },
};

/**
 * Why a fetch threw a network error. The browser hides CORS refusals behind the same TypeError as a lost network,
 * so: offline when the device says so or nothing answers; CORS when the endpoint answers a `no-cors` probe and no
 * request of ours has yet been let through (once one has, the rule exists and a later error is a dropped
 * connection); unavailable when the endpoint answers but dropped us, or is down while the app's origin answers.
 */
export async function storeErrorFromNetwork(
  probe: NetworkProbe,
  endpoint: string,
  corsProven: boolean,
  bucketUrl?: string,
  deviceNow?: number,
): Promise<StoreError> {
  const host = new URL(endpoint).host;
  if (!probe.online()) return new StoreError('offline', 'This device is offline; sync will continue when it is back.');
  if (await probe.endpointAnswers(endpoint)) {
    if (probe.corsApplies(endpoint) && !corsProven) {
      const date = bucketUrl ? ((await probe.bucketDate?.(bucketUrl)) ?? null) : null;
      const storeTime = Date.parse(date ?? '');
      if (date && deviceNow !== undefined && Math.abs(storeTime - deviceNow) > SIGV4_SKEW_LIMIT_MS) {
        return new HiddenClockSkew(date);
      }
      if (bucketUrl && (date !== null || (await probe.bucketAnswersThisOrigin?.(bucketUrl)))) {
        return new StoreError(
          'forbidden',
          `The store at ${host} refused this device’s key: check the access key id and secret were copied exactly ` +
            '(the store hid its answer, as some do for a wrong signature).',
        );
      }
      // A missing bucket has no CORS rule either (Ceph RGW and AWS send none with NoSuchBucket): the browser
      // cannot tell the two apart, so the words name both.
      const bucket = bucketUrl ? ` “${decodeURIComponent(new URL(bucketUrl).pathname.slice(1))}”` : '';
      return new StoreError(
        'cors',
        `The store at ${host} answers, but the bucket${bucket} gives this app no answer: either there is no bucket ` +
          'of that name on this store (check the bucket name in the sync link), or it has no CORS rule letting this ' +
          'app in (ask the centre to add the rule in docs/sync-bucket.md, allowed origin: this app’s address).',
      );
    }
    return new StoreError('unavailable', `The connection to ${host} dropped; sync will try again.`);
  }
  if ((await probe.ownOriginAnswers()) === true) {
    return new StoreError('unavailable', `The store at ${host} does not answer; sync will try again.`);
  }
  return new StoreError('offline', `No network: neither the store at ${host} nor the internet answers.`);
}
