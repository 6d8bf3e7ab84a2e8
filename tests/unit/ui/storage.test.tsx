// @vitest-environment jsdom
import 'fake-indexeddb/auto';
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { cleanup, render, screen } from '@testing-library/react';
import { FieldfolioDB, setDatabase } from '../../../src/storage/db';
import { saveEvidence } from '../../../src/storage';
import { NearQuotaWarning, StorageMeter } from '../../../src/ui/components/StorageMeter';
import { svq2Portfolio } from '../factories';

function stubStorage(usage: number, quota: number) {
  vi.stubGlobal('navigator', {
    ...navigator,
    storage: { estimate: async () => ({ usage, quota }), persisted: async () => false, persist: async () => true },
  });
}

beforeEach(() => setDatabase(new FieldfolioDB(`storage-ui-${Math.random()}`)));
afterEach(() => {
  cleanup();
  vi.unstubAllGlobals();
});

describe('storage use on screen', () => {
  it('warns on every screen when the device is nearly full, and says nothing below the threshold', async () => {
    stubStorage(95, 100);
    render(<NearQuotaWarning />);
    expect((await screen.findByRole('alert')).textContent).toMatch(/nearly full/);
    cleanup();
    stubStorage(50, 100);
    render(
      <>
        <NearQuotaWarning />
        <StorageMeter />
      </>,
    );
    await screen.findByText(/Storage: 50 B used/); // the same live query has answered
    expect(screen.queryByRole('alert')).toBeNull();
  });

  it('the meter counts media files and refreshes when media are added', async () => {
    stubStorage(1000, 10_000);
    const { enrolment } = await svq2Portfolio();
    render(<StorageMeter />);
    expect((await screen.findByText(/Storage:/)).textContent).toMatch(/0 media files/);
    await saveEvidence({
      evidence: { portfolioId: enrolment.id, type: 'P', title: 'Card', date: '2026-10-01' },
      files: [{ name: 'a.png', type: 'image/png', blob: new Blob(['png']) }],
    });
    await screen.findByText(/1 media file\./);
  });
});
