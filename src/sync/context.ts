// What push and pull share: the store, the layout's prefix, the envelope, the clock and the rules.
import type { ObjectStore } from './objectStore';
import type { SyncRules } from './rules';
import type { Envelope } from './transport';

export interface SyncContext {
  store: ObjectStore;
  /** Normalised: empty or ending in one slash. */
  prefix: string;
  envelope: Envelope | null;
  /** This device's id (storage deviceId()). */
  deviceId: string;
  /** ISO time; should be the store-corrected clock (a device clock more than 15 minutes off is refused by S3). */
  now(): string;
  rules: SyncRules;
  /** Upload progress of a portfolio's pending bundle. */
  onProgress(portfolioId: string, sent: number, total: number): void;
}

const encoder = new TextEncoder();

/** A small JSON object body, sealed when the centre encrypts. */
export async function jsonBody(ctx: SyncContext, value: unknown): Promise<Uint8Array> {
  const plain = encoder.encode(JSON.stringify(value));
  return ctx.envelope ? ctx.envelope.seal(ctx.envelope.key, plain) : plain;
}

/** Reads a JSON object body written by jsonBody; null when absent. Throws when it does not open or parse. */
export async function readJson(ctx: SyncContext, key: string): Promise<unknown> {
  const bytes = await ctx.store.get(key);
  if (!bytes) return null;
  const plain = ctx.envelope ? await ctx.envelope.open(ctx.envelope.key, bytes) : bytes;
  return JSON.parse(new TextDecoder().decode(plain));
}
