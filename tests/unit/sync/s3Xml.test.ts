import { describe, expect, it } from 'vitest';
import { decodeXmlText, parseListPage, parsePartsPage } from '../../../src/sync/s3Xml';
import { parseErrorBody, storeErrorFromResponse } from '../../../src/sync/s3Errors';

describe('S3 XML', () => {
  it('reads a ListObjectsV2 page with entities in keys and a continuation token', () => {
    const xml = `<?xml version="1.0" encoding="UTF-8"?><ListBucketResult xmlns="http://s3.amazonaws.com/doc/2006-03-01/">
      <Name>b</Name><Prefix>p/</Prefix><KeyCount>2</KeyCount><MaxKeys>2</MaxKeys><IsTruncated>true</IsTruncated>
      <Contents><Key>p/a&amp;b &lt;c&gt; &#x1;&#233;</Key><Size>12</Size><ETag>&quot;x&quot;</ETag></Contents>
      <Contents><Key>p/it&apos;s</Key><Size>0</Size></Contents>
      <NextContinuationToken>tok/+=</NextContinuationToken></ListBucketResult>`;
    expect(parseListPage(xml)).toEqual({
      objects: [
        { key: 'p/a&b <c> \u0001é', size: 12 },
        { key: "p/it's", size: 0 },
      ],
      nextContinuationToken: 'tok/+=',
    });
    expect(parseListPage(xml.replace('<IsTruncated>true', '<IsTruncated>false')).nextContinuationToken).toBeUndefined();
    expect(parseListPage('<ListBucketResult><IsTruncated>false</IsTruncated></ListBucketResult>').objects).toEqual([]);
  });

  it('reads ListParts without mistaking PartNumber for a Part', () => {
    const xml = `<ListPartsResult><IsTruncated>true</IsTruncated><NextPartNumberMarker>2</NextPartNumberMarker>
      <Part><PartNumber>1</PartNumber><ETag>"e1"</ETag><Size>5242880</Size></Part>
      <Part><PartNumber>2</PartNumber><ETag>&quot;e2&quot;</ETag><Size>5242880</Size></Part></ListPartsResult>`;
    expect(parsePartsPage(xml)).toEqual({
      parts: [
        { partNumber: 1, etag: '"e1"', size: 5242880 },
        { partNumber: 2, etag: '"e2"', size: 5242880 },
      ],
      nextMarker: 2,
    });
  });

  it('leaves unknown entities as they are', () => {
    expect(decodeXmlText('&nbsp;&amp;')).toBe('&nbsp;&');
  });
});

describe('S3 error answers', () => {
  const failure = (status: number, code: string) =>
    storeErrorFromResponse(status, parseErrorBody(`<Error><Code>${code}</Code><Message>m</Message></Error>`), 'b', 'k')
      .failure;

  it('maps every S3 error family to a failure kind', () => {
    const cases: Array<[number, string, string]> = [
      [403, 'AccessDenied', 'forbidden'],
      [403, 'InvalidAccessKeyId', 'forbidden'],
      [403, 'SignatureDoesNotMatch', 'forbidden'],
      [403, 'RequestTimeTooSkewed', 'clock-skew'],
      [404, 'NoSuchBucket', 'no-bucket'],
      [412, 'PreconditionFailed', 'exists'],
      [403, 'QuotaExceeded', 'full'],
      [507, '', 'full'],
      [400, 'EntityTooLarge', 'full'],
      [400, 'InvalidArgument', 'refused'],
      [503, 'SlowDown', 'unavailable'],
      [500, 'InternalError', 'unavailable'],
    ];
    expect(cases.map(([status, code]) => failure(status, code))).toEqual(cases.map(([, , kind]) => kind));
  });

  it('keeps the store’s reason for a refusal in the message', () => {
    const error = storeErrorFromResponse(400, parseErrorBody('<Error><Code>InvalidTag</Code><Message>bad &amp; tag</Message></Error>'), 'b', 'k'); // prettier-ignore
    expect(error.message).toBe('The store refused “k”: bad & tag. [InvalidTag: bad & tag]');
    expect(error.status).toBe(400);
  });
});
