import { expect, test } from '@playwright/test';

test('home page reports the service as ready', async ({ page }) => {
  await page.goto('/');

  await expect(page.getByRole('link', { name: '地域ものづくりレジストリ' })).toBeVisible();
  await expect(page.getByTestId('readiness-status')).toHaveAttribute('data-state', 'ready', { timeout: 15_000 });
  await expect(page.getByRole('link', { name: 'API ドキュメント' })).toHaveAttribute('href', '/swagger');
});

test('an unknown client route shows the not-found page inside the app shell', async ({ page }) => {
  const response = await page.goto('/no-such-page');

  expect(response?.headers()['content-type']).toContain('text/html');
  await expect(page.getByRole('heading', { level: 1, name: 'ページが見つかりません' })).toBeVisible();
  await page.getByRole('link', { name: 'トップページへ戻る' }).click();
  await expect(page).toHaveURL(/\/$/);
  await expect(page.getByTestId('readiness-status')).toBeVisible();
});

test('the language switch changes the page to English and is remembered', async ({ page }) => {
  await page.goto('/');
  await expect(page.locator('html')).toHaveAttribute('lang', 'ja');

  await page.getByRole('button', { name: 'English' }).click();

  await expect(page.getByRole('link', { name: 'Regional Manufacturing Registry' })).toBeVisible();
  await expect(page.locator('html')).toHaveAttribute('lang', 'en');
  await page.reload();
  await expect(page.getByRole('link', { name: 'Regional Manufacturing Registry' })).toBeVisible();
  await expect(page.locator('html')).toHaveAttribute('lang', 'en');
});
