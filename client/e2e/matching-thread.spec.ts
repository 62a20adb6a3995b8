import { expect, test, type APIRequestContext } from '@playwright/test';
import { apiSignIn, buyer, pick, signIn, signOut, suppliers } from './demo-session';

// Runs against the API in Development (scripts/run) with its demo region (sites in Aichi) and demo accounts.

async function labels(request: APIRequestContext, kind: string): Promise<Map<string, string>> {
  const answer = await request.get(`/api/v1/taxonomy/${kind}`, { headers: { 'Accept-Language': 'ja' } });
  expect(answer.ok()).toBe(true);
  return new Map(((await answer.json()) as { code: string; label: string }[]).map((term) => [term.code, term.label]));
}

interface Capability {
  processCode: string;
  materialCodes: string[];
  maxXMm?: number | null;
  maxYMm?: number | null;
  maxZMm?: number | null;
  bestToleranceUm?: number | null;
}

/**
 * A demo supplier's site and a step it can do, with a material, a tolerance and a size from its own capability row:
 * the buyer's request around the site then finds it among the candidates (checked with a preview through the API).
 */
async function siteAndStep(request: APIRequestContext) {
  const asBuyer = await apiSignIn(request, buyer);
  for (const account of suppliers) {
    const { sites } = await apiSignIn(request, account);
    for (const siteId of sites) {
      const profile = (await (await request.get(`/api/v1/suppliers/${siteId}`, { headers: asBuyer.headers })).json()) as {
        nameJa: string;
        status: string;
        location?: { lat: number; lon: number } | null;
        capabilities?: { items?: Capability[] | null } | null;
      };
      if (profile.status !== 'published' || !profile.location) {
        continue;
      }
      for (const row of profile.capabilities?.items ?? []) {
        if (!row.materialCodes[0] || !row.bestToleranceUm || !row.maxXMm || !row.maxYMm || !row.maxZMm) {
          continue;
        }
        const step = {
          processCode: row.processCode,
          materialCodes: [row.materialCodes[0]],
          toleranceUm: Math.ceil(row.bestToleranceUm * 2),
          workpieceXMm: Math.floor(row.maxXMm / 2),
          workpieceYMm: Math.floor(row.maxYMm / 2),
          workpieceZMm: Math.floor(row.maxZMm / 2),
        };
        const preview = await request.post('/api/v1/matching/preview', {
          headers: asBuyer.headers,
          data: { title: 'probe', steps: [step], weights: { quality: 0.4, cost: 0.3, delivery: 0.3 }, region: { centre: profile.location, radiusKm: 10 } },
        });
        expect(preview.ok()).toBe(true);
        const evaluation = (await preview.json()) as { steps: { candidates: { supplierId: string }[] }[] };
        if (evaluation.steps[0]?.candidates.some((c) => c.supplierId === siteId)) {
          return { account, siteId, name: profile.nameJa, location: profile.location, step };
        }
      }
    }
  }
  throw new Error('no site of a demo supplier account is a candidate for a step taken from its own capabilities');
}

