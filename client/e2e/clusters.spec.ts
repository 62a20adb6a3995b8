import { readFile } from 'node:fs/promises';
import { expect, test, type Page } from '@playwright/test';

// Runs against the API in Development (scripts/run) with its demo region (sites in Aichi), its demo clusters (one per
// sector, run by the demo coordinator) and demo accounts.
const coordinator = { email: 'coordinator@registry.example', password: 'demo-coordinator-password' };

async function signIn(page: Page, account: { email: string; password: string }, next: string) {
  await page.goto(`/login?next=${encodeURIComponent(next)}`);
  const form = page.locator('form');
  await form.getByLabel('メールアドレス').fill(account.email);
  await form.getByLabel('パスワード').fill(account.password);
  await form.getByRole('button', { name: 'サインイン' }).click();
  await expect(page).toHaveURL(new RegExp(`${next}$`));
}

interface Coverage {
  steps: { processCode: string; sites: number }[];
  gaps: number[];
}

test('a coordinator opens the automotive cluster, sees its gap, proposes a joint order and its consortium', async ({ page }) => {
  await signIn(page, coordinator, '/clusters');
  await expect(page.getByRole('heading', { level: 1, name: '産業クラスター' })).toBeVisible();

  // The demo automotive cluster, found by its sector.
  await page.getByLabel('分野で絞り込む').selectOption({ label: '自動車・部品' });
  await expect(page).toHaveURL(/sector=automotive_parts/);
  const card = page.getByTestId('cluster-card').first();
  await expect(card).toHaveAttribute('data-sector', 'automotive_parts');
  await card.getByRole('link').first().click();
  await expect(page).toHaveURL(/\/clusters\/[0-9a-f-]{36}$/);
  const clusterId = page.url().split('/').pop()!;
  const chainSteps = page.getByTestId('value-chain').getByRole('listitem');
  await expect(chainSteps.first()).toBeVisible();
  const chainLength = await chainSteps.count();
  expect(chainLength).toBeGreaterThan(1);

  // What the API says the region lacks is what the page names as gaps: a step with no site in the region.
  const answer = await page.request.get(`/api/v1/clusters/${clusterId}/coverage`);
  expect(answer.ok()).toBe(true);
  const coverage = (await answer.json()) as Coverage;
  expect(coverage.gaps.length).toBeGreaterThan(0);
  const coverageSection = page.getByTestId('cluster-coverage');
  const gapItems = coverageSection.getByTestId('coverage-gaps-item');
  await expect(gapItems).toHaveCount(coverage.gaps.length);
  const gapLabels: string[] = [];
  for (const [i, step] of coverage.gaps.entries()) {
    expect(coverage.steps[step]!.sites).toBe(0);
    // "工程 5（塗装） — 地域で対応できる事業所がありません": the step's number and its process, by its label (a code,
    // in lower-case letters, shows only until the taxonomy has loaded).
    const named = new RegExp(`^(工程 ${step + 1}（[^）a-z]+）) — 地域で対応できる事業所がありません$`);
    await expect(gapItems.nth(i)).toHaveText(named);
    const text = await gapItems.nth(i).textContent();
    const label = named.exec(text ?? '')?.[1];
    expect(label, text ?? '').toBeDefined();
    gapLabels.push(label!);
  }
  // In the chart the gap's row is highlighted and says so; in the table its row is marked, with 0 sites.
  const chart = coverageSection.getByTestId('coverage-chart');
  await expect(chart.locator('[data-testid="bar-category"][data-gap="true"]')).toHaveCount(coverage.gaps.length);
  await expect(chart.locator('[data-gap="true"]').first().getByTestId('bar-gap-text')).toHaveText('⚠ 空白: 地域内に事業所なし');
  const markedRows = coverageSection.getByTestId('coverage-table').locator('tbody tr[data-marked="true"]');
  await expect(markedRows).toHaveCount(coverage.gaps.length);
  await expect(markedRows.first()).toContainText(gapLabels[0]!);

  // Members with the steps each covers.
  const members = page.getByTestId('cluster-members').getByTestId('member-row');
  await expect(members.first()).toBeVisible();
  await expect(members.first().getByTestId('covered-steps')).toContainText(/工程 \d+（/);

  // A joint order over the whole value chain, with a milestone.
  const title = `E2E 共同受注 ${Date.now()}`;
  const themes = page.getByTestId('cluster-themes');
  await themes.getByRole('button', { name: '新しいテーマを提案' }).click();
  const form = themes.getByRole('form', { name: '新しいテーマの内容' });
  await expect(form.getByLabel('共同受注')).toBeChecked();
  await form.getByLabel(/テーマ名/).fill(title);
  await form.getByLabel('目標').fill('地域内の分担で一貫受注する');
  await form.getByRole('button', { name: 'バリューチェーンの工程を取り込む' }).click();
  await expect(form.getByTestId('chosen-step')).toHaveCount(chainLength);
  await form.getByRole('button', { name: 'マイルストーンを追加' }).click();
  await form.getByLabel('マイルストーン 1', { exact: true }).fill('見積提出');
  await form.getByLabel('マイルストーン 1 の期日').fill('2031-03-31');
  await form.getByRole('button', { name: 'テーマを提案' }).click();

  const theme = themes.getByTestId('theme').filter({ has: page.getByRole('heading', { name: title }) });
  await expect(theme).toBeVisible();
  await expect(theme.getByTestId('theme-status')).toHaveText('提案中');
  await expect(theme.getByTestId('milestone')).toContainText('2031-03-31 見積提出');

  // The proposed consortium: a member site for each step it can, and the steps no member covers — the region's gaps
  // among them, since no site in the region does those.
  await theme.getByRole('button', { name: 'コンソーシアム案を見る' }).click();
  const consortium = theme.getByTestId('consortium');
  const chainView = consortium.getByTestId('chain');
  await expect(chainView.getByTestId('chain-step')).toHaveCount(chainLength, { timeout: 15_000 });
  const missing = consortium.getByTestId('consortium-gaps');
  await expect(missing).toBeVisible();
  for (const [i, label] of gapLabels.entries()) {
    await expect(missing).toContainText(label);
    await expect(chainView.getByTestId('chain-gaps').locator(`[data-testid="chain-gap"][data-step="${coverage.gaps[i]}"]`)).toBeVisible();
  }
  const covered = chainView.locator('[data-testid="chain-step"]:not([data-gap])');
  expect(await covered.count()).toBe(chainLength - (await missing.getByRole('listitem').count()));
  await expect(consortium.getByTestId('chain-completeness')).toHaveText(/地域完結度: \d+%/);
  await expect(chainView.getByTestId('supplier-map').getByTestId('map-point').first()).toBeVisible();

  // The proposed sites join the theme; then the theme is moved on and dropped, so demo data stays as it was.
  const sites = await consortium.getByTestId('consortium-site').count();
  expect(sites).toBeGreaterThan(0);
  await consortium.getByRole('button', { name: `提案された ${sites} 事業所を参加者に追加` }).click();
  await expect(consortium.getByTestId('consortium-added')).toHaveText(`${sites} 事業所を参加者に追加しました。`);
  await expect(theme.getByTestId('participant')).toHaveCount(sites);
  await theme.getByRole('button', { name: '開始する' }).click();
  await expect(theme.getByTestId('theme-status')).toHaveText('進行中');
  // Dropping cannot be taken back: a dialog asks first.
  await theme.getByRole('button', { name: '中止する', exact: true }).click();
  await page.getByRole('dialog', { name: /を中止しますか/ }).getByRole('button', { name: 'テーマを中止する' }).click();
  await expect(theme.getByTestId('theme-status')).toHaveText('中止');
});

