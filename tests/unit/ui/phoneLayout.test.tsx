// @vitest-environment jsdom
// On a phone-width screen (matchMedia says so) the progress by unit and the people on the device are cards, each
// with everything the table row holds (coverage, criteria, sign-off; the Edit button); on a wide screen, the table.
import 'fake-indexeddb/auto';
import { cleanup, fireEvent, render, screen, within } from '@testing-library/react';
import { MemoryRouter, Route, Routes } from 'react-router';
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { FieldfolioDB, setDatabase } from '../../../src/storage/db';
import { saveEvidence, storeSpecs } from '../../../src/storage';
import { PortfolioPage } from '../../../src/ui/pages/PortfolioPage';
import { PeoplePage } from '../../../src/ui/pages/PeoplePage';
import { NARROW_QUERY } from '../../../src/ui/components/useNarrowScreen';
import { loadSpec } from '../domain/loadSpecs';
import { svq2Portfolio } from '../factories';

/** A screen `width` px wide, as far as media queries on max-width (in rem of 16 px) are concerned. */
function screenWidth(width: number) {
  vi.stubGlobal('matchMedia', (q: string) => ({
    matches: q === NARROW_QUERY && width <= 600,
    media: q,
    addEventListener: () => undefined,
    removeEventListener: () => undefined,
  }));
}

let portfolioId: string;
beforeEach(async () => {
  setDatabase(new FieldfolioDB('phone-' + Math.random()));
  await storeSpecs([loadSpec('svq2-customer-service-scqf5')], 'bundled');
  const { enrolment } = await svq2Portfolio({ candidate: 'Annie Clews', assessor: 'Jim Sullivan' });
  portfolioId = enrolment.id;
  await saveEvidence({
    evidence: { portfolioId, type: 'P', title: 'Comment cards', date: '2026-09-13' },
    criteria: [{ unitCode: 'F1', criterionKey: 'F1|pc|F1.1|F1.1' }],
  });
});
afterEach(() => {
  cleanup();
  vi.unstubAllGlobals();
});

const renderPortfolio = () =>
  render(
    <MemoryRouter initialEntries={[`/portfolios/${portfolioId}`]}>
      <Routes>
        <Route path="/portfolios/:portfolioId" element={<PortfolioPage />} />
      </Routes>
    </MemoryRouter>,
  );

describe('progress by unit', () => {
  it('at 360 px: one card per unit with coverage, criteria with evidence of total, and sign-off; no table', async () => {
    screenWidth(360);
    renderPortfolio();
    const cards = await screen.findByRole('list', { name: 'Progress by unit' });
    expect(screen.queryByRole('table')).toBeNull();
    const f1 = within(cards)
      .getAllByRole('listitem')
      .find((li) => li.getAttribute('data-unit') === 'F1')!;
    expect(within(f1).getByRole('heading', { level: 3 }).textContent).toMatch(/^F1/);
    expect(within(f1).getByRole('meter', { name: 'F1 coverage' })).toBeTruthy();
    expect(f1.textContent).toMatch(/Criteria: 1 of \d+ criteria with evidence, 0 judged met/);
    expect(f1.textContent).toContain('Sign-off: not signed off');
    // The chips are there, folded away.
    expect(within(f1).getByText('Criteria of F1').tagName).toBe('SUMMARY');
  });

  it('at 1024 px: the table, with its Sign-off column', async () => {
    screenWidth(1024);
    renderPortfolio();
    const table = await screen.findByRole('table');
    expect(within(table).getByRole('columnheader', { name: 'Sign-off' })).toBeTruthy();
    expect(screen.queryByRole('list', { name: 'Progress by unit' })).toBeNull();
  });
});

describe('people', () => {
  it('at 360 px: a card per person whose Edit button opens the editor', async () => {
    screenWidth(360);
    render(<PeoplePage />);
    const cards = await screen.findByRole('list', { name: 'People' });
    expect(screen.queryByRole('table')).toBeNull();
    const jim = within(cards)
      .getAllByRole('listitem')
      .find((li) => li.textContent?.includes('Jim Sullivan'))!;
    expect(jim.textContent).toContain('Assessor');
    fireEvent.click(within(jim).getByRole('button', { name: 'Edit Jim Sullivan' }));
    expect(await screen.findByRole('form', { name: 'Edit Jim Sullivan' })).toBeTruthy();
  });
});
