import type { BrowserContext, Locator, Page } from 'playwright-core';

/** Set by the hostile SVG and HTML evidence files below, were their scripts ever to run in the app's origin. */
export const PWNED_KEY = 'fieldfolio-pwned';
const payload = `try { localStorage.setItem('${PWNED_KEY}', location.href); window.opener && (window.opener.pwned = 1); } catch (e) {} alert('pwned');`;
export const HOSTILE_SVG = Buffer.from(
  `<svg xmlns="http://www.w3.org/2000/svg" onload="${payload.replace(/"/g, '&quot;')}"><script>${payload}</script><rect width="10" height="10"/></svg>`,
);
export const HOSTILE_HTML = Buffer.from(`<!doctype html><title>x</title><script>${payload}</script><p>hello</p>`);

/**
 * Watches a browser context as an attacker's bundle would want it to behave: every request (to find any that
 * leaves the app's origin), every dialog, every Content-Security-Policy violation (reported by a listener every
 * document gets before its own scripts run), and every page opened.
 */
export class SecurityWatch {
  readonly requests: string[] = [];
  readonly dialogs: string[] = [];
  readonly violations: string[] = [];
  readonly pages: Page[] = [];

  private constructor(readonly context: BrowserContext) {}

  static async on(context: BrowserContext): Promise<SecurityWatch> {
    const watch = new SecurityWatch(context);
    await context.exposeBinding('__cspViolation', ({ frame }, text: string) => {
      watch.violations.push(`${frame.url()}: ${text}`);
    });
    await context.addInitScript(() => {
      document.addEventListener('securitypolicyviolation', (e) => {
        (window as unknown as { __cspViolation(text: string): void }).__cspViolation(
          `${e.violatedDirective} blocked ${e.blockedURI || '(inline)'}`,
        );
      });
    });
    const watchPage = (page: Page) => {
      watch.pages.push(page);
      page.on('request', (r) => watch.requests.push(r.url()));
      page.on('dialog', (d) => {
        watch.dialogs.push(d.message());
        void d.dismiss();
      });
    };
    context.pages().forEach(watchPage);
    context.on('page', watchPage);
    return watch;
  }

  /** Requests to anywhere but `origin` (blob: and data: URLs are the page's own memory). */
  foreignRequests(origin: string): string[] {
    return this.requests.filter((url) => !url.startsWith(origin + '/') && !/^(blob|data):/.test(url));
  }

  /** True if a hostile file's script ran in the app's origin, in any page. */
  async scriptRan(page: Page): Promise<boolean> {
    return page.evaluate(
      (key) => localStorage.getItem(key) !== null || (window as unknown as { pwned?: number }).pwned !== undefined,
      PWNED_KEY,
    );
  }
}

/**
 * Opens every blob: link in `scope` every way a person can: a click (it must download, under a safe name), and
 * as a page of its own, as "Open link in new tab" does. Returns the names the downloads were offered under.
 */
export async function openEveryMediaLink(page: Page, scope: Locator): Promise<string[]> {
  const links = scope.locator('a[href^="blob:"]');
  const names: string[] = [];
  for (let i = 0; i < (await links.count()); i++) {
    const link = links.nth(i);
    const [download] = await Promise.all([page.waitForEvent('download'), link.click()]);
    names.push(download.suggestedFilename());
    const href = (await link.getAttribute('href'))!;
    const opened = page.context().waitForEvent('page');
    await page.evaluate((url) => void window.open(url, '_blank'), href);
    const tab = await opened;
    // An octet-stream blob downloads and Chromium closes the tab; an active one would render there as a page.
    const rendered = await Promise.race([
      tab.waitForEvent('close').then(() => false),
      // A tab that closes rejects waitForURL, sometimes before its close event: closed means not rendered.
      tab.waitForURL(/^blob:/).then(
        () => true,
        () => false,
      ),
    ]);
    if (rendered) names.push(`rendered as a page: ${tab.url()}`);
    if (!tab.isClosed()) await tab.close();
  }
  return names;
}
