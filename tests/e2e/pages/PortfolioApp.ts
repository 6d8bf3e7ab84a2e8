import { readFileSync } from 'node:fs';
import type { Locator, Page } from 'playwright-core';

/** Page model for the portfolio screens: people, enrolment, evidence capture, progress. */
export class PortfolioApp {
  constructor(
    readonly page: Page,
    readonly baseUrl: string,
  ) {}

  async openHome() {
    await this.page.goto(this.baseUrl + '/');
    await this.page.getByRole('heading', { level: 1, name: 'Portfolios' }).waitFor();
  }

  async addPerson(
    name: string,
    roles: string[],
    assessorStatus?: 'Qualified assessor' | 'Working towards (sign-offs need countersigning)',
  ) {
    await this.page.getByRole('navigation', { name: 'Main' }).getByRole('link', { name: 'People' }).click();
    const form = this.page.getByRole('form', { name: 'Add a person' });
    await form.getByLabel('Name').fill(name);
    for (const role of roles) await form.getByRole('checkbox', { name: role }).check();
    if (assessorStatus) await form.getByLabel('Assessor qualification').selectOption({ label: assessorStatus });
    await form.getByRole('button', { name: 'Add person' }).click();
    await this.page
      .getByRole('status')
      .filter({ hasText: `Added ${name}` })
      .waitFor();
  }

  async actAs(name: RegExp) {
    const select = this.page.getByLabel('Acting as');
    const option = select.locator('option', { hasText: name });
    await select.selectOption(await option.getAttribute('value'));
  }

  /**
   * Opens "Start a portfolio" and fills what is done first (candidate, qualification, assessor); returns the form,
   * not yet submitted.
   */
  async fillEnrolment(candidate: string, qualification: RegExp, assessor: string): Promise<Locator> {
    await this.page.getByRole('navigation', { name: 'Main' }).getByRole('link', { name: 'Portfolios' }).click();
    await this.page.getByRole('link', { name: /Start (a|another) portfolio/ }).click();
    const form = this.page.getByRole('form', { name: 'Enrolment' });
    await form.getByRole('combobox', { name: /^Candidate/ }).selectOption({ label: candidate });
    const quals = form.getByRole('combobox', { name: /^Qualification/ });
    await quals.selectOption(await quals.locator('option', { hasText: qualification }).getAttribute('value'));
    await form.getByRole('combobox', { name: /^Assessor/ }).selectOption({ label: assessor });
    return form;
  }

  /** Starts a portfolio on the route with the fewest units; on today's date unless `more.startDate` says otherwise. */
  async startPortfolio(
    candidate: string,
    qualification: RegExp,
    assessor: string,
    more: { startDate?: string; iqa?: string } = {},
  ) {
    const form = await this.fillEnrolment(candidate, qualification, assessor);
    if (more.startDate) await form.getByLabel('Start date').fill(more.startDate);
    if (more.iqa) {
      await form.getByText(/^More details \(optional\)/).click();
      await form.getByRole('combobox', { name: /^Internal quality assurer/ }).selectOption({ label: more.iqa });
    }
    await form.getByRole('button', { name: 'Complete the route with the fewest units' }).click();
    await this.page.getByTestId('route-verdict').filter({ hasText: 'meets the rules' }).waitFor();
    await form.getByRole('button', { name: 'Start the portfolio' }).click();
    await this.page.getByRole('heading', { level: 1, name: candidate }).waitFor();
  }

  async drawSignature(scope: Locator) {
    const canvas = scope.locator('canvas');
    await canvas.scrollIntoViewIfNeeded();
    // The pad is made as its box comes near the screen (useSignaturePad): draw once it is there.
    await scope.locator('canvas[data-pad="ready"]').waitFor();
    const box = (await canvas.boundingBox())!;
    await this.page.mouse.move(box.x + box.width * 0.15, box.y + box.height * 0.6);
    await this.page.mouse.down();
    for (let i = 1; i <= 12; i++) {
      await this.page.mouse.move(
        box.x + box.width * (0.15 + i * 0.05),
        box.y + box.height * (0.6 + (i % 2 ? -0.25 : 0.2)),
      );
    }
    await this.page.mouse.up();
  }

  signatureField(label: string | RegExp): Locator {
    return this.page.locator('fieldset.signature-field', { has: this.page.locator('legend', { hasText: label }) });
  }

  /** Ticks a criterion in the criteria picker, opening its unit first. */
  async mapCriterion(unitCode: string, name: RegExp) {
    const unit = this.page.locator('.criteria-picker details', {
      has: this.page.locator('summary .code', { hasText: new RegExp(`^${unitCode}$`) }),
    });
    if ((await unit.getAttribute('open')) === null) await unit.locator('summary').click();
    await unit.getByRole('checkbox', { name }).check();
  }

  coverage(unitCode: string): Locator {
    return this.page.getByTestId(`coverage-${unitCode}`);
  }
}

/** A real photo-sized PNG for the file chooser (the app icon). */
export function pngBuffer(): Buffer {
  return readFileSync('public/icons/icon-512.png');
}
