import { expect, test, type APIRequestContext, type Page } from '@playwright/test';
import { apiSignIn, buyer, pick, signIn, signOut, suppliers } from './demo-session';

// Runs against the API in Development (scripts/run) with its demo region (sites in Aichi) and demo accounts.

test('a buyer previews turning then plating around Toyota, sees ranked sites with reasons and a chain, saves the draft and opens it', async ({
  page,
}) => {
  await page.goto('/matching/new');
  await signIn(page, buyer);
  await expect(page.getByRole('heading', { level: 1, name: '新しいマッチング依頼' })).toBeVisible();
  const form = page.getByRole('form', { name: '依頼の内容' });

  await form.getByLabel('件名').fill('E2E シャフト（旋盤→めっき）');
  await pick(page, form.getByTestId('picker-step-0-process'), '旋盤', 'machining.turning', '旋盤加工');
  await form.getByRole('button', { name: '工程を追加' }).click();
  await pick(page, form.getByTestId('picker-step-1-process'), 'めっき', 'surface.plating', 'めっき');
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
  // On the map: the leg between the steps and the leg on to the delivery point; the sites numbered by their steps.
  await expect(chain.getByTestId('supplier-map').locator('[data-testid="map-line"][data-kind="leg"]')).toHaveCount(1);
  await expect(chain.getByTestId('supplier-map').locator('[data-testid="map-line"][data-kind="destination"]')).toHaveCount(1);
  await expect(chain.getByTestId('map-destination')).toHaveCount(1);
  await expect(chain.getByTestId('chain-delivery-leg')).toHaveText(/^工程 2 → 納品先: [\d.,]+ km$/);
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

// ---------------------------------------------------------------- through the API, to learn what the demo data holds

interface Candidate {
  supplierId: string;
  nameJa: string;
}
interface Evaluation {
  steps: { step: number; processCode: string; doable: boolean; candidates: Candidate[] }[];
  chains: {
    steps: { step: number; supplierId?: string | null }[];
    legs: { fromStep: number; toStep: number; km: number }[];
    completeness: number;
    firms: number;
    gaps: number[];
  }[];
}

/** Process labels in Japanese, as the UI shows them. */
async function processLabels(request: APIRequestContext): Promise<Map<string, string>> {
  const answer = await request.get('/api/v1/taxonomy/processes', { headers: { 'Accept-Language': 'ja' } });
  expect(answer.ok()).toBe(true);
  return new Map(((await answer.json()) as { code: string; label: string }[]).map((term) => [term.code, term.label]));
}

/**
 * A site of a demo supplier account and a process of it for which the buyer's request, centred on the site, has the
 * site among its candidates: found by asking the API (profile, then a preview per process, most specific first).
 */
async function supplierSiteToInvite(request: APIRequestContext) {
  const asBuyer = await apiSignIn(request, buyer);
  for (const account of suppliers) {
    const { sites } = await apiSignIn(request, account);
    for (const siteId of sites) {
      const profile = (await (await request.get(`/api/v1/suppliers/${siteId}`, { headers: asBuyer.headers })).json()) as {
        nameJa: string;
        status: string;
        location?: { lat: number; lon: number } | null;
        processes: string[];
      };
      if (profile.status !== 'published' || !profile.location) {
        continue;
      }
      const processes = [...profile.processes].sort((a, b) => b.split('.').length - a.split('.').length);
      for (const processCode of processes) {
        const preview = await request.post('/api/v1/matching/preview', {
          headers: asBuyer.headers,
          data: {
            title: 'probe',
            steps: [{ processCode }],
            weights: { quality: 0.4, cost: 0.3, delivery: 0.3 },
            region: { centre: profile.location, radiusKm: 10 },
          },
        });
        expect(preview.ok()).toBe(true);
        const evaluation = (await preview.json()) as Evaluation;
        if (evaluation.steps[0]?.candidates.some((c) => c.supplierId === siteId)) {
          return { account, siteId, name: profile.nameJa, location: profile.location, processCode };
        }
      }
    }
  }
  throw new Error('no site of a demo supplier account is a candidate for any of its processes');
}

/**
 * Checks that the results on the page are the evaluation the API answered: per step the ranked sites with their reasons,
 * or the step named as one nothing in the region can do; every chain with completeness, firms and gaps; each chosen
 * chain drawn with its sites and legs.
 */
async function expectShown(page: Page, evaluation: Evaluation, labels: Map<string, string>) {
  const labelOf = (step: number) => {
    const code = evaluation.steps[step]!.processCode;
    return labels.get(code) ?? code;
  };
  const steps = page.getByTestId('match-results').getByTestId('match-step');
  await expect(steps).toHaveCount(evaluation.steps.length, { timeout: 15_000 });
  for (const step of evaluation.steps) {
    const shown = steps.nth(step.step);
    const label = labelOf(step.step);
    await expect(shown.getByRole('heading')).toHaveText(`工程 ${step.step + 1}: ${label}`);
    if (step.doable && step.candidates.length > 0) {
      // Ranked as the API ranked them, each with its reasons.
      await expect(shown.getByTestId('candidate-name')).toHaveText(step.candidates.map((c) => c.nameJa));
      await expect(shown.getByTestId('step-not-doable')).toHaveCount(0);
      const first = shown.getByTestId('candidate').first();
      await first.getByRole('button').first().click();
      await expect(first.getByTestId('explanation')).toContainText('距離 (km)');
      await expect(first.getByTestId('explanation').getByTestId('outcome').first()).toHaveText(/満たす|一部満たす|満たさない/);
    } else {
      await expect(shown.getByTestId('candidate')).toHaveCount(0);
      await expect(shown.getByTestId('step-not-doable')).toHaveText(`地域内に工程 ${step.step + 1} を行える事業所がありません: ${label}`);
    }
  }

  // Every chain is listed with its completeness and the steps it cannot do; the chosen one is drawn with its legs.
  const chains = evaluation.chains;
  const options = page.getByTestId('chain-option');
  await expect(options).toHaveCount(chains.length);
  for (const [i, chain] of chains.entries()) {
    const option = options.nth(i);
    await expect(option.getByTestId('option-completeness')).toHaveText(`地域完結度: ${Math.round(chain.completeness * 100)}%`);
    await expect(option.getByTestId('option-firms')).toHaveText(`関わる企業: ${chain.firms} 社`);
    await expect(option.getByTestId('chain-gap')).toHaveText(
      chain.gaps.map((gap) => `地域内に工程 ${gap + 1} を行える事業所がありません: ${labelOf(gap)}`),
    );

    await option.getByRole('radio').check();
    const drawn = page.getByTestId('chain');
    await expect(drawn).toHaveAttribute('data-chain', String(i + 1));
    await expect(drawn.getByTestId('chain-step')).toHaveCount(evaluation.steps.length);
    await expect(drawn.getByTestId('chain-leg')).toHaveCount(chain.legs.length);
    await expect(drawn.getByTestId('supplier-map').locator('[data-testid="map-line"][data-kind="leg"]')).toHaveCount(chain.legs.length);
    const sites = [...new Set(chain.steps.flatMap((s) => (s.supplierId ? [s.supplierId] : [])))];
    const points = drawn.getByTestId('map-point');
    await expect(points).toHaveCount(sites.length);
    expect(await points.evaluateAll((circles) => circles.map((c) => c.getAttribute('data-id')))).toEqual(sites);
    // Each site is numbered with the steps it does, as the list of steps numbers them; the delivery point is drawn too.
    const numbers = sites.map((id) => chain.steps.filter((s) => s.supplierId === id).map((s) => s.step + 1).join(','));
    expect(await points.evaluateAll((circles) => circles.map((c) => c.getAttribute('data-marker')))).toEqual(numbers);
    await expect(drawn.getByTestId('map-destination')).toHaveCount(sites.length > 0 ? 1 : 0);
  }
}

test('a buyer invites a demo supplier\'s site, the supplier answers interested from the inbox, the buyer shortlists and awards it', async ({
  page,
  request,
}) => {
  test.setTimeout(120_000);
  const site = await supplierSiteToInvite(request);
  const label = (await processLabels(request)).get(site.processCode) ?? site.processCode;
  const title = `E2E 招待から発注まで ${Date.now()}`;

  // The buyer writes the request around the site, saves and opens it.
  await page.goto('/matching/new');
  await signIn(page, buyer);
  const form = page.getByRole('form', { name: '依頼の内容' });
  await form.getByLabel('件名').fill(title);
  await pick(page, form.getByTestId('picker-step-0-process'), site.processCode, site.processCode, label);
  await form.getByLabel('中心の緯度').fill(String(site.location.lat));
  await form.getByLabel('中心の経度').fill(String(site.location.lon));
  await form.getByLabel('半径').fill('10');
  await form.getByRole('button', { name: '下書き保存' }).click();
  await expect(page).toHaveURL(/\/matching\/[0-9a-f-]{36}$/);
  const requestId = new URL(page.url()).pathname.split('/').pop()!;
  await page.getByRole('button', { name: '募集を開始' }).click();
  await expect(page.getByTestId('request-status')).toHaveText('募集中');

  // It invites the supplier's site from the candidates.
  const candidate = page.locator(`[data-testid="candidate"][data-id="${site.siteId}"]`).first();
  await expect(candidate).toBeVisible({ timeout: 15_000 });
  await candidate.getByRole('button', { name: '招待' }).click();
  const invitation = page.getByTestId('invitation').filter({ hasText: site.name });
  await expect(invitation).toHaveAttribute('data-status', 'invited');
  await expect(candidate.getByText('招待済み')).toBeVisible();

  // The supplier finds it in the inbox and answers that it is interested.
  await signOut(page);
  await page.goto('/matching/inbox');
  await signIn(page, site.account);
  await expect(page).toHaveURL(/\/matching\/inbox$/);
  const item = page.locator(`[data-testid="inbox-item"][data-request="${requestId}"]`);
  await expect(item.getByRole('heading', { name: title })).toBeVisible();
  await expect(item.getByTestId('invitation-status')).toHaveText('回答待ち');
  await item.getByRole('button', { name: '関心あり' }).click();
  await expect(item.getByTestId('invitation-status')).toHaveText('関心あり');
  await expect(item).toHaveAttribute('data-status', 'interested');

  // The buyer sees the answer, shortlists the site and awards it the request.
  await signOut(page);
  await page.goto(`/matching/${requestId}`);
  await signIn(page, buyer);
  const answered = page.getByTestId('invitation').filter({ hasText: site.name });
  await expect(answered).toHaveAttribute('data-status', 'interested');
  await answered.getByRole('button', { name: '候補に選ぶ' }).click();
  await expect(answered).toHaveAttribute('data-status', 'shortlisted');
  // Awarding cannot be taken back: a dialog names the site first, and nothing happens until it is confirmed.
  await answered.getByRole('button', { name: '発注先に決定' }).click();
  const confirm = page.getByRole('dialog', { name: `「${site.name}」を発注先に決定しますか？` });
  await expect(confirm).toBeVisible();
  await expect(confirm.getByRole('button', { name: 'キャンセル' })).toBeFocused();
  await confirm.getByRole('button', { name: 'キャンセル' }).click();
  await expect(confirm).toHaveCount(0);
  await expect(page.getByTestId('request-status')).toHaveText('募集中');
  await answered.getByRole('button', { name: '発注先に決定' }).click();
  await confirm.getByRole('button', { name: '発注先に決定する' }).click();
  await expect(page.getByTestId('request-status')).toHaveText('発注先決定');
  await expect(page.getByTestId('awarded-to')).toHaveText(`発注先: ${site.name}`);

  // And the supplier's inbox says so too.
  const asSupplier = await apiSignIn(request, site.account);
  const inbox = (await (await request.get('/api/v1/matching-requests/inbox', { headers: asSupplier.headers })).json()) as {
    request: { id: string; status: string };
  }[];
  expect(inbox.find((entry) => entry.request.id === requestId)?.request.status).toBe('awarded');
});

test('turning → heat treatment → electroless nickel → CMM inspection around Toyota: ranked sites with reasons per step, every chain with its legs on the map, and any step the region cannot do named', async ({
  page,
  request,
}) => {
  test.setTimeout(90_000);
  const processes = ['machining.turning', 'heat_treatment', 'surface.plating.electroless_nickel', 'inspection.cmm'];
  const labels = await processLabels(request);

  await page.goto('/matching/new');
  await signIn(page, buyer);
  const form = page.getByRole('form', { name: '依頼の内容' });
  await form.getByLabel('件名').fill('E2E 旋盤→熱処理→無電解ニッケル→三次元測定');
  for (const [i, code] of processes.entries()) {
    if (i > 0) {
      await form.getByRole('button', { name: '工程を追加' }).click();
    }
    const label = labels.get(code) ?? code;
    await pick(page, form.getByTestId(`picker-step-${i}-process`), code, code, label);
  }
  // Around Toyota city hall (the form's default centre), 30 km.
  await expect(form.getByLabel('中心の緯度')).toHaveValue('35.0826');
  await expect(form.getByLabel('中心の経度')).toHaveValue('137.156');
  await form.getByLabel('半径').fill('30');

  const answer = page.waitForResponse((r) => r.url().endsWith('/api/v1/matching/preview') && r.request().method() === 'POST');
  await form.getByRole('button', { name: 'プレビュー' }).click();
  const evaluation = (await (await answer).json()) as Evaluation;
  expect(evaluation.steps.map((s) => s.processCode)).toEqual(processes);

  expect(evaluation.chains.length).toBeGreaterThan(0);
  await expectShown(page, evaluation, labels);
});

test('a region of prefectures without a radius is saved as such; a step nothing there can do is named; the draft is then changed to Aichi', async ({
  page,
  request,
}) => {
  test.setTimeout(90_000);
  const processes = ['machining.turning', 'heat_treatment'];
  const labels = await processLabels(request);
  const title = `E2E 都道府県で探す ${Date.now()}`;

  await page.goto('/matching/new');
  await signIn(page, buyer);
  const form = page.getByRole('form', { name: '依頼の内容' });
  await form.getByLabel('件名').fill(title);
  for (const [i, code] of processes.entries()) {
    if (i > 0) {
      await form.getByRole('button', { name: '工程を追加' }).click();
    }
    await pick(page, form.getByTestId(`picker-step-${i}-process`), code, code, labels.get(code));
  }
  // Hokkaido, far from the demo region around Toyota; no radius.
  await form.getByLabel('半径').fill('');
  await form.getByRole('checkbox', { name: '北海道' }).check();

  const answer = page.waitForResponse((r) => r.url().endsWith('/api/v1/matching/preview') && r.request().method() === 'POST');
  await form.getByRole('button', { name: 'プレビュー' }).click();
  const evaluation = (await (await answer).json()) as Evaluation;
  await expectShown(page, evaluation, labels);

  // Saved as a draft, then changed to Aichi on its page (PUT with If-Match): the page shows what is saved now.
  await form.getByRole('button', { name: '下書き保存' }).click();
  await expect(page).toHaveURL(/\/matching\/[0-9a-f-]{36}$/);
  // Saved as it was sent: Hokkaido, without a radius.
  await expect(page.getByTestId('summary-region')).toContainText('北海道');
  await expect(page.getByTestId('summary-region')).not.toContainText('半径');
  await page.getByRole('button', { name: '編集' }).click();
  const edit = page.getByRole('form', { name: '依頼の内容' });
  await expect(edit.getByLabel('件名')).toHaveValue(title);
  await expect(edit.getByRole('checkbox', { name: '北海道' })).toBeChecked();
  await expect(edit.getByLabel('半径')).toHaveValue('');
  await edit.getByRole('checkbox', { name: '北海道' }).uncheck();
  await edit.getByRole('checkbox', { name: '愛知県' }).check();
  const saved = page.waitForResponse((r) => /\/api\/v1\/matching-requests\/[0-9a-f-]{36}$/.test(r.url()) && r.request().method() === 'PUT');
  await edit.getByRole('button', { name: '変更を保存' }).click();
  const put = await saved;
  expect(put.status()).toBe(200);
  expect(put.request().headers()['if-match']).toBe('"1"');
  await expect(page.getByRole('form', { name: '依頼の内容' })).toHaveCount(0);
  await expect(page.getByTestId('summary-region')).toContainText('愛知県');
  await expect(page.getByTestId('summary-region')).not.toContainText('北海道');
  await expect(page.getByTestId('request-status')).toHaveText('下書き');
});
