// @vitest-environment jsdom
import 'fake-indexeddb/auto';
import { cleanup, render, screen, within } from '@testing-library/react';
import { MemoryRouter, Route, Routes } from 'react-router';
import { afterEach, expect, it } from 'vitest';
import { FieldfolioDB, setDatabase } from '../../../src/storage/db';
import { createEnrolment, recordCriterionDecision, saveEvidence, savePerson, storeSpecs } from '../../../src/storage';
import { PortfolioPage } from '../../../src/ui/pages/PortfolioPage';
import { loadSpec } from '../domain/loadSpecs';

afterEach(cleanup);

it('the progress matrix marks a criterion judged "not yet" in text, not colour alone, and does not count it', async () => {
  setDatabase(new FieldfolioDB('test-' + Math.random()));
  const spec = loadSpec('svq2-customer-service-scqf5');
  await storeSpecs([spec], 'bundled');
  const candidate = await savePerson({ name: 'Annie Clews', roles: ['candidate'] });
  const assessor = await savePerson({ name: 'Jim Sullivan', roles: ['assessor'], assessorStatus: 'qualified' });
  const enrolment = await createEnrolment({
    candidateId: candidate.id,
    specId: spec.id,
    specVersion: spec.version,
    route: ['F1', 'F2', 'A10', 'B2', 'C3', 'D2', 'D3'],
    startDate: '2011-05-01',
    assessorId: assessor.id,
  });
  await saveEvidence({
    evidence: { portfolioId: enrolment.id, type: 'O', title: 'Observation', date: '2011-05-13' },
    criteria: [
      { unitCode: 'F1', criterionKey: 'F1|pc|F1.1|F1.1' },
      { unitCode: 'F1', criterionKey: 'F1|pc|F1.2|F1.2' },
    ],
  });
  await recordCriterionDecision({
    portfolioId: enrolment.id,
    unitCode: 'F1',
    criterionKey: 'F1|pc|F1.1|F1.1',
    outcome: 'not-yet',
    assessorId: assessor.id,
    date: '2011-05-14',
  });

  render(
    <MemoryRouter initialEntries={[`/portfolios/${enrolment.id}`]}>
      <Routes>
        <Route path="/portfolios/:portfolioId" element={<PortfolioPage />} />
      </Routes>
    </MemoryRouter>,
  );
  const chips = within(await screen.findByRole('list', { name: 'F1 criteria' })).getAllByRole('listitem');
  expect(chips.map((c) => c.textContent)).toEqual([
    '✗ F1.1 judged not yet by the assessor, has 1 evidence',
    '✓ F1.2 has 1 evidence',
  ]);
  expect(chips[0]!.className).toBe('chip not-yet');
  expect(screen.getByTestId('coverage-F1').textContent).toBe('50%');
});
