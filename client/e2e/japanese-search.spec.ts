import { expect, test, type Page } from '@playwright/test';

// Runs against the API in Development (scripts/run) with its demo region: shops of twelve kinds in Aichi, among them
// sheet-metal presses (板金加工) and plating shops (めっき) whose names and descriptions do not say 板金 or めっき.
const coordinator = { email: 'coordinator@registry.example', password: 'demo-coordinator-password' };

async function searchFor(page: Page, words: string) {
  await page.goto('/suppliers');
  const filters = page.getByRole('form', { name: '検索条件' });
  await filters.getByLabel('キーワード').fill(words);
  await filters.getByRole('button', { name: '検索' }).click();
}

test('a newcomer finds 板金 and めっき shops by typing the words as they write them', async ({ page }) => {
  for (const [typed, why] of [
    ['板金', '工程: 板金加工'],
    ['めっき', '工程: めっき'],
    ['ﾒｯｷ', '工程: めっき'],
    ['ようせつ', '工程: 溶接'],
  ] as const) {
    await searchFor(page, typed);
    const first = page.getByTestId('search-result').first();
    await expect(first, `${typed} finds shops`).toBeVisible();
    await expect(first.getByTestId('keyword-hits')).toContainText(why);
  }
});

test('a search that finds nothing offers the filter its word names', async ({ page }) => {
  // No demo shop is called 該当なし; 板金 names sheet metal, which the offer turns into a filter.
  await searchFor(page, '板金 該当なし');
  const offer = page.getByTestId('search-suggestions');
  await expect(offer).toBeVisible();
  await offer.getByRole('button', { name: '工程: 板金加工' }).click();

  await expect(page).toHaveURL(/process=sheet_metal/);
  await expect(page).toHaveURL(/q=%E8%A9%B2%E5%BD%93%E3%81%AA%E3%81%97/);
});

test('a coordinator finds a site in the verification queue by its name in kana', async ({ page }) => {
  await page.goto(`/login?next=${encodeURIComponent('/coordinator/verification')}`);
  const form = page.locator('form');
  await form.getByLabel('メールアドレス').fill(coordinator.email);
  await form.getByLabel('パスワード').fill(coordinator.password);
  await form.getByRole('button', { name: 'サインイン' }).click();
  await expect(page).toHaveURL(/\/coordinator\/verification$/);

  await page.getByRole('searchbox', { name: '事業所名で探す' }).fill('ﾐｶﾜ');
  await page.getByRole('button', { name: '検索', exact: true }).click();
  const rows = page.getByTestId('queue-row');
  await expect(rows.first()).toContainText('三河');
  for (const name of await rows.locator('a').allTextContents()) {
    expect(name).toContain('三河');
  }

  // The demo region is consistent (no more qualified staff than employees, no spare capacity while closed): the
  // data-quality list says so. DataQualityTests lists stored contradictions.
  await page.getByRole('checkbox', { name: 'データに矛盾がある事業所（確認済みを含む）' }).check();
  await expect(page.getByTestId('empty-state')).toHaveText('データに矛盾がある事業所はありません。');
});
