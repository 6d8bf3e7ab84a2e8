import type { Locator, Page } from 'playwright-core';
import { syncLinkFragment, type SyncSettingsInput } from '../../../src/domain';

/** The sync link a centre sends, for the app served at `appUrl`. */
export const syncLink = (appUrl: string, settings: SyncSettingsInput) =>
  `${appUrl}/connect#${syncLinkFragment({ prefix: '', region: 'us-east-1', ...settings })}`;

/** Page model for connecting by link, the Sync screen and the sync settings. */
export class SyncScreens {
  constructor(readonly page: Page) {}

  /** Opens the sync link, checks what it shows, connects; the address keeps no secret afterwards. */
  async connectByLink(link: string): Promise<void> {
    await this.page.goto(link);
    await this.page.getByTestId('sync-settings-summary').waitFor();
    await this.page.getByRole('button', { name: 'Connect this device' }).click();
    await this.page.getByTestId('connected-note').waitFor();
  }

  async open(): Promise<void> {
    await this.page.getByRole('navigation', { name: 'Main' }).getByRole('link', { name: 'Sync' }).click();
    await this.page.getByRole('heading', { level: 1, name: 'Sync' }).waitFor();
  }

  runState(): Locator {
    return this.page.getByTestId('sync-run-state');
  }

  badge(): Locator {
    return this.page.getByTestId('sync-badge');
  }

  /** Waits until a run has succeeded (the state says when it synced). */
  async waitUntilSynced(timeout = 60_000): Promise<void> {
    await this.runState()
      .filter({ hasText: /^Synced at/ })
      .waitFor({ timeout });
  }

  async syncNow(): Promise<void> {
    await this.page.getByRole('button', { name: 'Sync now' }).click();
    await this.page.getByRole('button', { name: 'Sync now' }).waitFor();
  }

  heldSigners(): Locator {
    return this.page.getByTestId('held-signer');
  }

  /** The verdict of "Test connection" on the settings screen. */
  async testConnection(): Promise<Locator> {
    await this.page.getByRole('button', { name: 'Test connection' }).click();
    const verdict = this.page.getByTestId('connection-verdict');
    await verdict.waitFor({ timeout: 30_000 });
    return verdict;
  }
}
