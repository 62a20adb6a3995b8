import { expect, test, type APIRequestContext, type Page } from '@playwright/test';

// Nothing lost, nothing irreversible by accident, and problems said where the user is (issue 16). Runs against the API
// in Development (scripts/run) with its demo data and accounts. (Awarding after a question: e2e/matching.spec.ts.)
const supplier = { email: 'supplier1@registry.example', password: 'demo-supplier1-password' };
const modelPrefix = 'E2E-UNDO-';

async function signIn(page: Page, next: string) {
  await page.goto(`/login?next=${encodeURIComponent(next)}`);
  const form = page.locator('form');
  await form.getByLabel('メールアドレス').fill(supplier.email);
  await form.getByLabel('パスワード').fill(supplier.password);
  await form.getByRole('button', { name: 'サインイン' }).click();
  await expect(page).toHaveURL(new RegExp(`${next}$`));
}

async function supplierApi(request: APIRequestContext) {
  const login = await request.post('/api/v1/auth/login', { data: supplier });
  expect(login.ok()).toBe(true);
  const { accessToken, user } = (await login.json()) as { accessToken: string; user: { supplierIds: string[] } };
  return { headers: { Authorization: `Bearer ${accessToken}` }, sites: user.supplierIds };
}

/** The supplier's published site, whose editor the tests open. */
async function publishedSite(request: APIRequestContext): Promise<string> {
  const { headers, sites } = await supplierApi(request);
  for (const id of sites) {
    const profile = (await (await request.get(`/api/v1/suppliers/${id}`, { headers })).json()) as { status: string };
    if (profile.status === 'published') {
      return id;
    }
  }
  throw new Error('the demo supplier has no published site');
}

/** Removes the machines this file adds (model E2E-UNDO-…), so a failed run leaves the demo site as it was. */
async function removeTestMachines(request: APIRequestContext) {
  const { headers, sites } = await supplierApi(request);
  for (const site of sites) {
    const list = await request.get(`/api/v1/suppliers/${site}/equipment`, { headers });
    for (const item of (await list.json()) as { id: string; model?: string | null }[]) {
      if (item.model?.startsWith(modelPrefix)) {
        expect((await request.delete(`/api/v1/suppliers/${site}/equipment/${item.id}`, { headers })).ok()).toBe(true);
      }
    }
  }
}

test('a radius that is not a number in the URL is named, and nothing is searched', async ({ page }) => {
  const searches: string[] = [];
  page.on('request', (r) => {
    if (new URL(r.url()).pathname === '/api/v1/suppliers') {
      searches.push(r.url());
    }
  });

  await page.goto('/suppliers?process=machining&lat=35.08&lon=137.06&withinKm=abc');

  const problems = page.getByTestId('url-problems');
  await expect(problems).toBeVisible();
  await expect(problems).toContainText('検索していません');
  await expect(problems.getByRole('listitem')).toHaveText('withinKm（半径）: 「abc」は数値ではありません。');
  const filters = page.getByRole('form', { name: '検索条件' });
  await expect(filters.getByLabel('半径')).toHaveValue('abc');
  await expect(filters.getByLabel('半径')).toHaveAttribute('aria-invalid', 'true');
  await expect(page.getByTestId('search-result')).toHaveCount(0);
  expect(searches).toEqual([]);

  // Corrected in the panel, it searches within the radius.
  await filters.getByLabel('半径').fill('20');
  await filters.getByRole('button', { name: '検索', exact: true }).click();
  await expect(page).toHaveURL(/withinKm=20/);
  await expect(page.getByTestId('search-result').first()).toBeVisible({ timeout: 15_000 });
  await expect(problems).toHaveCount(0);
  expect(searches.length).toBeGreaterThan(0);
  expect(new URL(searches[0]!).searchParams.get('withinKm')).toBe('20');
});

test('a cluster that is not there shows the not-found page, titled so, without a trace id', async ({ page }) => {
  await page.goto('/clusters/019a0000-dead-7000-8000-00000000beef');

  await expect(page.getByRole('heading', { level: 1, name: 'クラスターが見つかりません' })).toBeVisible();
  await expect(page.getByTestId('cluster-not-found')).toContainText('404');
  await expect(page.getByText(/問い合わせ番号/)).toHaveCount(0);
  await expect(page).toHaveTitle('クラスターが見つかりません | 地域ものづくりレジストリ');
  await page.getByRole('link', { name: '← クラスター一覧' }).click();
  await expect(page).toHaveURL(/\/clusters$/);
  await expect(page).toHaveTitle('産業クラスター | 地域ものづくりレジストリ');
});

