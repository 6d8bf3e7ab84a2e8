// Page model of "Open a bundle": choose a file, read what it would change, accept an unknown signer's key.
import type { Locator, Page } from 'playwright-core';

export class ImportScreen {
  constructor(private readonly page: Page) {}

  async open(path: string): Promise<void> {
    await this.page.getByRole('navigation', { name: 'Main' }).getByRole('link', { name: 'Open a bundle' }).click();
    await this.page.getByLabel('Bundle file').setInputFiles(path);
  }

  get summary(): Locator {
    return this.page.getByTestId('bundle-summary');
  }

  /** The full fingerprint the accept form shows (groups of four, spaces removed). */
  async signerFingerprint(): Promise<string> {
    return ((await this.page.getByTestId('full-fingerprint').textContent()) ?? '').replace(/\s/g, '');
  }

  /** Accepts the signer's key for the named people (as a person does after comparing the fingerprint). */
  async acceptSigner(people: RegExp[]): Promise<void> {
    const form = this.page.getByRole('form', { name: 'Accept this key?' });
    for (const person of people) await form.getByRole('checkbox', { name: person }).check();
    await form.getByRole('checkbox', { name: /compared the whole fingerprint/ }).check();
    await form.getByRole('button', { name: 'Accept the key' }).click();
    await form.waitFor({ state: 'detached' });
  }
}
