// The sync link: read from the fragment (secrets never reach a server), errors naming the field, and back again.
import { describe, expect, it } from 'vitest';
import fc from 'fast-check';
import { formatSyncLink, parseSyncLink, SyncSettings, type SyncLinkResult } from '../../../src/domain';

const CONNECT = 'https://app.example.org/connect';
const full = {
  endpoint: 'https://s3.eu-west-2.amazonaws.com',
  bucket: 'centre-sync',
  prefix: 'fife/2026',
  region: 'eu-west-2',
  accessKeyId: 'AKIAIOSFODNN7EXAMPLE',
  secretAccessKey: 'wJalrXUtnFEMI/K7MDENG+bPxRfiCYEXAMPLEKEY',
  centre: 'ab'.repeat(32),
  key: 'q2mbhV7u5jPwxDmB4g0FzJ8Y1nOtaR6cS3WkLpEdHiA',
};

const problems = (result: SyncLinkResult) => (result.ok ? [] : result.problems);

describe('sync link', () => {
  it('reads every field from the fragment, keeping + and / in the secret', () => {
    const link = formatSyncLink(SyncSettings.parse(full), CONNECT);
    expect(link.startsWith(`${CONNECT}#endpoint=https%3A%2F%2Fs3.eu-west-2`)).toBe(true);
    expect(link).toContain('secretAccessKey=wJalrXUtnFEMI%2FK7MDENG%2BbPxRfiCYEXAMPLEKEY');
    expect(parseSyncLink(link)).toEqual({ ok: true, settings: full });
  });

  it('takes a plus sign typed unencoded as a plus, not a space, and defaults prefix and region', () => {
    const result = parseSyncLink('#endpoint=http://127.0.0.1:7480/&bucket=b01&accessKeyId=A&secretAccessKey=x+y/z');
    expect(result).toEqual({
      ok: true,
      settings: {
        endpoint: 'http://127.0.0.1:7480',
        bucket: 'b01',
        prefix: '',
        region: 'us-east-1',
        accessKeyId: 'A',
        secretAccessKey: 'x+y/z',
      },
    });
  });

  it('names each bad or missing field in words', () => {
    const result = parseSyncLink(
      `${CONNECT}#endpoint=ftp://x&bucket=a&prefix=/lead&accessKeyId=AK&centre=xyz&key=short&unknown=1`,
    );
    expect(problems(result).map((p) => p.field)).toEqual(['endpoint', 'bucket', 'prefix', 'secretAccessKey', 'centre', 'key']); // prettier-ignore
    const messages = problems(result).map((p) => p.message);
    expect(messages).toContain('Secret access key is missing.');
    expect(messages[0]).toMatch(/^Store address \(endpoint\) must be a web address/);
    expect(messages[1]).toMatch(/^Bucket must be 3–63/);
  });

  it('refuses a link that repeats a field, is garbled, or carries nothing', () => {
    expect(problems(parseSyncLink('#bucket=aaa&bucket=bbb'))[0]?.message).toBe('Bucket appears twice.');
    expect(problems(parseSyncLink('#bucket=%E0%A4%A'))[0]?.message).toBe('Bucket is garbled in the link.');
    expect(problems(parseSyncLink(CONNECT))[0]).toEqual({
      field: 'link',
      message: 'This is not a sync link: it carries no settings.',
    });
  });

  it('round-trips any valid settings through a link', () => {
    const printable = fc.string({ unit: fc.constantFrom(...'abcXYZ019+/=&#%?! ~'.replace(' ', '')), minLength: 1 });
    const settings = fc.record(
      {
        endpoint: fc.constantFrom('https://s3.example.org', 'http://127.0.0.1:7480', 'https://x.r2.dev/base'),
        bucket: fc.stringMatching(/^[a-z0-9][a-z0-9.-]{1,20}[a-z0-9]$/),
        prefix: fc.constantFrom('', 'a', 'a/b-c/d_e'),
        region: fc.constantFrom('us-east-1', 'auto'),
        accessKeyId: printable,
        secretAccessKey: printable,
        centre: fc.stringMatching(/^[0-9a-f]{64}$/),
        key: fc.stringMatching(/^[A-Za-z0-9_-]{42}[AEIMQUYcgkosw048]$/),
      },
      { requiredKeys: ['endpoint', 'bucket', 'prefix', 'region', 'accessKeyId', 'secretAccessKey'] },
    );
    fc.assert(
      fc.property(settings, (s) => {
        expect(parseSyncLink(formatSyncLink(s, CONNECT))).toEqual({ ok: true, settings: s });
      }),
    );
  });
});