test('発注者がプレビューで候補の名前から事業所のプロフィールを開いて招待し、事業所が工程の詳細を見て質問し、発注者の回答を読む', async ({
  page,
  request,
}) => {
  test.setTimeout(150_000);
  const found = await siteAndStep(request);
  const processes = await labels(request, 'processes');
  const materials = await labels(request, 'materials');
  const processLabel = processes.get(found.step.processCode)!;
  const materialLabel = materials.get(found.step.materialCodes[0]!)!;
  const title = `E2E 質問と回答 ${Date.now()}`;

  // The buyer writes the step with its material, tolerance and size, and previews.
  await page.goto('/matching/new');
  await signIn(page, buyer);
  const form = page.getByRole('form', { name: '依頼の内容' });
  await form.getByLabel('件名').fill(title);
  await pick(page, form.getByTestId('picker-step-0-process'), found.step.processCode, found.step.processCode);
  await pick(page, form.getByTestId('picker-step-0-materials'), found.step.materialCodes[0]!, found.step.materialCodes[0]!);
  await form.getByLabel('公差').fill(String(found.step.toleranceUm));
  await form.getByLabel('ワーク X').fill(String(found.step.workpieceXMm));
  await form.getByLabel('ワーク Y').fill(String(found.step.workpieceYMm));
  await form.getByLabel('ワーク Z').fill(String(found.step.workpieceZMm));
  await form.getByLabel('数量').fill('300');
  await form.getByLabel('中心の緯度').fill(String(found.location.lat));
  await form.getByLabel('中心の経度').fill(String(found.location.lon));
  await form.getByLabel('半径').fill('10');
  await form.getByRole('button', { name: 'プレビュー' }).click();

  // The chain map numbers the site by its step and draws the delivery point, with the legs listed as text.
  const chain = page.getByTestId('chain');
  await expect(chain.locator(`[data-testid="map-point"][data-id="${found.siteId}"]`).first()).toBeVisible({ timeout: 15_000 });
  await expect(chain.getByTestId('map-point').first()).toHaveAttribute('data-marker', '1');
  await expect(chain.getByTestId('map-destination')).toBeVisible();
  await expect(chain.getByTestId('chain-delivery-leg')).toHaveText(/^工程 1 → 納品先: [\d.,]+ km$/);

  // The candidate's name opens its profile (in a new tab: the unsaved preview stays).
  const candidate = page.locator(`[data-testid="candidate"][data-id="${found.siteId}"]`).first();
  const [profile] = await Promise.all([page.waitForEvent('popup'), candidate.getByTestId('candidate-name').click()]);
  await expect(profile).toHaveURL(new RegExp(`/suppliers/${found.siteId}$`));
  await expect(profile.getByRole('heading', { level: 1, name: found.name })).toBeVisible();
  await profile.close();

  // Saved, opened, and the site invited.
  await form.getByRole('button', { name: '下書き保存' }).click();
  await expect(page).toHaveURL(/\/matching\/[0-9a-f-]{36}$/);
  const requestId = new URL(page.url()).pathname.split('/').pop()!;
  await page.getByRole('button', { name: '募集を開始' }).click();
  await expect(page.getByTestId('request-status')).toHaveText('募集中');
  const saved = page.locator(`[data-testid="candidate"][data-id="${found.siteId}"]`).first();
  await expect(saved).toBeVisible({ timeout: 15_000 });
  await saved.getByRole('button', { name: '招待' }).click();
  await expect(page.getByTestId('invitation').filter({ hasText: found.name })).toHaveAttribute('data-status', 'invited');

  // The supplier sees every fact of the step in words, and asks.
  await signOut(page);
  await page.goto('/matching/inbox');
  await signIn(page, found.account);
  const item = page.locator(`[data-testid="inbox-item"][data-request="${requestId}"]`);
  await expect(item.getByRole('heading', { name: title })).toBeVisible();
  const step = item.getByTestId('summary-step').first();
  await expect(step).toContainText(`工程 1: ${processLabel}`);
  await expect(step.locator('[data-fact="materials"] dd')).toHaveText(materialLabel);
  await expect(step.locator('[data-fact="tolerance"] dd')).toHaveText(`${found.step.toleranceUm} µm`);
  await expect(step.locator('[data-fact="size"] dd')).toHaveText(
    `${found.step.workpieceXMm.toLocaleString('ja-JP')} × ${found.step.workpieceYMm.toLocaleString('ja-JP')} × ${found.step.workpieceZMm.toLocaleString('ja-JP')} mm`,
  );
  await expect(step).not.toContainText(found.step.materialCodes[0]!);
  await expect(item.getByTestId('summary-quantity')).toHaveText('300');
  const thread = item.getByTestId('thread');
  await thread.getByLabel('質問の内容').fill('材料は支給いただけますか？');
  await thread.getByRole('button', { name: '質問を送る' }).click();
  await expect(thread.getByTestId('thread-message')).toHaveCount(1);
  await expect(thread.getByTestId('thread-message')).toContainText('材料は支給いただけますか？');

  // The buyer finds the question on the request page and answers on the thread.
  await signOut(page);
  await page.goto(`/matching/${requestId}`);
  await signIn(page, buyer);
  const buyerThread = page.locator(`[data-testid="thread"][data-supplier="${found.siteId}"]`);
  await expect(buyerThread.getByTestId('thread-message')).toContainText('材料は支給いただけますか？');
  await buyerThread.getByLabel('メッセージ').fill('はい、材料は当社から支給します。');
  await buyerThread.getByRole('button', { name: '送信する' }).click();
  await expect(buyerThread.getByTestId('thread-message')).toHaveCount(2);
  await expect(buyerThread.getByTestId('thread-message').last()).toContainText('あなた（依頼者）');

  // The supplier reads the answer, newest last.
  await signOut(page);
  await page.goto('/matching/inbox');
  await signIn(page, found.account);
  const answered = page.locator(`[data-testid="inbox-item"][data-request="${requestId}"]`).getByTestId('thread-message');
  await expect(answered).toHaveCount(2);
  await expect(answered.last()).toHaveAttribute('data-author', 'buyer');
  await expect(answered.last()).toContainText('依頼者');
  await expect(answered.last()).toContainText('はい、材料は当社から支給します。');
});
