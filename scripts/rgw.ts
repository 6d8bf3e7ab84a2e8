// A throwaway single-node Ceph cluster (one monitor, one memstore OSD, one RADOS Gateway) on 127.0.0.1, for tests
// that need a real S3 server. startRgw() starts it in a fresh temp dir on free ports, creates an S3 user and a bucket
// with a CORS rule; stopRgw() kills exactly the processes it started (by PID, checked against their names).
// Usable from a vitest globalSetup, from tests/e2e and from the command line:
//   npx tsx scripts/rgw.ts start   (prints the env, leaves it running)   npx tsx scripts/rgw.ts stop <dir>
import { spawn, execFile, type ChildProcess } from 'node:child_process';
import { createHash } from 'node:crypto';
import {
  closeSync,
  openSync,
  mkdtempSync,
  mkdirSync,
  readFileSync,
  readdirSync,
  rmSync,
  writeFileSync,
  existsSync,
} from 'node:fs';
import { createServer } from 'node:net';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { promisify } from 'node:util';
import { AwsClient } from 'aws4fetch';
import { cephConfig } from './rgwConfig';

const run = promisify(execFile);
const DAEMONS = new Set(['ceph-mon', 'ceph-osd', 'radosgw']);
const DIR_PREFIX = 'fieldfolio-rgw-';

export interface Rgw {
  endpoint: string;
  region: string;
  bucket: string;
  accessKeyId: string;
  secretAccessKey: string;
  /** The temp dir holding the cluster's data, logs and `pids`. */
  dir: string;
  pids: number[];
  /** Milliseconds from startRgw() to a ready bucket. */
  startMs: number;
}

export interface RgwOptions {
  bucket?: string;
  accessKeyId?: string;
  secretAccessKey?: string;
  /** Started by hand: never stopped as abandoned by a later run. */
  manual?: boolean;
  /** Progress lines (default: none). */
  log?: (line: string) => void;
}

/** A TCP port nothing listens on right now (the OS picks it). */
export function freePort(): Promise<number> {
  return new Promise((resolve, reject) => {
    const server = createServer();
    server.unref();
    server.on('error', reject);
    server.listen(0, '127.0.0.1', () => {
      const address = server.address();
      server.close(() =>
        typeof address === 'object' && address ? resolve(address.port) : reject(new Error('no port')),
      );
    });
  });
}

const sleep = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));

/** The daemon name of a live process, or null (gone, or not ours to judge). */
function commOf(pid: number): string | null {
  try {
    return readFileSync(`/proc/${pid}/comm`, 'utf8').trim();
  } catch {
    return null;
  }
}

function killOurDaemons(pids: number[]): number[] {
  const killed = pids.filter((pid) => DAEMONS.has(commOf(pid) ?? ''));
  for (const pid of killed) {
    try {
      process.kill(pid, 'SIGKILL');
    } catch {
      // already gone
    }
  }
  return killed;
}

/** Clusters a crashed test run left behind: their dirs record the runner's PID; if it is dead, stop them. */
function reapAbandoned(log: (line: string) => void): void {
  for (const name of readdirSync(tmpdir())) {
    if (!name.startsWith(DIR_PREFIX)) continue;
    const dir = join(tmpdir(), name);
    const owner = readTextOr(join(dir, 'owner'), '0').trim();
    // 'manual': started from the command line, stopped by hand (`rgw.ts stop <dir>`).
    if (owner === 'manual' || (Number(owner) && commOf(Number(owner)) !== null)) continue;
    const killed = killOurDaemons(readPids(dir));
    if (killed.length) log(`stopped ${killed.length} daemons left by an earlier run in ${dir}`);
    rmSync(dir, { recursive: true, force: true });
  }
}

function readTextOr(path: string, fallback: string): string {
  try {
    return readFileSync(path, 'utf8');
  } catch {
    return fallback;
  }
}

const readPids = (dir: string) => readTextOr(join(dir, 'pids'), '').split(/\s+/).filter(Boolean).map(Number);

/** A daemon in the foreground (-f) so its PID is the one we record; unref'd so `rgw.ts start` can exit and leave it. */
function daemon(dir: string, command: string, args: string[], name: string): ChildProcess {
  const err = openSync(join(dir, 'log', `${name}.err`), 'a');
  const child = spawn(command, args, { stdio: ['ignore', 'ignore', err] });
  closeSync(err);
  child.unref();
  if (!child.pid) throw new Error(`${command} did not start`);
  writeFileSync(join(dir, 'pids'), `${child.pid}\n`, { flag: 'a' });
  return child;
}

function tail(path: string): string {
  return readTextOr(path, '').split('\n').slice(-15).join('\n');
}

