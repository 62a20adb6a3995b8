import { expect, test, type APIRequestContext, type Browser, type Page } from '@playwright/test';

// Runs against the API in Development (scripts/run) with its demo region (sites in Aichi) and demo accounts.
const supplier = { email: 'supplier1@registry.example', password: 'demo-supplier1-password' };

// A point in the demo region, between Nagoya and Toyota.
const point = { lat: '35.08', lon: '137.06' };

async function signIn(page: Page, account: { email: string; password: string }) {
  const form = page.locator('form');
  await form.getByLabel('メールアドレス').fill(account.email);
  await form.getByLabel('パスワード').fill(account.password);
  await form.getByRole('button', { name: 'サインイン' }).click();
}

/**
 * Removes the equipment this suite adds (model E2E-…) from the supplier's sites through the API, so that the demo site
 * is left as it was even when a run failed half-way.
 */
async function removeTestEquipment(request: APIRequestContext) {
  const login = await request.post('/api/v1/auth/login', { data: supplier });
  expect(login.ok()).toBe(true);
  const { accessToken, user } = (await login.json()) as { accessToken: string; user: { supplierIds: string[] } };
  const headers = { Authorization: `Bearer ${accessToken}` };
  for (const site of user.supplierIds) {
    const list = await request.get(`/api/v1/suppliers/${site}/equipment`, { headers });
    for (const item of (await list.json()) as { id: string; model?: string | null }[]) {
      if (item.model?.startsWith('E2E-')) {
        expect((await request.delete(`/api/v1/suppliers/${site}/equipment/${item.id}`, { headers })).ok()).toBe(true);
      }
    }
  }
}

/** Types into a taxonomy picker and chooses the suggestion named `option`. */
async function pick(page: Page, scope: ReturnType<Page['getByTestId']>, text: string, option: RegExp) {
  await scope.getByRole('combobox').fill(text);
  await page.getByRole('option', { name: option }).first().click();
}

test('a visitor finds 5-axis machining with ISO 9001 within 30 km of a point, sees the map and opens a profile', async ({
  page,
}) => {
  await page.goto('/');
  await page.getByRole('banner').getByRole('link', { name: 'サプライヤー検索' }).click();
  await expect(page.getByRole('heading', { level: 1, name: 'サプライヤー検索' })).toBeVisible();
  const filters = page.getByRole('form', { name: '検索条件' });

  await pick(page, filters.getByTestId('picker-process'), '5軸', /5軸加工/);
  await pick(page, filters.getByTestId('picker-certification'), 'ISO 9001', /^ISO 9001（/);
  await filters.getByLabel('緯度').fill(point.lat);
  await filters.getByLabel('経度').fill(point.lon);
  await filters.getByLabel('半径').fill('30');
  await filters.getByRole('button', { name: '検索' }).click();

  await expect(page).toHaveURL(/process=machining\.milling\.5axis/);
  await expect(page).toHaveURL(/certification=iso_9001/);
  await expect(page).toHaveURL(/withinKm=30/);
  const results = page.getByTestId('search-result');
  await expect(results.first()).toBeVisible({ timeout: 15_000 });
  const count = await results.count();
  expect(count).toBeGreaterThan(0);
  for (const distance of await page.getByTestId('distance').allTextContents()) {
    expect(Number.parseFloat(distance)).toBeLessThanOrEqual(30);
  }
  await expect(results.first()).toContainText('5軸加工');
  await expect(results.first()).toContainText('ISO 9001');

  // The map: prefecture outlines bundled with the app, a point per result, the search circle, fitted to Aichi.
  const map = page.getByTestId('supplier-map');
  await expect(map.locator('path[data-prefecture="23"]')).toHaveCount(1);
  await expect(map.getByTestId('map-point')).toHaveCount(count);
  await expect(map.getByTestId('map-circle')).toBeVisible();
  await expect(page.getByText('Natural Earth', { exact: false })).toBeVisible();

  // Hovering a result highlights its point.
  const firstId = await results.first().getAttribute('data-id');
  await results.first().hover();
  await expect(map.locator(`[data-testid="map-point"][data-id="${firstId}"]`)).toHaveAttribute('data-highlighted', 'true');

  // A facet narrows the search, and the back button undoes it.
  await page.getByRole('button', { name: /^愛知県/ }).click();
  await expect(page).toHaveURL(/prefecture=23/);
  await page.goBack();
  await expect(page).not.toHaveURL(/prefecture=23/);
  await expect(filters.getByLabel('半径')).toHaveValue('30');

  // Opening a result shows its profile: public facts, headlines, the seven sections, freshness.
  const name = (await results.first().getByRole('link').textContent()) ?? '';
  await results.first().getByRole('link').click();
  await expect(page).toHaveURL(new RegExp(`/suppliers/${firstId}$`));
  await expect(page.getByRole('heading', { level: 1, name })).toBeVisible();
  await expect(page.getByTestId('freshness')).toHaveText(/^最終確認: \d{4}-\d{2}-\d{2}$/);
  await expect(page.getByTestId('process-headlines')).toContainText('5軸加工');
  for (const section of ['contact', 'capabilities', 'equipment', 'certifications', 'staff', 'capacity', 'challenges']) {
    await expect(page.getByTestId(`section-${section}`)).toBeVisible();
  }
  await expect(page.getByTestId('supplier-map').getByTestId('map-point')).toHaveCount(1);
});

