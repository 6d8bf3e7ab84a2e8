// Runs before npm start / npm test on a fresh clone: installs npm packages when node_modules is missing or
// older than package-lock.json, (with --browser) Debian's Chromium for the browser tests and (with --ceph) Debian's
// Ceph daemons for the sync tests against a real S3 server (scripts/rgw.ts).
import { execSync } from 'node:child_process';
import { existsSync, statSync } from 'node:fs';

const run = (cmd) => execSync(cmd, { stdio: 'inherit' });
const marker = 'node_modules/.package-lock.json';
if (!existsSync(marker) || statSync(marker).mtimeMs < statSync('package-lock.json').mtimeMs) {
  console.log('[ensure] installing npm packages (npm install against package-lock.json)…');
  // Not `npm ci`: it rejects lock files written by `npm install` on this platform.
  run('npm install --no-audit --no-fund');
}

export function findChromium() {
  for (const p of [process.env.CHROMIUM_PATH, '/usr/bin/chromium', '/usr/bin/chromium-browser']) {
    if (p && existsSync(p)) return p;
  }
  try {
    return execSync('command -v chromium || command -v chromium-browser', { encoding: 'utf8' }).trim() || null;
  } catch {
    return null;
  }
}

const has = (cmd) => {
  try {
    execSync(`command -v ${cmd}`, { stdio: 'ignore' });
    return true;
  } catch {
    return false;
  }
};

// Browser tests need Chromium; the bundle check needs unzip, sha256sum (coreutils) and openssl; the container tests
// re-zip a bundle with Info-ZIP's zip.
const browser = process.argv.includes('--browser')
  ? [!findChromium() && 'chromium', !has('unzip') && 'unzip', !has('zip') && 'zip', !has('openssl') && 'openssl']
  : [];
// The sync tests start a single-node Ceph cluster with its RADOS Gateway (about 65 MB, once).
const ceph = process.argv.includes('--ceph')
  ? [
      !has('ceph-mon') && 'ceph-mon',
      !has('ceph-osd') && 'ceph-osd',
      !has('radosgw') && 'radosgw',
      !has('ceph') && 'ceph-common',
    ]
  : [];
const missing = [...browser, ...ceph].filter(Boolean);
if (missing.length > 0) {
  console.log(`[ensure] installing Debian packages: ${missing.join(' ')}…`);
  const sudo = process.getuid && process.getuid() !== 0 ? 'sudo ' : '';
  try {
    run(`${sudo}apt-get install -y ${missing.join(' ')}`);
  } catch {
    run(`${sudo}apt-get update`);
    run(`${sudo}apt-get install -y ${missing.join(' ')}`);
  }
}
