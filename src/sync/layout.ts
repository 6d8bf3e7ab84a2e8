// The bucket layout (docs/sync.md). Every key is built and read here, nowhere else.
//   <prefix>/devices/<deviceId>.json                          a device's public key and label
//   <prefix>/portfolios/<portfolioId>/index/<deviceId>.json   the people a portfolio concerns, as that device knows it
//   <prefix>/portfolios/<portfolioId>/bundles/<deviceId>/<seq>-<full|changes>.zip   one signed bundle per push
//   <prefix>/feed/<time>_<deviceId>_<portfolioId>_<bundle name>_<parties hash>      an empty object per push
// Bundle names start with the pushing device's change seq, zero-padded, so a listing that starts after the last
// name applied returns exactly what is new; feed keys start with the time, so one listing of the feed (starting a
// look-back window before the last) tells a device what changed anywhere in the centre.

/** A prefix as keys use it: no leading slash, one trailing slash (or empty). */
export function normalisePrefix(prefix: string): string {
  const trimmed = prefix.replace(/^\/+|\/+$/g, '');
  return trimmed ? `${trimmed}/` : '';
}

export const deviceKey = (prefix: string, deviceId: string) => `${prefix}devices/${deviceId}.json`;
export const indexKey = (prefix: string, portfolioId: string, deviceId: string) =>
  `${prefix}portfolios/${portfolioId}/index/${deviceId}.json`;
export const bundleFolder = (prefix: string, portfolioId: string, deviceId: string) =>
  `${prefix}portfolios/${portfolioId}/bundles/${deviceId}/`;
export const portfolioBundles = (prefix: string, portfolioId: string) => `${prefix}portfolios/${portfolioId}/bundles/`;
export const feedFolder = (prefix: string) => `${prefix}feed/`;

const SEQ_DIGITS = 12;

/** `000000000042-changes.zip`: the seq sorts as a number because it is zero-padded. */
export function bundleName(toSeq: number, full: boolean, sealed: boolean): string {
  return `${String(toSeq).padStart(SEQ_DIGITS, '0')}-${full ? 'full' : 'changes'}.zip${sealed ? '.sealed' : ''}`;
}

export interface BundleName {
  seq: number;
  full: boolean;
  sealed: boolean;
}

export function parseBundleName(name: string): BundleName | null {
  const m = /^(\d{12})-(full|changes)\.zip(\.sealed)?$/.exec(name);
  return m ? { seq: Number(m[1]), full: m[2] === 'full', sealed: !!m[3] } : null;
}

/** An ISO time as a fixed-width key part that sorts as the time does: 20260601T090000000Z. */
export const compactTime = (iso: string) => new Date(iso).toISOString().replace(/[-:.]/g, '');

export interface FeedEntry {
  key: string;
  at: string;
  deviceId: string;
  portfolioId: string;
  bundle: string;
  partiesHash: string;
}

export const feedKey = (prefix: string, e: Omit<FeedEntry, 'key'>) =>
  `${feedFolder(prefix)}${compactTime(e.at)}_${e.deviceId}_${e.portfolioId}_${e.bundle}_${e.partiesHash}`;

/** The feed key that sorts just before every entry written at or after `iso`. */
export const feedStartAfter = (prefix: string, iso: string) => `${feedFolder(prefix)}${compactTime(iso)}`;

export function parseFeedKey(prefix: string, key: string): FeedEntry | null {
  const rest = key.startsWith(feedFolder(prefix)) ? key.slice(feedFolder(prefix).length) : null;
  const m = rest === null ? null : /^(\d{8}T\d{9}Z)_([^_/]+)_([^_/]+)_([^_/]+)_([0-9a-f]+)$/.exec(rest);
  if (!m || !parseBundleName(m[4]!)) return null;
  const t = m[1]!;
  const at = `${t.slice(0, 4)}-${t.slice(4, 6)}-${t.slice(6, 8)}T${t.slice(9, 11)}:${t.slice(11, 13)}:${t.slice(13, 15)}.${t.slice(15, 18)}Z`;
  return { key, at, deviceId: m[2]!, portfolioId: m[3]!, bundle: m[4]!, partiesHash: m[5]! };
}

/** The device folder and file name of a bundle key under a portfolio's bundles/. */
export function splitBundleKey(prefix: string, portfolioId: string, key: string) {
  const rest = key.slice(portfolioBundles(prefix, portfolioId).length);
  const [deviceId, name, ...more] = rest.split('/');
  return deviceId && name && more.length === 0 && parseBundleName(name) ? { deviceId, name } : null;
}

/** The device whose object a key names (a bundle folder, an index or a device object), or null. */
export function deviceOfKey(key: string): string | null {
  return /(?:\/bundles\/|\/index\/|(?:^|\/)devices\/)([^/]+?)(?:\.json)?(?:\/|$)/.exec(key)?.[1] ?? null;
}
