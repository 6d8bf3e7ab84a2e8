// The small descriptors a device owns and overwrites: its device object (public key, label) and, per portfolio it
// pushes, an index object naming the people the portfolio concerns (ids only), which other devices read to
// discover portfolios started elsewhere.
import type { Enrolment } from '../domain';
import { sha256Hex, thisDeviceEntry } from '../storage';
import { StoreError } from './objectStore';
import { jsonBody, readJson, type SyncContext } from './context';
import { deviceKey, indexKey } from './layout';

export interface PortfolioIndex {
  format: 'fieldfolio-sync-index';
  portfolioId: string;
  deviceId: string;
  candidateId: string;
  assessorId: string | null;
  iqaId: string | null;
  updatedAt: string;
}

export type Parties = Pick<PortfolioIndex, 'candidateId' | 'assessorId' | 'iqaId'>;

export const partiesOf = (e: Enrolment): Parties => ({
  candidateId: e.candidateId,
  assessorId: e.assessorId ?? null,
  iqaId: e.iqaId ?? null,
});

/** 8 hex digits naming who a portfolio concerns: in feed keys, so a change of people is seen without a read. */
export async function partiesHash(p: Parties): Promise<string> {
  const text = `${p.candidateId}|${p.assessorId ?? ''}|${p.iqaId ?? ''}`;
  return (await sha256Hex(new TextEncoder().encode(text))).slice(0, 8);
}

export async function writeIndex(ctx: SyncContext, portfolioId: string, parties: Parties): Promise<void> {
  const index: PortfolioIndex = {
    format: 'fieldfolio-sync-index',
    portfolioId,
    deviceId: ctx.deviceId,
    ...parties,
    updatedAt: ctx.now(),
  };
  const key = indexKey(ctx.prefix, portfolioId, ctx.deviceId);
  await ctx.store.put(key, await jsonBody(ctx, key, index), { contentType: 'application/json' });
}

/** The people an index object names, or null when it is absent or unreadable (then the portfolio is not pulled). */
export async function readIndex(ctx: SyncContext, portfolioId: string, deviceId: string): Promise<Parties | null> {
  try {
    const value = (await readJson(ctx, indexKey(ctx.prefix, portfolioId, deviceId))) as Partial<PortfolioIndex> | null;
    if (!value || value.format !== 'fieldfolio-sync-index' || typeof value.candidateId !== 'string') return null;
    // An index copied from another portfolio's or device's place is no index of this one.
    if (value.portfolioId !== portfolioId || value.deviceId !== deviceId) return null;
    return { candidateId: value.candidateId, assessorId: value.assessorId ?? null, iqaId: value.iqaId ?? null };
  } catch (e) {
    // The store failing is retried; an object that does not open or parse is no index.
    if (e instanceof StoreError) throw e;
    return null;
  }
}

export const concerns = (p: Parties, people: Set<string>) =>
  people.has(p.candidateId) || (!!p.assessorId && people.has(p.assessorId)) || (!!p.iqaId && people.has(p.iqaId));

/** This device's descriptor: its id, key fingerprint, public key and a label people recognise. */
export async function writeDeviceObject(ctx: SyncContext, label: string): Promise<void> {
  const entry = await thisDeviceEntry();
  const body = { format: 'fieldfolio-sync-device', ...entry, label, updatedAt: ctx.now() };
  const key = deviceKey(ctx.prefix, ctx.deviceId);
  await ctx.store.put(key, await jsonBody(ctx, key, body), { contentType: 'application/json' });
}

/** Another device's label, as its descriptor says (a hint for people, never a trust decision). */
export async function readDeviceLabel(ctx: SyncContext, deviceId: string): Promise<string | null> {
  try {
    const value = (await readJson(ctx, deviceKey(ctx.prefix, deviceId))) as { label?: unknown } | null;
    return typeof value?.label === 'string' ? value.label : null;
  } catch {
    return null;
  }
}
