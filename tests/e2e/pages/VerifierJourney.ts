import type { Page } from 'playwright-core';
import { JourneyPage } from './JourneyPage';

/** Page model for a verifier on a fresh device: the opened bundle, who they are, the read-only views, decisions. */
export class VerifierJourney extends JourneyPage {
  constructor(page: Page) {
    super(page, 'verifier');
  }

  heading(name: string | RegExp) {
    return this.page.getByRole('heading', { level: 1, name });
  }

  async openBundleReadOnly(path: string) {
    await this.page.getByRole('navigation', { name: 'Main' }).getByRole('link', { name: 'Open a bundle' }).click();
    await this.page.getByLabel('Bundle file').setInputFiles(path);
    await this.page.getByRole('button', { name: 'Open read-only (verifier)' }).click();
    await this.page.getByTestId('verifier-verdict').waitFor();
  }

  identityForm() {
    return this.page.getByRole('form', { name: 'Who you are' });
  }

  async sayWhoIAm(name: string, role: RegExp) {
    const form = this.identityForm();
    await form.getByLabel('Your name').fill(name);
    await form.getByRole('radio', { name: role }).check();
    await form.getByRole('button', { name: 'Save and record decisions' }).click();
    await form.waitFor({ state: 'detached' });
  }

  decision(unitCode: string) {
    return this.page.getByLabel(`Decision on ${unitCode}`);
  }

  async decide(unitCode: string, outcome: 'met' | 'not-yet', comments = '') {
    await this.decision(unitCode).selectOption(outcome);
    if (comments) await this.page.getByLabel(`Comments on ${unitCode}`).fill(comments);
  }

  async openUnit(unitCode: string) {
    await this.page.getByRole('rowheader', { name: unitCode, exact: true }).getByRole('link').click();
    await this.heading(new RegExp(`^${unitCode} `)).waitFor();
  }

  async backToDecisions() {
    await this.page.getByRole('link', { name: 'Back to your decisions' }).click();
    await this.page.getByTestId('verifier-verdict').waitFor();
  }

  /** Exports the decisions and saves the download at `dir`; returns its path. */
  async exportDecisions(saveAs: (download: import('playwright-core').Download) => Promise<string>) {
    await this.page.getByRole('button', { name: 'Export my decisions as a signed bundle' }).click();
    await this.page.getByTestId('decisions-ready').waitFor();
    const [download] = await Promise.all([
      this.page.waitForEvent('download'),
      this.page.getByRole('link', { name: 'Download decisions bundle' }).click(),
    ]);
    return saveAs(download);
  }
}
