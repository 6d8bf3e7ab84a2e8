// S3 transport throughput against a throwaway Ceph RGW on this machine: PUT and GET of one large object through
// S3Store (multipart, 8 MiB parts; plain and sealed) beside a peer measured in the same run — the same bytes in one
// raw signed request (aws4fetch, no store) — with the ratio. `npm run bench -- --only=s3`.
import { AwsClient } from 'aws4fetch';
import { startRgw, stopRgw } from '../../scripts/rgw';
import { EncryptedStore, S3Store, generateSyncSecret, importSyncSecret } from '../../src/sync';

const MB = 1_000_000;

async function timed(fn: () => Promise<unknown>): Promise<number> {
  const start = performance.now();
  await fn();
  return (performance.now() - start) / 1000;
}

export async function benchS3(sizeMB = 48): Promise<void> {
  const starts: number[] = [];
  const rgw = await startRgw();
  starts.push(rgw.startMs);
  try {
    const bytes = new Uint8Array(sizeMB * MB);
    for (let at = 0; at < bytes.length; at += 65536) crypto.getRandomValues(bytes.subarray(at, at + 65536));
    const blob = new Blob([bytes]);
    const store = new S3Store(rgw);
    const sealed = new EncryptedStore(store, await importSyncSecret(generateSyncSecret()));
    const raw = new AwsClient({ ...rgw, service: 's3', retries: 0 });
    const url = (key: string) => `${rgw.endpoint}/${rgw.bucket}/bench/${key}`;
    const rate = (seconds: number) => sizeMB / seconds;
    const peerPut = rate(await timed(async () => (await raw.fetch(url('raw'), { method: 'PUT', body: bytes })).text()));
    const storePut = rate(await timed(() => store.putNew('bench/store', blob)));
    const sealedPut = rate(await timed(() => sealed.putNew('bench/sealed', blob)));
    const peerGet = rate(await timed(async () => (await raw.fetch(url('raw'))).arrayBuffer()));
    const storeGet = rate(await timed(() => store.get('bench/store')));
    const sealedGet = rate(await timed(() => sealed.get('bench/sealed')));
    const row = (what: string, mine: number, peer: number) =>
      `  ${what.padEnd(34)} ${mine.toFixed(0).padStart(5)} MB/s   peer ${peer.toFixed(0).padStart(5)} MB/s   ratio ${(mine / peer).toFixed(2)}`; // prettier-ignore
    console.log(`S3 transport on Ceph RGW (${sizeMB} MB object; peer: one raw signed request, same run)`);
    console.log(row('PUT S3Store (multipart 8 MiB)', storePut, peerPut));
    console.log(row('PUT EncryptedStore (sealed)', sealedPut, peerPut));
    console.log(row('GET S3Store', storeGet, peerGet));
    console.log(row('GET EncryptedStore (opened)', sealedGet, peerGet));
  } finally {
    stopRgw(rgw);
  }
  const again = await startRgw();
  starts.push(again.startMs);
  stopRgw(again);
  console.log(`  RGW start (packages installed): ${starts.map((ms) => `${(ms / 1000).toFixed(1)} s`).join(', ')}`);
}
