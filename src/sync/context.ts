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

/** A small JSON object body for the object `key`, sealed for that key when the centre encrypts. */
export async function jsonBody(ctx: SyncContext, key: string, value: unknown): Promise<Blob> {
  const plain = new Blob([JSON.stringify(value)]);
  return ctx.envelope ? ctx.envelope.seal(key, plain) : plain;
}

/** Reads a JSON object body written by jsonBody; null when absent. Throws when it does not open or parse. */
export async function readJson(ctx: SyncContext, key: string): Promise<unknown> {
  const body = await ctx.store.getBlob(key);
  if (!body) return null;
  const plain = ctx.envelope ? await ctx.envelope.open(key, body) : body;
  return JSON.parse(await plain.text());
}
