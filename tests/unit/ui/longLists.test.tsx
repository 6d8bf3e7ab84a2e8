// @vitest-environment jsdom
// Lists that grow with a portfolio or a device render a page at a time, through the one ShowMore component.
import 'fake-indexeddb/auto';
import { cleanup, fireEvent, render, screen, within } from '@testing-library/react';
import { MemoryRouter } from 'react-router';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { newPerson, type AuditEntry } from '../../../src/domain';
import { FieldfolioDB, db, setDatabase } from '../../../src/storage/db';
import { bulkPutRecords } from '../../../src/storage/bulk';
import { PeoplePage } from '../../../src/ui/pages/PeoplePage';
import { AuditSection } from '../../../src/ui/pages/portfolio/AuditSection';
import { HomePage } from '../../../src/ui/pages/HomePage';
import { createEnrolment } from '../../../src/storage';
import { installTestClock } from '../clock';
import { enrolmentFields, fresh, personFields } from '../factories';

installTestClock();
beforeEach(() => setDatabase(new FieldfolioDB(`long-lists-${Math.random()}`)));
afterEach(cleanup);

const showMore = (count: number) => fireEvent.click(screen.getByRole('button', { name: `Show ${count} more` }));

describe('long lists, a page at a time', () => {
  it('the people list shows 50 of 120, then 100, then all, and says so', async () => {
    await bulkPutRecords(
      'people',
      Array.from({ length: 120 }, (_, i) => newPerson(fresh(), personFields({ name: `Person ${i}` }))),
    );
    render(<PeoplePage />);
    const table = await screen.findByRole('region', { name: 'People' });
    const rows = () => within(table).getAllByRole('row').length - 1; // less the header row
    expect(rows()).toBe(50);
    expect(screen.getByText(/Showing 50 of 120/)).toBeTruthy();
    showMore(50);
    expect(rows()).toBe(100);
    showMore(20);
    expect(rows()).toBe(120);
    expect(screen.getByText(/Showing 120 of 120/)).toBeTruthy();
    expect(screen.queryByRole('button', { name: /^Show \d+ more$/ })).toBeNull();
  });

  it('the audit log renders its most recent entries 50 at a time', async () => {
    const entries: AuditEntry[] = Array.from({ length: 80 }, (_, i) => ({
      id: `audit-${i}`,
      portfolioId: 'p1',
      at: `2026-10-01T10:${String(i % 60).padStart(2, '0')}:00.000Z`,
      actorId: null,
      deviceId: 'device-1',
      action: 'update',
      recordType: 'evidence',
      recordId: `e${i}`,
      summary: '',
    }));
    await db().audit.bulkAdd(entries);
    const { container } = render(<AuditSection portfolioId="p1" people={[]} />);
    await screen.findByText(/Showing 50 of 80/);
    expect(container.querySelectorAll('ol.audit li')).toHaveLength(50);
    showMore(30);
    expect(container.querySelectorAll('ol.audit li')).toHaveLength(80);
  });

  it('a short list says nothing about pages', async () => {
    const candidate = newPerson(fresh(), personFields({ name: 'Annie' }));
    await bulkPutRecords('people', [candidate]);
    await createEnrolment(enrolmentFields(candidate.id));
    render(
      <MemoryRouter>
        <HomePage />
      </MemoryRouter>,
    );
    await screen.findByRole('link', { name: 'Annie' });
    expect(screen.queryByText(/Showing/)).toBeNull();
  });
});
