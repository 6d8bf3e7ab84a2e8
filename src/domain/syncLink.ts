// The sync settings a device keeps (device-local, never in a bundle) and the sync link that carries them:
// `/connect#endpoint=…&bucket=…&prefix=…&region=…&accessKeyId=…&secretAccessKey=…[&centre=…][&key=…]`.
// The settings travel in the fragment, which browsers never send to a server, so secrets stay out of server logs.
// Values are percent-encoded; `+` is a plus sign (S3 secrets contain `+` and `/`), never a space.
import { z } from './zod';
import { Fingerprint } from './trust';

const httpUrl = z
  .string()
  .trim()
  .min(1, 'is missing')
  .refine((text) => {
    try {
      const url = new URL(text);
      return /^https?:$/.test(url.protocol) && !url.search && !url.hash && !url.username && !url.password;
    } catch {
      return false;
    }
  }, 'must be a web address such as https://s3.example.org (no query, no user name)')
  .transform((text) => text.replace(/\/+$/, ''));

export const SyncSettings = z.object({
  endpoint: httpUrl,
  bucket: z
    .string()
    .regex(/^[A-Za-z0-9][A-Za-z0-9._-]{1,61}[A-Za-z0-9]$/, 'must be 3–63 letters, digits, dots, dashes or underscores'),
  /** Where this centre's objects live inside the bucket ('' for the bucket's root). */
  prefix: z
    .string()
    .regex(
      /^([A-Za-z0-9._-]+(\/[A-Za-z0-9._-]+)*)?$/,
      'must be names separated by "/", without a leading or trailing "/"',
    )
    .refine((prefix) => !prefix.split('/').some((part) => part === '.' || part === '..'), 'may not contain . or ..')
    .default(''),
  region: z
    .string()
    .regex(/^[a-z0-9-]{1,40}$/, 'must be a region name such as us-east-1 (or auto)')
    .default('us-east-1'),
  accessKeyId: z.string().regex(/^[\x21-\x7e]{1,256}$/, 'is missing or contains spaces'),
  secretAccessKey: z.string().regex(/^[\x21-\x7e]{1,256}$/, 'is missing or contains spaces'),
  /** Fingerprint of the centre's key (64 hex digits): the key this device trusts to certify the centre's devices. */
  centre: Fingerprint.optional(),
  /** Encryption secret: base64url of 32 random bytes (43 characters). Present: objects are encrypted at rest. */
  key: z
    .string()
    .regex(/^[A-Za-z0-9_-]{42}[AEIMQUYcgkosw048]$/, 'must be 43 characters of letters, digits, - and _')
    .optional(),
});
export type SyncSettings = z.output<typeof SyncSettings>;
export type SyncSettingsInput = z.input<typeof SyncSettings>;

/** The link's fields in their order, with the words the errors use for them. */
export const SYNC_LINK_FIELDS = {
  endpoint: 'Store address (endpoint)',
  bucket: 'Bucket',
  prefix: 'Prefix',
  region: 'Region',
  accessKeyId: 'Access key id',
  secretAccessKey: 'Secret access key',
  centre: 'Centre key fingerprint',
  key: 'Encryption key',
} as const;
export type SyncLinkField = keyof typeof SYNC_LINK_FIELDS;

export interface SyncLinkProblem {
  field: SyncLinkField | 'link';
  message: string;
}

export type SyncLinkResult = { ok: true; settings: SyncSettings } | { ok: false; problems: SyncLinkProblem[] };

const isField = (name: string): name is SyncLinkField => Object.hasOwn(SYNC_LINK_FIELDS, name);

/** The problems of settings typed by hand or read from a link, each naming its field in words. */
export function checkSyncSettings(input: Record<string, unknown>): SyncLinkResult {
  const parsed = SyncSettings.safeParse(input);
  if (parsed.success) return { ok: true, settings: parsed.data };
  const problems = parsed.error.issues.map((issue): SyncLinkProblem => {
    const name = String(issue.path[0] ?? '');
    const field: SyncLinkProblem['field'] = isField(name) ? name : 'link';
    const what = field === 'link' ? 'The sync link' : SYNC_LINK_FIELDS[field];
    const missing = issue.code === 'invalid_type' && /received undefined/.test(issue.message);
    return { field, message: `${what} ${missing ? 'is missing' : issue.message}.` };
  });
  return { ok: false, problems };
}

function decode(text: string): string | null {
  try {
    return decodeURIComponent(text);
  } catch {
    return null;
  }
}

/** Reads a sync link (the whole address, or only its `#…` part). Unknown parameters are ignored. */
export function parseSyncLink(link: string): SyncLinkResult {
  const hash = link.indexOf('#');
  const fragment = hash >= 0 ? link.slice(hash + 1) : link;
  const values: Record<string, string> = {};
  const problems: SyncLinkProblem[] = [];
  for (const pair of fragment.split('&').filter(Boolean)) {
    const at = pair.indexOf('=');
    const name = decode(at >= 0 ? pair.slice(0, at) : pair) ?? '';
    if (!isField(name)) continue;
    const value = decode(at >= 0 ? pair.slice(at + 1) : '');
    if (value === null) problems.push({ field: name, message: `${SYNC_LINK_FIELDS[name]} is garbled in the link.` });
    else if (name in values) problems.push({ field: name, message: `${SYNC_LINK_FIELDS[name]} appears twice.` });
    else values[name] = value;
  }
  if (problems.length > 0) return { ok: false, problems };
  if (Object.keys(values).length === 0) {
    return { ok: false, problems: [{ field: 'link', message: 'This is not a sync link: it carries no settings.' }] };
  }
  return checkSyncSettings(values);
}

/** The `endpoint=…&bucket=…` fragment (without '#') of the settings. */
export function syncLinkFragment(settings: SyncSettings): string {
  return (Object.keys(SYNC_LINK_FIELDS) as SyncLinkField[])
    .filter((field) => settings[field] !== undefined)
    .map((field) => `${field}=${encodeURIComponent(settings[field] as string)}`)
    .join('&');
}

/** The sync link: `connectAddress` (the app's /connect page, from the UI's routes) and the settings' fragment. */
export function formatSyncLink(settings: SyncSettings, connectAddress: string): string {
  return `${connectAddress.split('#')[0]}#${syncLinkFragment(settings)}`;
}
