// The accessibility check every browser test applies: axe's WCAG 2.1 AA rules, serious and critical findings only.
import AxeBuilder from '@axe-core/playwright';
import type { Page } from 'playwright-core';

/** Each serious or critical violation on the page as "rule: selectors", so a failure names what to fix. */
export async function seriousViolations(page: Page): Promise<string[]> {
  const results = await new AxeBuilder({ page }).withTags(['wcag2a', 'wcag2aa', 'wcag21aa']).analyze();
  return results.violations
    .filter((v) => v.impact === 'serious' || v.impact === 'critical')
    .map((v) => `${v.id}: ${v.nodes.map((n) => n.target.join(' ')).join(', ')}`);
}
