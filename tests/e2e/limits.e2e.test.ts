// The spec file picker holds a spec file to the same limits as a bundle does: size and JSON depth, each refused
// with the file, the limit and the value found, and nothing stored.
import { describe, expect, it } from 'vitest';

import { newContext, serveAppInChromium } from './harness';
import { QualificationsPage } from './pages/QualificationsPage';

const served = serveAppInChromium();

describe('adding a spec file past the limits', () => {
  it('refuses a 17 MB spec file and 100,000 nested arrays with their limits, and stores nothing', async () => {
    const context = await newContext(served.browser);
    const app = new QualificationsPage(await context.newPage(), served.server.url);
    await app.open();
    const input = app.page.getByLabel('Spec file (.json)');
    const error = app.page.getByTestId('spec-error');

    await input.setInputFiles({
      name: 'huge.json',
      mimeType: 'application/json',
      buffer: Buffer.from(`{"notes":"${'x'.repeat(17 * 1024 * 1024)}"}`),
    });
    await expect
      .poll(() => error.textContent())
      .toContain('huge.json is 17 MB (17,825,804 bytes); a spec file may be at most 16 MB');

    const levels = 100_000;
    await input.setInputFiles({
      name: 'deep.json',
      mimeType: 'application/json',
      buffer: Buffer.from(`{"units":${'['.repeat(levels)}${']'.repeat(levels)}}`),
    });
    await expect
      .poll(() => error.textContent())
      .toContain('deep.json: $: is nested 100,001 levels deep; JSON here may nest at most 64 levels');

    const stored = await app.page.evaluate(
      () =>
        new Promise<number>((resolve, reject) => {
          const open = indexedDB.open('fieldfolio');
          open.onerror = () => reject(open.error);
          open.onsuccess = () => {
            const count = open.result.transaction('specs').objectStore('specs').count();
            count.onsuccess = () => resolve(count.result);
          };
        }),
    );
    // Only the bundled specs: neither refused file was kept.
    expect(stored).toBe(await app.qualificationLinks().count());
    await context.close();
  });
});