test('a coordinator opens the region dashboard and downloads a table as CSV for Excel', async ({ page }) => {
  await signIn(page, coordinator, '/clusters');
  await page.getByRole('banner').getByRole('link', { name: '地域分析' }).click();
  await expect(page.getByRole('heading', { level: 1, name: '地域分析' })).toBeVisible();

  // The demo region is in Aichi (23).
  const filter = page.getByRole('form', { name: '集計する地域' });
  const picker = filter.getByTestId('picker-analytics-prefecture');
  await picker.getByRole('combobox').fill('愛知');
  await page.getByRole('option', { name: /愛知県/ }).first().click();
  await filter.getByRole('button', { name: '集計する' }).click();
  await expect(page).toHaveURL(/prefecture=23/);
  await expect(page.getByTestId('analytics-region')).toHaveText('愛知県');

  const families = page.getByTestId('family-coverage');
  const categories = families.getByTestId('families-chart').getByTestId('bar-category');
  await expect(categories.first()).toBeVisible({ timeout: 15_000 });
  const rows = families.getByTestId('families-table').locator('tbody tr');
  await expect(rows).toHaveCount(await categories.count());
  await expect(page.getByTestId('digital-readiness')).toContainText('EDI 受注');
  await expect(page.getByTestId('demand-gaps')).toBeVisible();

  const [download] = await Promise.all([
    page.waitForEvent('download'),
    families.getByRole('button', { name: /^CSV ダウンロード\s*（「工程分類別の対応状況」）$/ }).click(),
  ]);
  expect(download.suggestedFilename()).toBe('region-coverage-by-process-family.csv');
  const bytes = await readFile((await download.path())!);
  expect([...bytes.subarray(0, 3)]).toEqual([0xef, 0xbb, 0xbf]);
  const text = bytes.subarray(3).toString('utf8');
  const lines = text.split('\r\n');
  expect(lines[0]).toBe('工程分類,コード,地域の事業所,確認済み,受託可（条件付き含む）,受注余力あり,平均受注余力,状況');
  expect(lines.at(-1)).toBe('');
  expect(lines).toHaveLength((await rows.count()) + 2);
  expect(text.replace(/\r\n/g, '')).not.toMatch(/[\r\n]/);
  // The first family's figures are the table's.
  const first = rows.first();
  const sites = (await first.locator('td').nth(1).textContent())!.replace(/,/g, '');
  expect(lines[1]!.split(',')[2]).toBe(sites);
});
