// What a bundle's content may make the app do: no record field makes it fetch an address, and the report it
// carries is never trusted: the one shown is made again from the verified data and compared with it.
import 'fake-indexeddb/auto';
import { describe, expect, it } from 'vitest';
import { readRecord } from '../../../src/domain';
import { setDatabase } from '../../../src/storage/db';
import { bundleReport } from '../../../src/bundle/report';
import { BundleError, verifyBundle } from '../../../src/bundle/verify';
import { installFileClock, resignedWith, setUpDemoPhone, specs, unzipAll } from './helpers';

installFileClock();
const demo = setUpDemoPhone();

/** resignedWith carries files as text: media (binary) is left out, with its records. */
function withoutMedia(files: Record<string, string>): Record<string, unknown> {
  for (const path of Object.keys(files)) if (path.startsWith('data/media/')) delete files[path];
  const json = JSON.parse(files['data/portfolio.json']!);
  json.records.media = [];
  return json;
}

const PNG =
  'data:image/png;base64,iVBORw0KGgoAAAANSUhEUgAAAAEAAAABCAYAAAAfFcSJAAAADUlEQVR42mNkYPhfDwAChwGA60e6kgAAAABJRU5ErkJggg==';
const SVG = 'data:image/svg+xml;base64,PHN2ZyB4bWxucz0iaHR0cDovL3d3dy53My5vcmcvMjAwMC9zdmciLz4=';
const REFUSED = [
  'https://example.invalid/beacon.png',
  'http://example.invalid/x.png',
  '//example.invalid/x.png',
  'data:image/svg+xml,<svg onload="alert(1)"/>',
  'data:text/html;base64,PHNjcmlwdD4=',
  'DATA:IMAGE/PNG;BASE64,AAAA',
  'javascript:alert(1)',
  'blob:http://127.0.0.1/abc',
  `${PNG}"><img src=x>`,
];

const meta = { createdAt: '2026-01-01T10:00:00Z', updatedAt: '2026-01-01T10:00:00Z', deviceId: 'phone' };
const signature = (image: string) => ({
  ...meta,
  id: 's1',
  portfolioId: 'p1',
  typedName: 'Jim Sullivan',
  role: 'Assessor',
  signedAt: '2026-01-01T10:00:00Z',
  purpose: 'evidence',
  subjectId: 'e1',
  image,
});
const form = (data: Record<string, unknown>) => ({
  ...meta,
  id: 'f1',
  portfolioId: 'p1',
  formType: 'observation',
  data,
});

describe('record fields that hold images take inline PNG or SVG data only', () => {
  it('accepts a drawn PNG, an SVG as base64, or none', () => {
    for (const image of [PNG, SVG, '']) expect(readRecord('signatures', signature(image)).image).toBe(image);
    expect(readRecord('forms', form({ assessorSignatureImage: PNG })).data.assessorSignatureImage).toBe(PNG);
  });

  it('refuses an address, another data type, or anything around the data URL', () => {
    for (const image of REFUSED) {
      expect(() => readRecord('signatures', signature(image)), image).toThrow(/image/);
      expect(() => readRecord('forms', form({ witnessSignatureImage: image })), image).toThrow(/witnessSignatureImage/);
    }
  });

  it('a bundle whose signature image is a web address is refused at verification, naming the record', async () => {
    setDatabase(demo.phone);
    const beacon = await resignedWith(demo.bundle, (files) => {
      const json = withoutMedia(files) as { records: { signatures: Array<{ image: string }> } };
      json.records.signatures[1]!.image = 'https://example.invalid/beacon.png';
      files['data/portfolio.json'] = JSON.stringify(json);
    });
    const error = await verifyBundle(beacon).catch((e: unknown) => e);
    expect(error).toBeInstanceOf(BundleError);
    expect((error as Error).message).toMatch(
      /^data\/portfolio\.json: signatures\[1\] is invalid: [\s\S]*"image"[\s\S]*must be a PNG or SVG data URL/,
    );
  });
});

describe('report.html is made again from the verified data', () => {
  const spec = () => specs.find((s) => s.id === 'svq2-customer-service-scqf5')!;

  it('a genuine bundle carries the very report made from its data', async () => {
    setDatabase(demo.phone);
    const verified = await verifyBundle(demo.bundle);
    const files = await unzipAll(demo.bundle);
    const carried = Object.entries(files).find(([path]) => path.endsWith('/data/report.html'))![1];
    const report = await bundleReport(verified, spec());
    expect(report.received).toBe('same');
    expect(report.html).toBe(new TextDecoder().decode(carried));
  });

  it('a forged report is detected and never what is shown', async () => {
    setDatabase(demo.phone);
    const forged = await resignedWith(demo.bundle, (files) => {
      files['data/portfolio.json'] = JSON.stringify(withoutMedia(files));
      files['data/report.html'] = files['data/report.html']!.replace(
        /Award (not yet )?achieved\./,
        'Award achieved.<script>parent.pwned = 1</script>',
      );
    });
    const report = await bundleReport(await verifyBundle(forged), spec());
    expect(report.received).toBe('different');
    expect(report.html).not.toContain('<script');
    expect(report.html).toContain('Award not yet achieved.');
  });

  it('a bundle without a report gets one made from its data', async () => {
    setDatabase(demo.phone);
    const without = await resignedWith(demo.bundle, (files) => {
      files['data/portfolio.json'] = JSON.stringify(withoutMedia(files));
      delete files['data/report.html'];
    });
    const report = await bundleReport(await verifyBundle(without), spec());
    expect(report.received).toBe('missing');
    expect(report.html).toContain('<h2>Index of evidence</h2>');
  });
});
