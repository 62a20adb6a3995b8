import { expect, test, type Page } from '@playwright/test';

// Runs against the API in Development (scripts/run) with its demo region (sites in Aichi, many in 豊田市) and demo
// accounts. Issue 16: places by name instead of codes and coordinates, and postal codes that fill the address.
const supplier = { email: 'supplier1@registry.example', password: 'demo-supplier1-password' };

async function signIn(page: Page, account: { email: string; password: string }) {
  const form = page.locator('form');
  await form.getByLabel('メールアドレス').fill(account.email);
  await form.getByLabel('パスワード').fill(account.password);
  await form.getByRole('button', { name: 'サインイン' }).click();
}

test('a newcomer searches within 30 km of 豊田市 by typing とよた, and reads place names instead of codes', async ({ page }) => {
  await page.goto('/suppliers');
  const filters = page.getByRole('form', { name: '検索条件' });
  await filters.getByTestId('picker-near').getByRole('combobox', { name: '市区町村' }).fill('とよた');
  await page.getByRole('option', { name: /豊田市/ }).first().click();
  await expect(filters.getByTestId('picker-near').locator('.chip')).toHaveText(/豊田市/);
  // Choosing a place replaces the coordinates: no latitude to fill in.
  await expect(filters.getByLabel('緯度')).toHaveCount(0);
  await filters.getByLabel('半径').fill('30');
  await filters.getByRole('button', { name: '検索' }).click();

  await expect(page).toHaveURL(/near=232114/);
  await expect(page.getByTestId('search-region')).toHaveText('豊田市から 30 km');
  const results = page.getByTestId('search-result');
  await expect(results.first()).toBeVisible();
  await expect(results.filter({ hasText: '豊田市' }).first()).toBeVisible();
  await expect(page.getByTestId('search-results')).not.toContainText('市区町村コード');

  await results.filter({ hasText: '豊田市' }).first().getByRole('link').first().click();
  await expect(page.getByTestId('municipality')).toHaveText(/豊田市/);
});

test('the site editor fills prefecture, municipality and town from a postal code, and refuses one of another municipality', async ({
  page,
}) => {
  await page.goto('/login?next=%2Fmy%2Fsites%2Fnew');
  await signIn(page, supplier);
  await expect(page.getByRole('heading', { name: '新しい事業所を登録' })).toBeVisible();
  const form = page.getByRole('main').locator('form');
  await form.getByRole('textbox', { name: /^事業所名\s*（必須）/ }).fill(`郵便番号確認工業 ${Date.now()}`);
  await form.getByLabel('郵便番号', { exact: true }).fill('４７１００２５');

  await expect(page.getByTestId('postal-fill')).toContainText('愛知県豊田市西町');
  await expect(form.getByLabel('郵便番号', { exact: true })).toHaveValue('471-0025');
  await expect(form.getByLabel(/^都道府県/)).toHaveValue('23');
  await expect(form.getByLabel('市区町村コード', { exact: true })).toHaveValue('232114');
  await expect(form.getByText('豊田市', { exact: true })).toBeVisible();
  await expect(form.getByLabel('住所', { exact: true })).toHaveValue('愛知県豊田市西町');

  // 232025 is 岡崎市: the service refuses a postal code of another municipality, and says so under the postal code.
  await form.getByLabel('市区町村コード', { exact: true }).fill('232025');
  await expect(form.getByText('岡崎市', { exact: true })).toBeVisible();
  await form.getByRole('button', { name: '登録' }).click();
  await expect(form.getByTestId('field-errors').filter({ hasText: '郵便番号 471-0025' })).toContainText(
    '愛知県豊田市西町の郵便番号で、愛知県岡崎市のものではありません',
  );
  await expect(page).toHaveURL(/\/my\/sites\/new$/);
});
