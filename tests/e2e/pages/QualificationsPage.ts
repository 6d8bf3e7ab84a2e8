import type { Locator, Page } from 'playwright-core';

/** Page model: the list of bundled qualifications and one qualification's page with its "what if" panel. */
export class QualificationsPage {
  constructor(
    readonly page: Page,
    readonly baseUrl: string,
  ) {}

  async open() {
    await this.page.goto(this.baseUrl + '/qualifications');
    await this.page.getByRole('heading', { level: 1, name: 'Qualifications' }).waitFor();
  }

  qualificationLinks(): Locator {
    return this.page.getByRole('list', { name: 'Bundled qualifications' }).getByRole('link');
  }

  async openQualification(title: string | RegExp) {
    await this.page.getByRole('link', { name: title }).click();
    await this.page.getByRole('heading', { level: 1, name: title }).waitFor();
  }

  unitCheckbox(code: string): Locator {
    return this.page
      .getByRole('group', { name: 'Units' })
      .locator('label.unit-check', { has: this.page.locator('strong', { hasText: new RegExp(`^${code}$`) }) })
      .getByRole('checkbox');
  }

  async tick(...codes: string[]) {
    for (const code of codes) await this.unitCheckbox(code).check();
  }

  verdict(): Locator {
    return this.page.getByTestId('verdict');
  }

  plan(): Locator {
    return this.page.getByTestId('plan');
  }

  ruleLine(ruleId: string): Locator {
    return this.page.locator(`li[data-rule="${ruleId}"]`);
  }
}
