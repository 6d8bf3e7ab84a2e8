// A signature kept in a draft from the older 2:1 pad, shown again in the evidence form's shorter 10:3 pad on a
// 360 px phone, in Chromium: drawn at its own proportions (a circle stays a circle), centred, not stretched to the box.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { BrowserContext, Page } from 'playwright-core';
import { newContext, serveAppInChromium } from './harness';
import { JourneyPage } from './pages/JourneyPage';
import { PortfolioApp } from './pages/PortfolioApp';

const served = serveAppInChromium();
let context: BrowserContext;
let page: Page;

beforeAll(async () => {
  context = await newContext(served.browser, { phone: true });
  page = await context.newPage();
  await new PortfolioApp(page, served.server.url).openHome();
  await page.getByRole('button', { name: 'Load the demo portfolio' }).click();
  await page.getByRole('heading', { level: 1, name: 'Annie Macleod' }).waitFor();
});
afterAll(async () => context?.close());

/** A signature as the 2:1 pad made it (640 × 320 PNG): a ring of radius 120 in the middle, on white. */
const oldPadSignature = () =>
  page.evaluate(() => {
    const canvas = Object.assign(document.createElement('canvas'), { width: 640, height: 320 });
    const paint = canvas.getContext('2d')!;
    paint.fillStyle = '#fff';
    paint.fillRect(0, 0, 640, 320);
    paint.strokeStyle = '#111827';
    paint.lineWidth = 8;
    paint.beginPath();
    paint.arc(320, 160, 120, 0, Math.PI * 2);
    paint.stroke();
    return canvas.toDataURL('image/png');
  });

/**
 * The draft of new evidence as the form keeps it (table `drafts`, key `new-evidence:<portfolio>`), written as an
 * older version of the app left it: the form has no way to draw in a pad of another shape.
 */
const keepDraft = (portfolioId: string, image: string) =>
  page.evaluate(
    ([key, image]) =>
      new Promise<void>((resolve, reject) => {
        const open = indexedDB.open('fieldfolio');
        open.onerror = () => reject(open.error);
        open.onsuccess = () => {
          const tx = open.result.transaction('drafts', 'readwrite');
          const signature = { typedName: 'J Sullivan', role: 'Assessor', image, signedAt: '2026-06-03T13:05:00.000Z' };
          const data = {
            type: 'O',
            title: 'Signed in the old pad',
            description: '',
            date: '2026-06-03',
            savedAt: '2026-06-03T13:06:00.000Z',
          };
          tx.objectStore('drafts').put({
            key,
            updatedAt: new Date().toISOString(),
            data: { ...data, location: '', simulation: false, criteria: [], signature },
          });
          tx.oncomplete = () => {
            open.result.close();
            resolve();
          };
          tx.onerror = () => reject(tx.error);
        };
      }),
    [`new-evidence:${portfolioId}`, image] as const,
  );

/** Where the ink lies in the signature pad's canvas, in its pixels, and the canvas's size. */
const inkInPad = () =>
  page.locator('.signature-pad canvas').evaluate((canvas: HTMLCanvasElement) => {
    const { width, height } = canvas;
    const { data } = canvas.getContext('2d')!.getImageData(0, 0, width, height);
    let [left, top, right, bottom] = [width, height, -1, -1];
    for (let y = 0; y < height; y++)
      for (let x = 0; x < width; x++)
        if (data[(y * width + x) * 4]! < 128) {
          [left, top] = [Math.min(left, x), Math.min(top, y)];
          [right, bottom] = [Math.max(right, x), Math.max(bottom, y)];
        }
    return { width, height, left, top, right, bottom };
  });

describe('a signature kept from the older 2:1 pad', () => {
  it('is redrawn in the 10:3 evidence pad at its own proportions, centred', async () => {
    const portfolioId = new URL(page.url()).pathname.split('/')[2]!;
    await keepDraft(portfolioId, await oldPadSignature());
    await page.goto(`${served.server.url}/portfolios/${portfolioId}/evidence/new?type=O`);
    await page.getByRole('status').filter({ hasText: 'Restored your unsaved evidence' }).waitFor();
    const pad = page.getByRole('img', { name: 'Signature drawn' });
    await pad.scrollIntoViewIfNeeded();
    const box = (await pad.boundingBox())!;
    expect(box.width / box.height).toBeCloseTo(10 / 3, 1);

    // The ring is as wide as it is tall (stretched to the box it was 1.67 times wider), and as far from each side.
    await expect.poll(async () => (await inkInPad()).right).toBeGreaterThan(0);
    const ink = await inkInPad();
    const [inkWidth, inkHeight] = [ink.right - ink.left + 1, ink.bottom - ink.top + 1];
    expect(inkWidth / inkHeight).toBeCloseTo(1, 1);
    expect(Math.abs(ink.left - (ink.width - 1 - ink.right))).toBeLessThanOrEqual(2);
    // At the pad's full height: the 2:1 image fills it from top to bottom (the ring is 248 of its 320 px).
    expect(inkHeight / ink.height).toBeCloseTo(248 / 320, 1);
    await new JourneyPage(page, 'signature-draft').shot('old-2to1-signature-in-10to3-pad');
  });
});
