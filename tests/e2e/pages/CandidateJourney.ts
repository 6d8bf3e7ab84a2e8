import type { Page } from 'playwright-core';
import { JourneyPage } from './JourneyPage';
import { PortfolioApp } from './PortfolioApp';

/** A date written the ISO way (2026-06-03), which no screen should show a person. */
const ISO_DATE = /\b\d{4}-\d{2}-\d{2}\b/g;
/** The one date format (en-GB): 03/06/2026. */
const SHOWN_DATE = /\b\d{2}\/\d{2}\/\d{4}\b/g;

/** Page model for a candidate on a tablet: their portfolio, route, evidence, what is missing, deleting with undo. */
export class CandidateJourney extends JourneyPage {
  readonly app: PortfolioApp;
  constructor(page: Page, baseUrl: string) {
    super(page, 'candidate');
    this.app = new PortfolioApp(page, baseUrl);
  }

  /** The dates the main content shows: those in ISO form (should be none) and those in the one format. */
  async datesShown(): Promise<{ iso: string[]; formatted: string[] }> {
    const text = await this.page.locator('main').innerText();
    return { iso: text.match(ISO_DATE) ?? [], formatted: text.match(SHOWN_DATE) ?? [] };
  }

  /** The assessor enrols the candidate with no units yet (allowed: the candidate chooses them). */
  async enrolWithoutUnits(candidate: string, qualification: RegExp, assessor: string) {
    const form = await this.app.fillEnrolment(candidate, qualification, assessor);
    await form.getByRole('button', { name: 'Start the portfolio' }).click();
    await this.page.getByRole('heading', { level: 1, name: candidate }).waitFor();
  }

  async openPortfolio(candidate: string) {
    await this.page.getByRole('navigation', { name: 'Main' }).getByRole('link', { name: 'Portfolios' }).click();
    await this.page
      .getByRole('link', { name: new RegExp(candidate) })
      .first()
      .click();
    await this.page.getByRole('heading', { level: 1, name: candidate }).waitFor();
  }

  routeVerdict() {
    return this.page.getByTestId('route-verdict');
  }

  /** Opens the route editor and ticks the optional units named. */
  async chooseUnits(codes: string[]) {
    await this.page.getByRole('button', { name: 'Edit route and people' }).click();
    const form = this.page.getByRole('form', { name: 'Edit route and people' });
    await form.waitFor();
    for (const code of codes) await form.getByRole('checkbox', { name: new RegExp(`^${code} `) }).check();
    return form;
  }

  /** Adds evidence of a type that needs no assessor's signature, with a file and criteria. */
  async addEvidence(opts: {
    type: string;
    title: string;
    description: string;
    file?: { name: string; mimeType: string; buffer: Buffer };
    criteria: Array<[string, RegExp]>;
  }) {
    const { page } = this;
    await page.getByRole('link', { name: 'Add other evidence' }).click();
    const form = page.getByRole('form', { name: 'Evidence' });
    await form.getByLabel('Type of evidence').selectOption(opts.type);
    await form.getByLabel('Title').fill(opts.title);
    await form.getByLabel('Description').fill(opts.description);
    if (opts.file) {
      await form.getByLabel('Add file').setInputFiles(opts.file);
      await form.getByText('Chosen files (1)').waitFor();
    }
    for (const [unit, name] of opts.criteria) await this.app.mapCriterion(unit, name);
    return form;
  }
}
