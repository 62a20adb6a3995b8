import { expect, test, type Page } from '@playwright/test';

// Every page is served with a Content-Security-Policy (api/Http/BrowserHeaders.cs). A violation does not fail a page
// visibly — the browser just refuses the script, style or image — so these tests listen for the reports themselves.

/** Collects what the page and the browser say about blocked content, from the moment the page starts loading. */
async function watchForViolations(page: Page): Promise<string[]> {
  const violations: string[] = [];
  page.on('console', (message) => {
    if (message.text().includes('Content Security Policy')) {
      violations.push(`console: ${message.text()}`);
    }
  });
  await page.exposeFunction('reportCspViolation', (text: string) => violations.push(`event: ${text}`));
  // Runs in the page, where the event bubbles up to the window (e2e code is type-checked without the DOM's types).
  await page.addInitScript(() => {
    interface Violation {
      effectiveDirective: string;
      blockedURI: string;
      sourceFile: string;
      lineNumber: number;
    }
    const target = globalThis as unknown as {
      addEventListener: (type: 'securitypolicyviolation', listener: (event: Violation) => void) => void;
      reportCspViolation: (text: string) => void;
    };
    target.addEventListener('securitypolicyviolation', (event) =>
      target.reportCspViolation(`${event.effectiveDirective} blocked ${event.blockedURI || 'inline'} (${event.sourceFile}:${event.lineNumber})`),
    );
  });
  return violations;
}

async function expectHygieneHeaders(response: Awaited<ReturnType<Page['goto']>>) {
  const headers = response?.headers() ?? {};
  expect(headers['x-content-type-options']).toBe('nosniff');
  expect(headers['referrer-policy']).toBe('strict-origin-when-cross-origin');
  expect(headers['content-security-policy']).toContain("frame-ancestors 'none'");
}

test('the home page runs under its Content-Security-Policy without a violation', async ({ page }) => {
  const violations = await watchForViolations(page);

  await expectHygieneHeaders(await page.goto('/'));
  await expect(page.getByTestId('readiness-status')).toHaveAttribute('data-state', 'ready', { timeout: 15_000 });
  await page.screenshot({ path: '/tmp/registry-csp-home.png', fullPage: true });

  expect(violations).toEqual([]);
});

test('a search with the map runs under the Content-Security-Policy without a violation', async ({ page }) => {
  const violations = await watchForViolations(page);

  await expectHygieneHeaders(await page.goto('/suppliers?lat=35.08&lon=137.06&withinKm=30'));
  const map = page.getByTestId('supplier-map');
  await expect(map.locator('path[data-prefecture="23"]')).toHaveCount(1, { timeout: 15_000 });
  await expect(map.getByTestId('map-point').first()).toBeVisible();
  await expect(map.getByTestId('map-circle')).toBeVisible();
  await page.screenshot({ path: '/tmp/registry-csp-search-map.png', fullPage: true });

  expect(violations).toEqual([]);
});

test('Swagger UI runs under its own Content-Security-Policy without a violation', async ({ page }) => {
  const violations = await watchForViolations(page);

  await expectHygieneHeaders(await page.goto('/swagger/index.html'));
  await expect(page.getByRole('heading', { name: /Regional Manufacturing Registry API/ })).toBeVisible({ timeout: 15_000 });
  // An operation opened, so that its rendered parts (schemas, icons) are on the page too.
  await page.locator('.opblock-summary').first().click();
  await expect(page.locator('.opblock-body').first()).toBeVisible();
  await page.screenshot({ path: '/tmp/registry-csp-swagger.png' });

  expect(violations).toEqual([]);
});
