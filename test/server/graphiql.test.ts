import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { chromium, type Browser } from 'playwright-core';
import { CHROMIUM_ARGS, CHROMIUM_PATH, chromiumMissing } from '../support/chromium.js';
import { mutate } from '../support/api.js';
import { useTestApp, startTestApp, type TestApp } from '../support/testApp.js';

/** Where a page's tags load things from: every src= and href= of script, link and img tags. */
function loadedUrls(html: string): string[] {
  return [...html.matchAll(/<(?:script|link|img|iframe)\b[^>]*?\b(?:src|href)\s*=\s*["']([^"']+)["']/gi)].map((m) => m[1]!);
}

describe('GraphiQL page', () => {
  const t = useTestApp();

  it('loads nothing from another origin and says so in a content security policy', async () => {
    const response = await fetch(`${t.url}/graphql`, { headers: { accept: 'text/html' } });
    expect(response.status).toBe(200);
    const html = await response.text();
    expect(html).toContain('Exchange Ledger');
    expect(html).toContain('query Networks');
    expect(loadedUrls(html).filter((url) => /^(https?:)?\/\//i.test(url))).toEqual([]);
    expect(html).not.toMatch(/unpkg\.com|jsdelivr|cdnjs/);
    expect(response.headers.get('content-security-policy')).toMatch(/default-src 'self'/);
  });

  it('is not served when GraphiQL is off', async () => {
    const off = await startTestApp({ GRAPHIQL: 'false' });
    try {
      const response = await fetch(`${off.url}/graphql`, { headers: { accept: 'text/html' } });
      expect(await response.text()).not.toContain('query Networks');
    } finally {
      await off.close();
    }
  });
});

describe.skipIf(chromiumMissing)('GraphiQL in headless Chromium, with every other origin unreachable', () => {
  let t: TestApp;
  let browser: Browser;
  beforeAll(async () => {
    t = await startTestApp();
    const secretariat = await t.token('secretariat');
    const registered = await mutate(
      t,
      'registerNetwork',
      { name: 'BoostInno', kind: 'actionPlanning', theme: 'Boosting social innovation', startDate: '2015-09-01', endDate: '2018-05-31' },
      secretariat,
    );
    expect(registered.__typename).toBe('RegisterNetworkPayload');
    browser = await chromium.launch({ executablePath: CHROMIUM_PATH, args: CHROMIUM_ARGS });
  });
  afterAll(async () => {
    await browser?.close();
    await t?.close();
  });

  it('opens /graphql, runs the first example operation and shows its result', async () => {
    const context = await browser.newContext();
    const page = await context.newPage();
    const origin = new URL(t.url).origin;
    const elsewhere: string[] = [];
    await context.route('**/*', (route) => {
      const url = route.request().url();
      if (url.startsWith(origin) || url.startsWith('blob:') || url.startsWith('data:')) return route.continue();
      elsewhere.push(url);
      return route.abort('internetdisconnected');
    });
    const problems: string[] = [];
    page.on('pageerror', (error) => problems.push(`page error: ${error.message}`));
    page.on('console', (message) => {
      if (/Content Security Policy/i.test(message.text())) problems.push(`CSP: ${message.text()}`);
    });

    await page.goto(`${t.url}/graphql`);
    await expect.poll(() => page.title(), { timeout: 20_000 }).toBe('Exchange Ledger');
    const run = page.locator('.graphiql-execute-button');
    await run.waitFor({ state: 'visible', timeout: 30_000 });
    await run.click();
    // Several operations in the editor: GraphiQL asks which one; the first example is "Networks".
    await page.locator('.graphiql-dropdown-item', { hasText: /^Networks$/ }).click();
    const response = page.locator('.graphiql-response');
    await expect.poll(() => response.innerText(), { timeout: 20_000 }).toContain('BoostInno');
    expect(await response.innerText()).toContain('"networks"');
    expect(elsewhere).toEqual([]);
    expect(problems).toEqual([]);
    await context.close();
  }, 90_000);
});
