import { expect, test, type Locator, type Page } from '@playwright/test';

// Runs against the API in Development (scripts/run) with its demo region (sites in Aichi) and demo accounts.
const buyer = { email: 'buyer@registry.example', password: 'demo-buyer-password' };

async function signIn(page: Page, account: { email: string; password: string }) {
  const form = page.locator('form');
  await form.getByLabel('メールアドレス').fill(account.email);
  await form.getByLabel('パスワード').fill(account.password);
  await form.getByRole('button', { name: 'サインイン' }).click();
}

/** Types into a taxonomy picker and chooses the suggestion named `option`. */
async function pick(page: Page, scope: Locator, text: string, option: RegExp) {
  await scope.getByRole('combobox').fill(text);
  await page.getByRole('option', { name: option }).first().click();
}

test('a buyer previews turning then plating around Toyota, sees ranked sites with reasons and a chain, saves the draft and opens it', async ({
  page,
}) => {
  await page.goto('/matching/new');
  await signIn(page, buyer);
  await expect(page.getByRole('heading', { level: 1, name: '新しいマッチング依頼' })).toBeVisible();
  const form = page.getByRole('form', { name: '依頼の内容' });

  await form.getByLabel('件名').fill('E2E シャフト（旋盤→めっき）');
  await pick(page, form.getByTestId('picker-step-0-process'), '旋盤', /^旋盤加工.*machining\.turning$/);
  await form.getByRole('button', { name: '工程を追加' }).click();
  await pick(page, form.getByTestId('picker-step-1-process'), 'めっき', /^めっき.*surface\.plating$/);
  // The region defaults to Toyota city hall; 30 km around it.
  await expect(form.getByLabel('中心の緯度')).toHaveValue('35.0826');
  await form.getByLabel('半径').fill('30');

  // Moving one weight rebalances the other two: the three always make 100 %.
  await form.getByLabel('品質 (Q)').fill('60');
  await expect(form.getByTestId('weight-quality')).toHaveText('60%');
  const rest = await Promise.all(['cost', 'delivery'].map((k) => form.getByTestId(`weight-${k}`).textContent()));
  expect(rest.map((text) => Number.parseInt(text ?? '', 10)).reduce((a, b) => a + b, 0)).toBe(40);

  await form.getByRole('button', { name: 'プレビュー' }).click();

  const results = page.getByTestId('match-results');
  const steps = results.getByTestId('match-step');
  await expect(steps).toHaveCount(2, { timeout: 15_000 });
  await expect(steps.nth(0)).toContainText('旋盤加工');
  await expect(steps.nth(1)).toContainText('めっき');
  for (const step of [steps.nth(0), steps.nth(1)]) {
    const candidates = step.getByTestId('candidate');
    expect(await candidates.count()).toBeGreaterThan(0);
    // Ranked best first, every site inside the region.
    const scores = (await step.getByTestId('candidate-score').allTextContents()).map((s) => Number(/\d+/.exec(s)?.[0]));
    expect([...scores].sort((a, b) => b - a)).toEqual(scores);
    for (const distance of await step.getByTestId('candidate-distance').allTextContents()) {
      expect(Number.parseFloat(distance)).toBeLessThanOrEqual(30);
    }
  }

  // A candidate opens its reasons: criterion, required, offered, outcome, points.
  const first = steps.nth(0).getByTestId('candidate').first();
  await first.getByRole('button').first().click();
  const explanation = first.getByTestId('explanation');
  await expect(explanation).toBeVisible();
  await expect(explanation).toContainText('距離 (km)');
  await expect(explanation.getByTestId('outcome').first()).toHaveText(/満たす|一部満たす|満たさない/);

  // The chain: a site per step, the leg between them, its length, completeness, on the map.
  const chain = page.getByTestId('chain');
  await expect(chain.getByTestId('chain-step')).toHaveCount(2);
  await expect(chain.getByTestId('chain-leg')).toHaveCount(1);
  await expect(chain.getByTestId('chain-total')).toHaveText(/総移動距離: [\d.,]+ km/);
  await expect(chain.getByTestId('chain-completeness')).toHaveText('地域完結度: 100%');
  await expect(chain.getByTestId('supplier-map').getByTestId('map-line')).toHaveCount(1);
  expect(await chain.getByTestId('map-point').count()).toBeGreaterThan(0);

  // Saving keeps it as a draft on its own page; opening it lets the buyer invite candidates.
  await form.getByRole('button', { name: '下書き保存' }).click();
  await expect(page).toHaveURL(/\/matching\/[0-9a-f-]{36}$/);
  await expect(page.getByRole('heading', { level: 1, name: 'E2E シャフト（旋盤→めっき）' })).toBeVisible();
  await expect(page.getByTestId('request-status')).toHaveText('下書き');
  await page.getByRole('button', { name: '募集を開始' }).click();
  await expect(page.getByTestId('request-status')).toHaveText('募集中');
  await expect(page.getByTestId('match-step')).toHaveCount(2, { timeout: 15_000 });
  await expect(page.getByRole('button', { name: '招待' }).first()).toBeVisible();

  // The request is listed among the buyer's requests.
  await page.getByRole('banner').getByRole('link', { name: 'マッチング依頼' }).click();
  await expect(page.getByTestId('matching-request').filter({ hasText: 'E2E シャフト（旋盤→めっき）' }).first()).toBeVisible();
});
