import { AwsClient, AwsV4Signer } from 'aws4fetch';
import { execFile } from 'node:child_process';
import { promisify } from 'node:util';
import { join } from 'node:path';
import { startRgw, stopRgw } from '../scripts/rgw';
const run = promisify(execFile);
const rgw = await startRgw();
const origin = 'http://127.0.0.1:5555';
const show = async (what: string, res: Response) => {
  console.log('==', what, res.status, JSON.stringify(Object.fromEntries(res.headers)), (await res.text()).slice(0, 300));
};
try {
  const base = `${rgw.endpoint}/${rgw.bucket}`;
  const skewed = await new AwsV4Signer({ ...rgw, service: 's3', method: 'GET', url: `${base}?list-type=2`, headers: { Origin: origin },
    datetime: new Date(Date.now() + 40 * 60_000).toISOString().replace(/[:-]|\.\d{3}/g, '') }).sign();
  await show('skewed', await fetch(skewed.url, { headers: skewed.headers }));
  const client = new AwsClient({ ...rgw, service: 's3', retries: 0 });
  await show('nobucket', await client.fetch(`${rgw.endpoint}/no-such-bucket?list-type=2`, { headers: { Origin: origin } }));
  await show('nobucket-anon', await fetch(`${rgw.endpoint}/no-such-bucket?list-type=2`, { headers: { Origin: origin } }));
  await show('anon-bucket', await fetch(`${base}?x=1`, { headers: { Origin: origin } }));
  const conf = join(rgw.dir, 'ceph.conf');
  const admin = (...a: string[]) => run('radosgw-admin', ['-c', conf, '-n', 'client.admin', ...a]);
  await admin('quota', 'set', '--quota-scope=user', '--uid=tester', '--max-size=1048576');
  await admin('quota', 'enable', '--quota-scope=user', '--uid=tester');
  const t0 = Date.now();
  for (let i = 0; i < 30; i++) {
    const res = await client.fetch(`${base}/q/obj${i}`, { method: 'PUT', body: new Uint8Array(400_000), headers: { Origin: origin } });
    if (!res.ok) { await show(`quota put ${i} after ${Date.now() - t0} ms`, res); break; }
    console.log('put', i, res.status, Date.now() - t0);
    await new Promise((r) => setTimeout(r, 1000));
  }
} finally { stopRgw(rgw); }