async function waitFor(what: string, ready: () => Promise<boolean>, child: ChildProcess, logFile: string) {
  for (let i = 0; i < 600; i++) {
    if (await ready().catch(() => false)) return;
    if (child.exitCode !== null) throw new Error(`${what}: the process exited (${child.exitCode}).\n${tail(logFile)}`);
    await sleep(50);
  }
  throw new Error(`${what}: not ready after 30 s.\n${tail(logFile)}`);
}

/** Makes sure Debian's Ceph packages are there (apt-get, as scripts/ensure-deps.mjs --ceph does). */
export async function ensureCeph(): Promise<void> {
  const missing = ['ceph-mon', 'ceph-osd', 'radosgw', 'ceph'].filter((cmd) => !onPath(cmd));
  if (missing.length === 0) return;
  await run('node', [fileURLToPath(new URL('./ensure-deps.mjs', import.meta.url)), '--ceph'], { maxBuffer: 1 << 26 });
}

function onPath(cmd: string): boolean {
  return (process.env.PATH ?? '').split(':').some((dir) => existsSync(join(dir, cmd)));
}

export async function startRgw(options: RgwOptions = {}): Promise<Rgw> {
  const log = options.log ?? (() => {});
  const started = Date.now();
  await ensureCeph();
  reapAbandoned(log);
  const dir = mkdtempSync(join(tmpdir(), DIR_PREFIX));
  writeFileSync(join(dir, 'owner'), options.manual ? 'manual' : String(process.pid));
  for (const sub of ['mon/ceph-a', 'osd/ceph-0', 'rgw', 'run', 'log']) mkdirSync(join(dir, sub), { recursive: true });
  const [rgwPort, monPort] = [await freePort(), await freePort()];
  const conf = join(dir, 'ceph.conf');
  writeFileSync(conf, cephConfig(dir, rgwPort, monPort));
  const accessKeyId = options.accessKeyId ?? 'FIELDFOLIOTESTKEY001';
  const secretAccessKey = options.secretAccessKey ?? 'fieldfolio-test-secret-0000000000000000001';
  try {
    await initialiseCluster(dir, conf, monPort, log);
    await run('radosgw-admin', ['-c', conf, '-n', 'client.admin', 'user', 'create', '--uid=tester', '--display-name=tester',
      `--access-key=${accessKeyId}`, `--secret=${secretAccessKey}`]); // prettier-ignore
    log('s3 user created');
    const rgw = daemon(dir, 'radosgw', ['-c', conf, '-n', 'client.rgw.a', '-f'], 'rgw');
    const endpoint = `http://127.0.0.1:${rgwPort}`;
    await waitFor(
      'radosgw',
      async () => (await fetch(`${endpoint}/`)).status === 200,
      rgw,
      join(dir, 'log', 'client.rgw.a.log'),
    );
    log('S3 endpoint ready');
    const region = 'us-east-1';
    const bucket = options.bucket ?? 'fieldfolio-test';
    await createBucketWithCors({ endpoint, region, bucket, accessKeyId, secretAccessKey });
    const pids = readPids(dir);
    return { endpoint, region, bucket, accessKeyId, secretAccessKey, dir, pids, startMs: Date.now() - started };
  } catch (e) {
    killOurDaemons(readPids(dir));
    throw new Error(`Ceph RGW did not start (logs in ${dir}/log): ${(e as Error).message}`, { cause: e });
  }
}

async function initialiseCluster(dir: string, conf: string, monPort: number, log: (line: string) => void) {
  const keyring = join(dir, 'keyring');
  const auth = (...args: string[]) => run('ceph-authtool', [keyring, ...args]);
  await auth('--create-keyring', '--gen-key', '-n', 'mon.', '--cap', 'mon', 'allow *');
  await auth('--gen-key', '-n', 'client.admin', '--cap', 'mon', 'allow *', '--cap', 'osd', 'allow *', '--cap', 'mgr', 'allow *'); // prettier-ignore
  await auth('--gen-key', '-n', 'osd.0', '--cap', 'mon', 'allow profile osd', '--cap', 'osd', 'allow *', '--cap', 'mgr', 'allow profile osd'); // prettier-ignore
  await auth('--gen-key', '-n', 'client.rgw.a', '--cap', 'mon', 'allow rw', '--cap', 'osd', 'allow rwx', '--cap', 'mgr', 'allow rw'); // prettier-ignore
  const fsid = readTextOr(conf, '').match(/fsid = (\S+)/)?.[1] ?? '';
  const monmap = join(dir, 'monmap');
  await run('monmaptool', ['--create', '--fsid', fsid, '--addv', 'a', `[v2:127.0.0.1:${monPort}]`, monmap]);
  await run('ceph-mon', ['-c', conf, '-i', 'a', '--mkfs', '--monmap', monmap, '--keyring', keyring]);
  daemon(dir, 'ceph-mon', ['-c', conf, '-i', 'a', '-f'], 'mon');
  log('mon started');
  const osdUuid = crypto.randomUUID();
  const ceph = ['-c', conf, '--connect-timeout', '20'];
  await run('ceph', [...ceph, 'osd', 'new', osdUuid, '0']);
  await run('ceph-osd', ['-c', conf, '-i', '0', '--mkfs', '--osd-uuid', osdUuid, '--monmap', monmap]);
  daemon(dir, 'ceph-osd', ['-c', conf, '-i', '0', '-f'], 'osd');
  // No wait for "osd.0 up" here (a `ceph osd dump` poll costs ~0.5 s a call): radosgw-admin's first write waits
  // for the OSD by itself.
  log('osd started');
}

