// Devices this one has exchanged bundles with, for incremental bundles ("changes since we last sent").
import { db } from './db';

export interface Peer {
  deviceId: string;
  label: string;
  /** Per portfolio id: when this device last sent it a bundle of that portfolio. */
  sentAt: Record<string, string>;
  lastReceivedAt: string | null;
}

const defaultLabel = (peerDeviceId: string) => `device ${peerDeviceId.slice(0, 8)}`;

export async function listPeers(): Promise<Peer[]> {
  const rows =
    ((await db().settings.get('peers'))?.value as Array<Partial<Peer> & { deviceId: string }> | undefined) ?? [];
  // Read tolerantly: rows from before per-portfolio send times have none (so the next bundle is a full one).
  return rows.map((p) => ({ label: defaultLabel(p.deviceId), lastReceivedAt: null, ...p, sentAt: p.sentAt ?? {} }));
}

export async function notePeer(
  deviceIdOfPeer: string,
  change: { label?: string; lastReceivedAt?: string; sent?: { portfolioId: string; at: string } },
): Promise<void> {
  const { sent, ...rest } = change;
  await db().transaction('rw', db().settings, async () => {
    const peers = await listPeers();
    const existing = peers.find((p) => p.deviceId === deviceIdOfPeer);
    const next: Peer = {
      deviceId: deviceIdOfPeer,
      label: defaultLabel(deviceIdOfPeer),
      lastReceivedAt: null,
      ...existing,
      ...rest,
      sentAt: { ...existing?.sentAt },
    };
    if (sent) next.sentAt[sent.portfolioId] = sent.at;
    await db().settings.put({ key: 'peers', value: [...peers.filter((p) => p.deviceId !== deviceIdOfPeer), next] });
  });
}
