// The app's Content-Security-Policy and security headers: one definition, used by the build (a meta tag in
// dist/index.html) and by `npm start` / the browser tests (headers from vite preview). docs/deploy.md explains
// each directive and gives the same headers for other servers; keep the two in step.
import { createHash } from 'node:crypto';
import { REPORT_STYLE } from '../src/bundle/reportStyle';

/** The report's inline stylesheet, allowed by hash: the regenerated report is shown in a srcdoc iframe. */
const reportStyleHash = `'sha256-${createHash('sha256').update(REPORT_STYLE).digest('base64')}'`;

const DIRECTIVES: Array<[string, string]> = [
  ['default-src', "'self'"],
  // hash-wasm compiles WebAssembly (SHA-256 in the hash workers); no other script than the app's files.
  ['script-src', "'self' 'wasm-unsafe-eval'"],
  ['style-src', `'self' ${reportStyleHash}`],
  // Evidence photos are blob: URLs, drawn signatures data: URLs; nothing is loaded from another site.
  ['img-src', "'self' blob: data:"],
  ['media-src', "'self' blob:"],
  // Sync talks to an endpoint the user configures: any https server, or one on this machine during setup.
  ['connect-src', "'self' https: http://127.0.0.1:* http://localhost:*"],
  // The hash workers and the service worker are files of the app.
  ['worker-src', "'self'"],
  ['object-src', "'none'"],
  ['base-uri', "'none'"],
];

const policy = (directives: Array<[string, string]>) =>
  directives.map(([name, value]) => `${name} ${value}`).join('; ');

/** The policy as a meta tag carries it (frame-ancestors is ignored in a meta tag, so it is left out there). */
export const CONTENT_SECURITY_POLICY_META = policy(DIRECTIVES);

/** Headers every response of the app is served with. */
export const SECURITY_HEADERS: Record<string, string> = {
  'Content-Security-Policy': policy([...DIRECTIVES, ['frame-ancestors', "'none'"]]),
  'X-Content-Type-Options': 'nosniff',
  'Referrer-Policy': 'no-referrer',
  'X-Frame-Options': 'DENY',
  'Permissions-Policy': 'camera=(self), microphone=(self), geolocation=(), payment=(), usb=()',
};