/** The bucket the tests use, with the CORS rule a browser needs (any origin here; docs/sync-bucket.md names one). */
export async function createBucketWithCors(s3: Omit<Rgw, 'dir' | 'pids' | 'startMs'>): Promise<void> {
  const client = new AwsClient({ ...s3, service: 's3', retries: 0 });
  const url = `${s3.endpoint}/${s3.bucket}`;
  const made = await client.fetch(url, { method: 'PUT' });
  if (!made.ok && made.status !== 409) throw new Error(`create bucket: ${made.status} ${await made.text()}`);
  const cors = TEST_CORS_RULE;
  const md5 = createHash('md5').update(cors).digest('base64');
  const res = await client.fetch(`${url}?cors`, { method: 'PUT', body: cors, headers: { 'Content-MD5': md5 } });
  if (!res.ok) throw new Error(`put bucket CORS: ${res.status} ${await res.text()}`);
}

export const TEST_CORS_RULE = `<CORSConfiguration><CORSRule>
<AllowedOrigin>*</AllowedOrigin>
<AllowedMethod>GET</AllowedMethod><AllowedMethod>PUT</AllowedMethod><AllowedMethod>HEAD</AllowedMethod>
<AllowedMethod>POST</AllowedMethod><AllowedMethod>DELETE</AllowedMethod>
<AllowedHeader>*</AllowedHeader>
<ExposeHeader>ETag</ExposeHeader><ExposeHeader>Date</ExposeHeader><ExposeHeader>x-amz-request-id</ExposeHeader>
<MaxAgeSeconds>3600</MaxAgeSeconds>
</CORSRule></CORSConfiguration>`;

/** Kills exactly the daemons startRgw() recorded in the dir's `pids`, then removes the dir. */
export function stopRgw(rgw: Pick<Rgw, 'dir'>): number[] {
  const killed = killOurDaemons(readPids(rgw.dir));
  rmSync(rgw.dir, { recursive: true, force: true });
  return killed;
}

/** Stops only the gateway (to test a store that goes away mid-sync); restartGateway() brings it back. */
export function stopGateway(rgw: Rgw): void {
  const pid = readPids(rgw.dir).find((p) => commOf(p) === 'radosgw');
  if (pid) process.kill(pid, 'SIGKILL');
}

export async function restartGateway(rgw: Rgw): Promise<void> {
  const conf = join(rgw.dir, 'ceph.conf');
  const child = daemon(rgw.dir, 'radosgw', ['-c', conf, '-n', 'client.rgw.a', '-f'], 'rgw');
  const logFile = join(rgw.dir, 'log', 'client.rgw.a.log');
  await waitFor('radosgw', async () => (await fetch(`${rgw.endpoint}/`)).status === 200, child, logFile);
}

/** Sets the S3 user's quota in bytes, as a centre's administrator does (radosgw-admin), or lifts it (null). */
export async function setUserQuota(rgw: Pick<Rgw, 'dir'>, maxBytes: number | null): Promise<void> {
  const admin = (...args: string[]) =>
    run('radosgw-admin', ['-c', join(rgw.dir, 'ceph.conf'), '-n', 'client.admin', 'quota', ...args]);
  if (maxBytes === null) {
    await admin('disable', '--quota-scope=user', '--uid=tester');
    return;
  }
  await admin('set', '--quota-scope=user', '--uid=tester', `--max-size=${maxBytes}`);
  await admin('enable', '--quota-scope=user', '--uid=tester');
}

async function main() {
  const [command, dir] = process.argv.slice(2);
  if (command === 'start') {
    const rgw = await startRgw({ manual: true, log: (line) => console.error(`[rgw] ${line}`) });
    console.log(JSON.stringify(rgw, null, 2));
  } else if (command === 'stop' && dir) {
    console.log(`stopped: ${stopRgw({ dir }).join(' ') || 'nothing'}`);
  } else {
    console.error('usage: tsx scripts/rgw.ts start | stop <dir>');
    process.exit(2);
  }
}

if (process.argv[1]?.endsWith('rgw.ts')) await main();
