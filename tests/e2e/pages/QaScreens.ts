// Page model of the centre-QA screens (/qa): sampling plans, a plan's items, recording an IQA decision,
// countersigning, and the assessor's open actions on the home screen.
import type { Locator, Page } from 'playwright-core';

export const QA_SCREENS = [
  'Sampling plans',
  'Record a decision',
  'Countersigning',
  'Standardisation',
  'CPD and competence',
  'Appeals',
] as const;

export class QaScreens {
  constructor(private readonly page: Page) {}

  async open(): Promise<void> {
    await this.page.getByRole('navigation', { name: 'Main' }).getByRole('link', { name: 'Quality' }).click();
    await this.page.getByRole('heading', { level: 1, name: 'Quality assurance' }).waitFor();
  }

  /** One of the QA screens, by its link in the QA navigation. */
  async go(screen: (typeof QA_SCREENS)[number]): Promise<void> {
    await this.page.getByRole('navigation', { name: 'Quality assurance' }).getByRole('link', { name: screen }).click();
    await this.page.getByRole('heading', { level: 1 }).waitFor();
  }

  /** Proposes a new plan for a qualification over a period; lands on the plan's page. */
  async proposePlan(qualification: RegExp, from: string, to: string, title: string): Promise<void> {
    const form = this.page.getByRole('form', { name: 'New sampling plan' });
    const select = form.getByRole('combobox', { name: 'Qualification' });
    await select.selectOption(await select.locator('option', { hasText: qualification }).getAttribute('value'));
    await form.getByLabel('Period from').fill(from);
    await form.getByLabel('Period to').fill(to);
    await form.getByLabel('Title (optional)').fill(title);
    await form.getByRole('button', { name: 'Propose a sample' }).click();
    await this.page.getByRole('heading', { level: 1, name: title }).waitFor();
  }

  get items(): Locator {
    return this.page.getByRole('list', { name: 'Planned samples' }).getByTestId('plan-item');
  }

  /** The decision page for a planned item (its "Record a decision" link), the candidate's portfolio loaded. */
  async openDecision(item: Locator): Promise<Locator> {
    await item.getByRole('link', { name: /Record a decision/ }).click();
    const form = this.page.getByRole('form', { name: 'IQA decision' });
    await form.waitFor();
    await form.getByText('Loading the candidate’s portfolio…').waitFor({ state: 'detached' });
    return form;
  }

  /** Records a decision on a planned item (from its "Record a decision" link) and returns the saved message. */
  async decide(
    item: Locator,
    decision: { outcome: 'Agree' | 'Disagree'; feedback: string; action?: { text: string; due: string } },
  ): Promise<string> {
    const form = await this.openDecision(item);
    await form.getByLabel(decision.outcome, { exact: true }).check();
    await form.getByLabel('Feedback to the assessor').fill(decision.feedback);
    if (decision.action) {
      await form.getByLabel('What the assessor should do').fill(decision.action.text);
      await form.getByLabel('Due by').fill(decision.action.due);
    }
    await form.getByRole('button', { name: 'Save the decision' }).click();
    return (await this.page.getByTestId('decision-saved').textContent()) ?? '';
  }

  /** The QA actions listed on the home screen or a portfolio page. */
  get actions(): Locator {
    return this.page.getByRole('list', { name: 'QA actions' });
  }

  async answer(action: Locator, text: string): Promise<void> {
    await action.getByLabel(/Your answer/).fill(text);
    await action.getByRole('button', { name: 'Send answer' }).click();
    await action.getByTestId('qa-answer').waitFor();
  }
}