test('clicking the map picks the search point', async ({ page }) => {
  await page.goto('/suppliers?process=machining&lat=35.08&lon=137.06&withinKm=20');
  const map = page.getByTestId('supplier-map');
  await expect(map.getByTestId('map-circle')).toBeVisible({ timeout: 15_000 });

  const box = (await map.locator('svg').boundingBox())!;
  await page.mouse.click(box.x + box.width * 0.25, box.y + box.height * 0.5);

  await expect(page).not.toHaveURL(/lon=137\.06(&|$)/);
  const url = new URL(page.url());
  expect(Number(url.searchParams.get('lon'))).toBeLessThan(137.06);
  expect(url.searchParams.get('withinKm')).toBe('20');
  await expect(page.getByRole('form', { name: '検索条件' }).getByLabel('経度')).toHaveValue(url.searchParams.get('lon')!);
});

test('a supplier adds equipment and hides its contact; an anonymous visitor then sees both, and cannot search on what is hidden', async ({
  page,
  browser,
  request,
}) => {
  test.setTimeout(90_000);
  await removeTestEquipment(request);
  try {
    await supplierEditsAndAnonymousSees(page, browser);
  } finally {
    await removeTestEquipment(request);
  }
});

async function supplierEditsAndAnonymousSees(page: Page, browser: Browser) {
  const model = `E2E-${Date.now()}`;

  await page.goto('/login?next=%2Fmy%2Fsites');
  await signIn(page, supplier);
  await expect(page).toHaveURL(/\/my\/sites$/);
  // The account's published site (a draft registered meanwhile would not be seen by anyone else).
  const site = page.getByTestId('my-site').filter({ hasText: '公開中' }).first();
  await site.getByRole('link', { name: '編集' }).click();
  await expect(page.getByTestId('site-editor')).toBeVisible();
  const id = /\/suppliers\/([^/]+)\/edit$/.exec(page.url())![1]!;
  const siteName = await page.getByLabel('事業所名 （必須）').inputValue();

  // A piece of equipment, through the taxonomy picker; the key spec's unit comes with the type.
  const equipment = page.getByTestId('part-editor-equipment');
  await equipment.getByRole('button', { name: '設備を追加' }).click();
  const form = equipment.getByTestId('part-form-equipment');
  await pick(page, form.getByTestId('picker-typeCode'), 'サーボプレス', /サーボプレス/);
  await form.getByLabel('型式').fill(model);
  await expect(form.getByText('tf', { exact: true })).toBeVisible();
  await form.getByLabel(/^主要仕様/).fill('250');
  await form.getByRole('button', { name: '追加', exact: true }).click();
  await expect(equipment.getByRole('status')).toHaveText('追加しました。');
  await expect(equipment.getByTestId('part-row').filter({ hasText: model })).toHaveCount(1);

  // Contact for coordinators only; equipment public (new sites have it so; the demo data varies it per site);
  // capacity for members, taking contract work — a fact only the capacity section holds.
  const facts = page.getByTestId('site-facts-form');
  await page.getByTestId('disclosure-contact').getByLabel('コーディネーターのみ').check();
  await page.getByTestId('disclosure-equipment').getByLabel('公開').check();
  await page.getByTestId('disclosure-capacity').getByLabel('会員のみ').check();
  await facts.getByLabel('受託加工').selectOption('open');
  await facts.getByRole('button', { name: '保存' }).click();
  await expect(facts.getByTestId('saved')).toHaveText('保存しました。');

  // Anyone, signed out (a new browser context).
  const anonymous = await (await browser.newContext({ locale: 'ja-JP' })).newPage();
  await anonymous.goto(`/suppliers/${id}`);
  const contact = anonymous.getByTestId('section-contact');
  await expect(contact).toHaveAttribute('data-hidden', 'true');
  await expect(contact.getByTestId('section-hidden')).toContainText('非公開: コーディネーターのみ');
  await expect(anonymous.getByTestId('section-equipment')).toHaveAttribute('data-hidden', 'false');
  await expect(anonymous.getByTestId('section-equipment')).toContainText(model);
  await expect(anonymous.getByTestId('section-capacity').getByTestId('section-hidden')).toContainText('非公開: 会員のみ');

  // Searching: found by name and by its public equipment, not by its hidden capacity.
  const found = anonymous.locator(`[data-testid="search-result"][data-id="${id}"]`);
  await anonymous.goto(`/suppliers?q=${encodeURIComponent(siteName)}`);
  await expect(found).toHaveCount(1, { timeout: 15_000 });
  await anonymous.goto(`/suppliers?q=${encodeURIComponent(siteName)}&equipmentType=press.servo&equipmentMinSpec=250`);
  await expect(found).toHaveCount(1, { timeout: 15_000 });
  await anonymous.goto(`/suppliers?q=${encodeURIComponent(siteName)}&acceptsContractWork=true`);
  // The results heading ("N 件") shows once the search has answered; the filter card's heading also ends in 件.
  await expect(anonymous.locator('#search-results-heading')).toHaveText(/^\d+ 件$/, { timeout: 15_000 });
  await expect(found).toHaveCount(0);
  await anonymous.context().close();

  // The same search signed in (a member may see the capacity section) does find it: the filter itself matches.
  const signedIn = page.locator(`[data-testid="search-result"][data-id="${id}"]`);
  await page.goto(`/suppliers?q=${encodeURIComponent(siteName)}&acceptsContractWork=true`);
  await expect(signedIn).toHaveCount(1, { timeout: 15_000 });
  await page.goBack();

  // Removing a part works too, after a question (and leaves the demo site's equipment as it was).
  await equipment.getByRole('button', { name: new RegExp(`${model} を削除`) }).click();
  await page.getByRole('dialog').getByRole('button', { name: '削除する' }).click();
  await expect(equipment.getByRole('status')).toContainText('削除しました');
  await expect(equipment.getByTestId('part-row').filter({ hasText: model })).toHaveCount(0);
}
