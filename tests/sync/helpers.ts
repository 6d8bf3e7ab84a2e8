// What the sync tests share: the RGW the global setup started, a store on it, and a fetch that counts and cuts.
import { inject } from 'vitest';
import {
  S3Store,
  type S3StoreOptions,
  type NetworkProbe,
  type MultipartJournal,
  type MultipartState,
} from '../../src/sync';

export const rgw = () => inject('rgw');

export interface Sent {
  method: string;
  url: string;
  bytes: number;
  status?: number;
}

/** A fetch that logs every request (method, url, body bytes, status) and can cut the connection of chosen ones. */
export function countingFetch(cut?: (request: Sent, index: number) => boolean) {
  const log: Sent[] = [];
  const fetchImpl: typeof fetch = async (input, init) => {
    const body = init?.body;
    const bytes = body instanceof Blob ? body.size : body instanceof Uint8Array ? body.byteLength : typeof body === 'string' ? body.length : 0; // prettier-ignore
    const entry: Sent = { method: init?.method ?? 'GET', url: String(input), bytes };
    log.push(entry);
    if (cut?.(entry, log.length - 1)) {
      // The connection drops while the body is on its way: the real request starts and is torn down.
      const drop = new AbortController();
      setTimeout(() => drop.abort(new TypeError('network connection lost')), 5);
      const res = await fetch(input, { ...init, signal: drop.signal });
      await res.arrayBuffer();
      throw new TypeError('network connection lost'); // it got through before the cut: the answer is lost anyway
    }
    const res = await fetch(input, init);
    entry.status = res.status;
    return res;
  };
  return { fetch: fetchImpl, log };
}

/** The probe as it answers in a browser tab whose own origin is up (Node has no page origin). */
export const onlineTabProbe = (endpointAnswers: boolean, corsApplies = false): NetworkProbe => ({
  online: () => true,
  endpointAnswers: async () => endpointAnswers,
  ownOriginAnswers: async () => true,
  corsApplies: () => corsApplies,
});

export function storeOn(options: S3StoreOptions = {}, overrides: Partial<ReturnType<typeof rgw>> = {}) {
  return new S3Store({ ...rgw(), ...overrides }, options);
}

/** A journal kept in memory (the engine keeps it in IndexedDB). */
export function memoryJournal(): MultipartJournal & { state: MultipartState | null } {
  const journal = {
    state: null as MultipartState | null,
    load: async () => (journal.state ? structuredClone(journal.state) : null),
    save: async (state: MultipartState | null) => {
      journal.state = state ? structuredClone(state) : null;
    },
  };
  return journal;
}

let run = 0;
/** A key prefix no other test uses. */
export const freshPrefix = (name: string) => `t${Date.now().toString(36)}-${++run}/${name}`;

export function randomBytes(size: number): Uint8Array<ArrayBuffer> {
  const bytes = new Uint8Array(size);
  for (let at = 0; at < size; at += 65536) crypto.getRandomValues(bytes.subarray(at, Math.min(size, at + 65536)));
  return bytes;
}

export const sameBytes = (a: Uint8Array | null, b: Uint8Array) =>
  a !== null && a.length === b.length && Buffer.compare(Buffer.from(a), Buffer.from(b)) === 0;
