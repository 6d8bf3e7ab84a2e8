import type { Locator } from 'playwright-core';
import { PortfolioApp } from './PortfolioApp';

/** Page model: the home screen as the acting person's caseload (cards, sort and filter); a portfolio screen. */
export class CaseloadScreen extends PortfolioApp {
  open() {
    return this.openHome();
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
