import type { Locator, Page } from 'playwright-core';

/** Page model for the Trust screen: this device's key, held changes, accepting a key by hand. */
export class TrustScreen {
  constructor(readonly page: Page) {}

  async open() {
    await this.page.getByRole('navigation', { name: 'Main' }).getByRole('link', { name: 'Trust' }).click();
    await this.page.getByRole('heading', { level: 1, name: 'Trust' }).waitFor();
  }

  /** This device's full fingerprint, in groups of four. */
  async ownFingerprint(): Promise<string> {
    return (await this.page.getByTestId('this-device-fingerprint').textContent())!;
  }

  heldRows(): Locator {
    return this.page.getByTestId('held-row');
  }

  /** Opens the accept form for the key that made the first held change. */
  async openAcceptForm(): Promise<Locator> {
    await this.heldRows().first().getByRole('button', { name: 'Accept this key…' }).click();
    const form = this.page.getByRole('form', { name: 'Accept this key' });
    await form.waitFor();
    return form;
  }

  async fingerprintShown(form: Locator): Promise<string> {
    return (await form.getByTestId('accept-fingerprint').textContent())!;
  }

  /** Confirms the comparison, chooses every person offered, accepts; returns what the screen then says. */
  async acceptForEveryone(form: Locator): Promise<string> {
    await form.getByRole('checkbox', { name: /I compared every group/ }).check();
    const people = form.getByRole('group', { name: 'This key speaks for' }).getByRole('checkbox');
    for (const person of await people.all()) await person.check();
    await form.getByRole('button', { name: 'Accept' }).click();
    const said = this.page.getByRole('status').filter({ hasText: /^Key accepted for/ });
    await said.waitFor();
    return (await said.textContent())!;
  }
}
