// What someone with write access to the bucket can do without any key: copy a genuine object under another name
// and announce it with a feed entry. Used by the unit tests (memory store) and the Ceph RGW tests alike.
import { syncLayout } from '../../../src/sync';
import { snapshot } from '../bundle/helpers';

/** What the device holds, without the sync bookkeeping (its log and cursors move; nothing else may). */
export async function heldRecords() {
  const all = await snapshot();
  for (const table of ['syncLog', 'syncPortfolios', 'settings']) delete all[table];
  return all;
}

/** Copies `from` to `to` and writes the feed entry that announces it, as an attacker with write access would. */
export async function copyAndAnnounce(
  prefix: string,
  copy: (from: string, to: string) => Promise<void>,
  putFeed: (key: string) => Promise<void>,
  feed: string[],
  from: string,
  to: string,
) {
  await copy(from, to);
  const original = feed.map((k) => syncLayout.parseFeedKey(prefix, k)!).find((e) => from.endsWith(`/${e.bundle}`))!;
  const at = new Date(Date.now() + 1000).toISOString();
  const [, portfolioId, , deviceId, bundle] = /portfolios\/([^/]+)\/(bundles)\/([^/]+)\/([^/]+)$/.exec(to)!;
  await putFeed(syncLayout.feedKey(prefix, { ...original, at, portfolioId: portfolioId!, deviceId: deviceId!, bundle: bundle! })); // prettier-ignore
}
