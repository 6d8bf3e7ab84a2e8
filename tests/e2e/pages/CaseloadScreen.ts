import type { Locator, Page } from 'playwright-core';

/** Page model: the home screen as the acting person's caseload (cards, sort and filter). */
export class CaseloadScreen {
  constructor(
    readonly page: Page,
    readonly baseUrl: string,
  ) {}

  async open() {
    await this.page.goto(this.baseUrl + '/');
    await this.page.getByRole('heading', { level: 1, name: 'Portfolios' }).waitFor();
  }

  /** Starts a portfolio as PortfolioApp.startPortfolio does, on a given start date. */
  async startPortfolio(candidate: string, qualification: RegExp, assessor: string, startDate: string) {
    await this.page.getByRole('navigation', { name: 'Main' }).getByRole('link', { name: 'Portfolios' }).click();
    await this.page.getByRole('link', { name: /Start (a|another) portfolio/ }).click();
    const form = this.page.getByRole('form', { name: 'Enrolment' });
    await form.getByRole('combobox', { name: /^Candidate/ }).selectOption({ label: candidate });
    const quals = form.getByRole('combobox', { name: /^Qualification/ });
    const option = quals.locator('option', { hasText: qualification });
    await quals.selectOption(await option.getAttribute('value'));
    await form.getByRole('combobox', { name: /^Assessor/ }).selectOption({ label: assessor });
    await form.getByLabel('Start date').fill(startDate);
    await form.getByRole('button', { name: 'Complete the route with the fewest units' }).click();
    await this.page.getByTestId('route-verdict').filter({ hasText: 'meets the rules' }).waitFor();
    await form.getByRole('button', { name: 'Start the portfolio' }).click();
    await this.page.getByRole('heading', { level: 1, name: candidate }).waitFor();
  }

  list(section = 'Candidates you assess'): Locator {
    return this.page.getByRole('list', { name: section });
  }

  card(name: string): Locator {
    return this.page.locator('li.caseload-card', { has: this.page.getByRole('heading', { name, exact: true }) });
  }

  cardNames(section?: string): Promise<string[]> {
    return this.list(section).locator('li.caseload-card').getByRole('heading').allTextContents();
  }

  flags(name: string): Locator {
    return this.page.getByRole('list', { name: `Flags for ${name}` });
  }

  /** Waits until every card has its summary (they are worked out after the first paint). */
  async summariesShown() {
    await this.page.getByText('Working out progress…').first().waitFor({ state: 'detached', timeout: 30_000 });
  }

  control(label: 'Qualification' | 'Show' | 'Sort by'): Locator {
    return this.page.getByRole('form', { name: 'Sort and filter' }).getByLabel(label);
  }

  async show(option: 'Everyone' | 'Needs action' | 'Overdue') {
    await this.control('Show').selectOption({ label: option });
  }

  async sortBy(option: 'Name' | 'Most to do first' | 'Least progress first' | 'Longest without evidence first') {
    await this.control('Sort by').selectOption({ label: option });
  }

  horizontalOverflow(): Promise<number> {
    return this.page.evaluate(() => document.documentElement.scrollWidth - document.documentElement.clientWidth);
  }
}
