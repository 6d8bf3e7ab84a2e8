// A bundle within its signature can still be too big to use: too many records, JSON nested too deep, a spec too
// large. Each is refused at verification with the limit it broke and the value found, before anything is written.
import 'fake-indexeddb/auto';
import { describe, expect, it } from 'vitest';
import { LIMITS } from '../../../src/domain';
import { setDatabase } from '../../../src/storage/db';
import { verifyBundle } from '../../../src/bundle/verify';
import { installFileClock, rejection, resignedWith, setUpDemoPhone } from './helpers';

installFileClock();
const demo = setUpDemoPhone();

const PORTFOLIO = 'data/portfolio.json';
const deeplyNested = (levels: number) => `${'['.repeat(levels)}${']'.repeat(levels)}`;

interface PortfolioJson {
  records: Record<string, Array<Record<string, unknown>>>;
  audit: unknown[];
}

/** The demo bundle with portfolio.json changed as `change` says, signed again by the phone. */
function withPortfolio(change: (file: PortfolioJson) => string) {
  setDatabase(demo.phone);
  return resignedWith(demo.bundle, (files) => {
    files[PORTFOLIO] = change(JSON.parse(files[PORTFOLIO]!));
  });
}

describe('limits at verification', () => {
  it('a bundle of 100,001 records is refused by its cap, counted before any record is validated', async () => {
    const bundle = await withPortfolio((file) => {
      // Minimal rows: the count is checked before the schema, so they need not even be records.
      for (const table of Object.keys(file.records)) file.records[table] = [];
      file.records.evidence = Array.from({ length: 100_001 - file.audit.length }, () => ({}));
      return JSON.stringify(file);
    });
    await expect(verifyBundle(bundle)).rejects.toThrow(
      `${PORTFOLIO}: holds 100,001 records; a bundle may hold at most 50,000`,
    );
    // Nothing of it is written.
    expect((await rejection(bundle)).reason).toMatch(/holds 100,001 records/);
  });

  it('the real demo bundle is far within the cap', async () => {
    setDatabase(demo.phone);
    const verified = await verifyBundle(demo.bundle);
    const count = Object.values(verified.records).reduce((n, rows) => n + rows.length, verified.audit.length);
    expect(count).toBeGreaterThan(10);
    expect(count).toBeLessThan(LIMITS.bundleRecords);
  });

  it('100,000 nested arrays inside a record of portfolio.json are refused with the depth message', async () => {
    // Inside a form's free data, which the schemas accept as any JSON: without the depth check it verified (and
    // failed later with a raw engine error). Five levels hold it: the file, records, forms, the form, its data.
    const bundle = await withPortfolio((file) => {
      (file.records.forms![0]!.data as Record<string, unknown>).deep = '__DEEP__';
      return JSON.stringify(file).replace('"__DEEP__"', deeplyNested(100_000));
    });
    await expect(verifyBundle(bundle)).rejects.toThrow(
      `${PORTFOLIO}: is nested 100,005 levels deep; JSON here may nest at most 64 levels`,
    );
  });

  it('a spec file nested too deep inside a bundle is refused, naming the spec file', async () => {
    setDatabase(demo.phone);
    const bundle = await resignedWith(demo.bundle, (files) => {
      const spec = Object.keys(files).find((p) => p.startsWith('data/specs/'))!;
      files[spec] = `{"notes":${deeplyNested(5_000)}}`;
    });
    await expect(verifyBundle(bundle)).rejects.toThrow(
      /^data\/specs\/[^:]+\.json: [^:]+: \$: is nested 5,001 levels deep; JSON here may nest at most 64 levels$/,
    );
  });
});
