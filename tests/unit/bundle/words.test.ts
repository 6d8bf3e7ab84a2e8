// What a bundle says to people: the report's dates in the one format and criteria named once with their unit,
// and a file that is not a bundle at all refused in words.
import 'fake-indexeddb/auto';
import { describe, expect, it } from 'vitest';
import { deletePortfolio, portfolioForExport } from '../../../src/storage';
import { portfolioReport } from '../../../src/bundle/report';
import { NotABundleError, verifyBundle } from '../../../src/bundle';
import { rejectionText } from '../../../src/ui/pages/import/useBundleImport';
import { loadSpec } from '../domain/loadSpecs';
import { installFileClock, setUpDemoPhone } from './helpers';

installFileClock();
const spec = loadSpec('svq2-customer-service-scqf5');

describe('the portfolio report', () => {
  const demo = setUpDemoPhone();

  it('dates everything dd/mm/yyyy and names each criterion once with its unit', async () => {
    const data = (await portfolioForExport(demo.demoId))!;
    const html = portfolioReport(data, spec, '2026-11-26');
    expect(html).not.toMatch(/\d{4}-\d{2}-\d{2}/);
    expect(html).toContain('report made 26/11/2026');
    expect(html).toMatch(/started \d{2}\/\d{2}\/\d{4}/);
    expect(html).not.toMatch(/\b(F1 F1\.1|C3 C3\.1|A10 A10\.1)\b/);
    expect(html).toContain('F1.1');
  });

  it('of a deleted portfolio lists none of its evidence (the deletion travels, the content does not show)', async () => {
    await deletePortfolio(demo.demoId);
    const data = (await portfolioForExport(demo.demoId))!;
    expect(data.records.enrolments[0]!.deleted).toBe(true);
    const html = portfolioReport(data, spec, '2026-11-26');
    expect(html).not.toContain('Busy gate');
  });
});

describe('a file that is not a bundle', () => {
  it('is refused saying, in words, that it is not a Fieldfolio bundle', async () => {
    const pdf = new File(['%PDF-1.4 a letter, not a bundle'.repeat(10)], 'letter.pdf', { type: 'application/pdf' });
    const error = await verifyBundle(pdf).catch((e: unknown) => e);
    expect(error).toBeInstanceOf(NotABundleError);
    expect(rejectionText(error, pdf.name)).toBe(
      '“letter.pdf” is not a Fieldfolio bundle. A bundle is the .zip file Fieldfolio makes with “Export bundle”; this file is not a zip file (or it was cut short while copying). Nothing on this device was changed.',
    );
    const tiny = await verifyBundle(new File(['hi'], 'x.zip')).catch((e: unknown) => e);
    expect(tiny).toBeInstanceOf(NotABundleError);
  });
});