test('leaving the site editor with unsaved edits asks first: by a link, by the back button, and by closing the tab', async ({
  page,
  request,
}) => {
  const id = await publishedSite(request);
  await signIn(page, '/my/sites');
  // Opened from the list inside the app, so that "back" stays in the app (a new document is the browser's to ask about).
  await page.locator(`a[href="/suppliers/${id}/edit"]`).click();
  const facts = page.getByTestId('site-facts-form');
  await expect(facts).toBeVisible();
  await expect(page).toHaveTitle(/^事業所の編集: .+ \| 地域ものづくりレジストリ$/);

  // Without changes, nothing is asked.
  await page.getByRole('banner').getByRole('link', { name: 'サプライヤー検索' }).click();
  await expect(page).toHaveURL(/\/suppliers$/);
  await page.goBack();
  await expect(facts).toBeVisible();

  const strengths = facts.getByLabel('得意', { exact: true });
  const before = await strengths.inputValue();
  await strengths.fill(`${before} 未保存の変更`);

  // A link: the dialog names the loss; staying keeps the edit.
  await page.getByRole('banner').getByRole('link', { name: 'サプライヤー検索' }).click();
  const dialog = page.getByRole('dialog', { name: '保存していない変更があります。このページを離れますか？' });
  await expect(dialog).toBeVisible();
  await dialog.getByRole('button', { name: 'このページに留まる' }).click();
  await expect(dialog).toHaveCount(0);
  await expect(page).toHaveURL(new RegExp(`/suppliers/${id}/edit$`));
  await expect(strengths).toHaveValue(`${before} 未保存の変更`);

  // The browser's back button: asked too.
  await page.goBack();
  await expect(dialog).toBeVisible();
  await dialog.getByRole('button', { name: 'このページに留まる' }).click();
  await expect(page).toHaveURL(new RegExp(`/suppliers/${id}/edit$`));

  // Closing the tab: the browser's own question (beforeunload).
  const asked = page.waitForEvent('dialog');
  await page.close({ runBeforeUnload: true });
  const question = await asked;
  expect(question.type()).toBe('beforeunload');
  await question.accept();
});

test('a failed save says why beside the field, moves focus to it, and says so beside the save button', async ({ page, request }) => {
  const id = await publishedSite(request);
  await signIn(page, '/my/sites');
  await page.goto(`/suppliers/${id}/edit`);
  const facts = page.getByTestId('site-facts-form');
  const spare = facts.getByLabel('空き能力', { exact: true });
  await spare.fill('150');

  const answer = page.waitForResponse((r) => r.url().endsWith(`/api/v1/suppliers/${id}`) && r.request().method() === 'PUT');
  await facts.getByRole('button', { name: '保存', exact: true }).click();
  expect((await answer).status()).toBe(400);

  // The field: focused, marked invalid, its message right under it and read with it.
  await expect(spare).toBeFocused();
  await expect(spare).toHaveAttribute('aria-invalid', 'true');
  const messageId = await spare.getAttribute('aria-describedby');
  const message = page.locator(`[id="${messageId}"]`);
  await expect(message).not.toBeEmpty();
  await expect(message).toBeInViewport();
  // Beside the save button: the announced summary.
  const alert = facts.getByTestId('write-alert');
  await expect(alert).toHaveAttribute('role', 'alert');
  await expect(alert).toContainText(/入力内容を確認してください（\d+ 件）/);
  const [alertBox, buttonBox] = [await alert.boundingBox(), await facts.getByRole('button', { name: '保存', exact: true }).boundingBox()];
  expect(buttonBox!.y - (alertBox!.y + alertBox!.height)).toBeLessThan(80);
});

test('a machine is removed only after a question, and "undo" brings it back', async ({ page, request }) => {
  test.setTimeout(60_000);
  await removeTestMachines(request);
  const model = `${modelPrefix}${Date.now()}`;
  try {
    const id = await publishedSite(request);
    await signIn(page, '/my/sites');
    await page.goto(`/suppliers/${id}/edit`);
    const equipment = page.getByTestId('part-editor-equipment');
    await equipment.getByRole('button', { name: '設備を追加' }).click();
    const form = equipment.getByTestId('part-form-equipment');
    await form.getByTestId('picker-typeCode').getByRole('combobox').fill('サーボプレス');
    await page.locator('[role="option"][data-code="press.servo"]').click();
    await form.getByLabel('型式').fill(model);
    await form.getByRole('button', { name: '追加', exact: true }).click();
    const row = equipment.getByTestId('part-row').filter({ hasText: model });
    await expect(row).toHaveCount(1);

    // One click asks; cancelling keeps the machine.
    await row.getByRole('button', { name: /を削除$/ }).click();
    const dialog = page.getByRole('dialog', { name: new RegExp(`「サーボプレス ${model}」を削除しますか？`) });
    await expect(dialog).toBeVisible();
    await expect(dialog.getByRole('button', { name: 'キャンセル' })).toBeFocused();
    await dialog.getByRole('button', { name: 'キャンセル' }).click();
    await expect(row).toHaveCount(1);

    await row.getByRole('button', { name: /を削除$/ }).click();
    await dialog.getByRole('button', { name: '削除する' }).click();
    await expect(row).toHaveCount(0);
    const outcome = equipment.getByTestId('part-outcome');
    await expect(outcome).toContainText('削除しました');

    await outcome.getByRole('button', { name: '元に戻す' }).click();
    await expect(outcome).toContainText('元に戻しました');
    await expect(row).toHaveCount(1);
  } finally {
    await removeTestMachines(request);
  }
});
