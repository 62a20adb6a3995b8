import { expect, test, type APIRequestContext, type Page } from '@playwright/test';
import { apiSignIn, buyer, signIn, suppliers } from './demo-session';
import { pdfText } from './pdf-text';

// Orders along a chain (DESIGN §11) against the API in Development (scripts/test) with its demo accounts: the demo
// buyer orders from the demo suppliers' own sites, so that each side can be driven from its own account.

type Headers = { Authorization: string };
interface Order {
  id: string;
  routeId: string;
  version: number;
  status: string;
  orderNumber: string;
  total: number;
}

const unique = () => `E2E-${Date.now().toString(36).toUpperCase()}-${Math.floor(Math.random() * 1e4)}`;
/**
 * The PDF's text and the expected text compared as NFKC (the CJK fonts map some kanji to their radicals' code
 * points) and without spaces or line breaks (the PDF places runs, not words: spaces come out as gaps or dots).
 */
const nfkc = (text: string) => text.normalize('NFKC').replace(/[\s·]+/g, '');

/** A day counted from today in Japan (the service's day: dates are checked against it), as YYYY-MM-DD. */
function addDays(days: number): string {
  return new Intl.DateTimeFormat('en-CA', { timeZone: 'Asia/Tokyo' }).format(new Date(Date.now() + days * 86_400_000));
}

/** A direct order as the buyer places it through the API (a draft), then sent. */
async function placeAndSend(request: APIRequestContext, headers: Headers, supplierId: string, quantity = 10): Promise<Order> {
  const created = await request.post('/api/v1/orders', {
    headers: { ...headers, 'Idempotency-Key': crypto.randomUUID() },
    data: {
      legs: [
        {
          supplierId,
          orderNumber: unique(),
          lines: [{ itemName: 'E2E シャフト', partNumber: 'SH-1', quantity, unit: '個', unitPrice: 1500, taxRate: 10 }],
          dueDate: addDays(40),
        },
      ],
      deliveryAddress: '愛知県豊田市トヨタ町1',
    },
  });
  expect(created.status(), await created.text()).toBe(201);
  const [draft] = ((await created.json()) as { orders: Order[] }).orders;
  const sent = await request.post(`/api/v1/orders/${draft!.id}/send`, { headers: { ...headers, 'If-Match': `"${draft!.version}"` } });
  expect(sent.ok(), await sent.text()).toBe(true);
  return (await sent.json()) as Order;
}

async function statusOf(page: Page, card = page.getByTestId('order-card').first()) {
  return card.getByTestId('order-details').getByTestId('order-status').first();
}

test('the buyer orders from a site, sends it with a response link, prints the 注文書 to PDF; the firm answers on a phone; the buyer receives with parts rejected', async ({
  page,
  browser,
  request,
}) => {
  const { sites } = await apiSignIn(request, suppliers[0]!);
  const siteId = sites[0]!;
  const site = (await (await request.get(`/api/v1/suppliers/${siteId}`)).json()) as { nameJa: string };

  // From the site's profile: この事業所に発注 opens the order form for that one site.
  await page.goto(`/login?next=${encodeURIComponent(`/suppliers/${siteId}`)}`);
  await signIn(page, buyer);
  await expect(page.getByRole('heading', { level: 1, name: site.nameJa })).toBeVisible();
  await page.getByTestId('order-from-site').click();
  await expect(page.getByRole('heading', { level: 1, name: '注文を作成' })).toBeVisible();
  const form = page.getByTestId('order-form');
  await expect(form.getByTestId('order-form-leg')).toContainText(site.nameJa);
  const number = unique();
  await form.getByLabel('注文番号').fill(number);
  await form.getByLabel('納入場所（住所）').fill('愛知県豊田市トヨタ町1 第3工場');
  await form.getByLabel('品名').fill('E2E ブラケット');
  await form.getByLabel('品番').fill('BR-9');
  await form.getByLabel('数量').fill('12');
  await form.getByLabel('単価（円）').fill('1234');
  // Worked out as the buyer types: 12 × 1,234 = 14,808; tax 1,480; total 16,288.
  await expect(form.getByTestId('line-amount')).toHaveText('金額: ¥14,808');
  await expect(form.getByTestId('form-total')).toHaveText('¥16,288');
  await form.getByRole('button', { name: '注文を作成（下書き）' }).click();

  // The route page: a draft, sent from here.
  await expect(page).toHaveURL(/\/order-routes\/[0-9a-f-]{36}$/);
  const card = page.getByTestId('order-card');
  await expect(await statusOf(page)).toHaveText('下書き');
  await expect(card.getByTestId('order-total')).toHaveText('¥16,288');
  await card.getByRole('button', { name: '注文を送付' }).click();
  await expect(await statusOf(page)).toHaveText('送付済み');
  await expect(page.getByTestId('route-timeline').getByTestId('timeline-leg')).toHaveCount(1);

  // A response link, shown once with its QR code, handed to the print view.
  await card.getByRole('button', { name: '回答用リンクを作成' }).click();
  const created = card.getByTestId('link-created');
  await expect(created.getByRole('img', { name: '注文に回答するページを開く QR コード' })).toBeVisible();
  const linkUrl = (await created.getByTestId('link-url').textContent())!;
  expect(linkUrl).toMatch(/\/respond#[A-Za-z0-9_-]{40,}$/);
  await created.getByRole('link', { name: 'このリンクの QR コード付きで注文書を印刷' }).click();
  await expect(page).toHaveURL(/\/orders\/[0-9a-f-]{36}\/print$/);
  const sheet = page.getByTestId('order-sheet');
  await expect(sheet.getByRole('heading', { level: 1 })).toHaveText('注文書');
  await expect(sheet.getByTestId('sheet-qr')).toHaveAttribute('data-text', linkUrl);

  // "Faxed": printed to A4 PDF, with the site's header and the toolbar gone, and the order's text on the page.
  await page.emulateMedia({ media: 'print' });
  await expect(page.getByRole('banner')).toBeHidden();
  await expect(page.getByTestId('sheet-toolbar')).toBeHidden();
  const pdf = await page.pdf({ format: 'A4' });
  expect(pdf.subarray(0, 5).toString('latin1')).toBe('%PDF-');
  const text = nfkc(pdfText(pdf));
  for (const expected of [
    '注文書',
    number,
    '発注日',
    '納期',
    '品名',
    'E2E ブラケット',
    'BR-9',
    '¥1,234',
    '¥14,808',
    '10% 対象 ¥14,808 の消費税',
    '¥1,480',
    '小計',
    '消費税',
    '合計',
    '¥16,288',
    `${site.nameJa} 御中`,
    'デモ機械製作所',
    '納入場所',
    '愛知県豊田市トヨタ町1 第3工場',
    'この注文への回答',
  ]) {
    expect(text, expected).toContain(nfkc(expected));
  }
  await page.emulateMedia({ media: 'screen' });

  // The firm answers through the link on a phone, signed in nowhere.
  const phone = await browser.newContext({ viewport: { width: 390, height: 844 }, locale: 'ja-JP' });
  const mobile = await phone.newPage();
  const linkRequests: string[] = [];
  mobile.on('request', (r) => linkRequests.push(r.url()));
  await mobile.goto(linkUrl);
  await expect(mobile.getByRole('heading', { level: 1, name: 'デモ機械製作所 からの注文' })).toBeVisible();
  await mobile.getByRole('button', { name: '受注する' }).click();
  await expect(mobile.getByTestId('order-details').getByTestId('order-status').first()).toHaveText('受注');
  await mobile.getByRole('button', { name: '出荷を記録' }).click();
  const shipment = mobile.getByTestId('shipment-form');
  await expect(shipment.getByLabel('出荷数')).toHaveValue('12');
  await shipment.getByRole('button', { name: '出荷を記録' }).click();
  await expect(mobile.getByTestId('order-details').getByTestId('order-status').first()).toHaveText('出荷済み');
  // Nothing is wider than the phone.
  expect(await mobile.locator('html').evaluate((html) => html.scrollWidth)).toBeLessThanOrEqual(390);
  // The token went in the Order-Link header only: no request named it.
  const token = linkUrl.split('#')[1]!;
  expect(linkRequests.filter((url) => url.includes(token))).toEqual([]);

  // The buyer sees it answered through the link, receives with two parts rejected, closes.
  await page.goBack();
  await page.reload();
  await expect(await statusOf(page)).toHaveText('出荷済み');
  await expect(card.getByTestId('order-details')).toContainText('回答用リンク');
  await card.getByRole('button', { name: '検収する' }).click();
  const receipt = card.getByTestId('receipt-form');
  await receipt.getByLabel('不合格の数').fill('2');
  await expect(receipt.getByTestId('accepted-quantity')).toHaveText('10');
  await receipt.getByLabel('不合格の理由').fill('寸法不良（穴位置）');
  await receipt.getByRole('button', { name: '検収する' }).click();
  await expect(await statusOf(page)).toHaveText('検収済み');
  await expect(card.getByTestId('order-receipt')).toHaveText('合格 10・不合格 2');
  await card.getByRole('button', { name: '完了にする' }).click();
  await expect(await statusOf(page)).toHaveText('完了');

  // A revoked link answers 410: the phone says to ask for a new one.
  await card.getByTestId('link-row').getByRole('button', { name: '取り消す' }).click();
  await expect(card.getByTestId('link-row')).toContainText('取り消し済み');
  await mobile.reload();
  await expect(mobile.getByRole('alert')).toHaveText(
    'このリンクは無効です（期限切れまたは取り消し）。発注者に新しいリンクを依頼してください。',
  );
  await phone.close();
});

test("a supplier's account finds the order in its inbox, proposes a later date the buyer agrees to, records progress and ships in two parts", async ({
  page,
  request,
}) => {
  const asBuyer = await apiSignIn(request, buyer);
  const { sites } = await apiSignIn(request, suppliers[1]!);
  const order = await placeAndSend(request, asBuyer.headers, sites[0]!, 10);

  await page.goto('/orders');
  await signIn(page, suppliers[1]!);
  await expect(page.getByRole('heading', { level: 1, name: '注文' })).toBeVisible();
  await page.getByLabel('受けた注文').check();
  const row = page.getByTestId('order-row').filter({ hasText: order.orderNumber });
  await expect(row).toHaveAttribute('data-side', 'received');
  await expect(row.getByTestId('order-status')).toHaveText('送付済み');
  await row.getByRole('link', { name: order.orderNumber }).click();

  const card = page.getByTestId('order-card');
  await expect(card.getByTestId('buyer-panel')).toHaveCount(0);
  await card.getByRole('button', { name: '納期・数量の変更を提案' }).click();
  const proposal = card.getByTestId('propose-form');
  const later = addDays(50);
  await proposal.getByLabel('提案する納期').fill(later);
  await proposal.getByLabel('備考').fill('材料の入荷待ちのため');
  await proposal.getByRole('button', { name: '納期・数量の変更を提案' }).click();
  await expect(await statusOf(page)).toHaveText('変更提案');
  await expect(card.getByTestId('order-proposal')).toContainText(later);

  // The buyer agrees (its side is tested on the route page in the journey above).
  const proposed = (await (await request.get(`/api/v1/orders/${order.id}`, { headers: asBuyer.headers })).json()) as Order;
  const agreed = await request.post(`/api/v1/orders/${order.id}/agree`, { headers: { ...asBuyer.headers, 'If-Match': `"${proposed.version}"` } });
  expect(agreed.ok()).toBe(true);

  await page.reload();
  await expect(await statusOf(page)).toHaveText('受注');
  await expect(card.getByTestId('order-due')).toHaveText(later);
  await card.getByRole('button', { name: '進捗を記録' }).click();
  const milestones = card.getByTestId('milestones-form');
  await expect(milestones.getByTestId('milestone-row')).toHaveCount(4);
  await milestones.getByTestId('milestone-row').first().getByLabel('実績日').fill(addDays(0));
  await milestones.getByRole('button', { name: '進捗を記録' }).click();
  await expect(await statusOf(page)).toHaveText('作業中');
  await expect(card.getByTestId('order-milestones')).toContainText('材料入荷');

  await card.getByRole('button', { name: '出荷を記録' }).click();
  const first = card.getByTestId('shipment-form');
  await first.getByLabel('出荷数').fill('4');
  await first.getByLabel('これが最後の出荷（最終）').uncheck();
  await first.getByRole('button', { name: '出荷を記録' }).click();
  await expect(card.getByTestId('order-shipped')).toHaveText('10 のうち 4 出荷');
  await card.getByRole('button', { name: '出荷を記録' }).click();
  await expect(card.getByTestId('shipment-form').getByLabel('出荷数')).toHaveValue('6');
  await card.getByTestId('shipment-form').getByRole('button', { name: '出荷を記録' }).click();
  await expect(card.getByTestId('order-shipped')).toHaveText('10 のうち 10 出荷');
  await expect(await statusOf(page)).toHaveText('出荷済み');
  await expect(card.getByRole('button', { name: '出荷を記録' })).toHaveCount(0);

  // The 注文請書 prints once the order is accepted.
  await card.getByRole('link', { name: '注文請書を印刷' }).click();
  await expect(page.getByTestId('order-sheet').getByRole('heading', { level: 1 })).toHaveText('注文請書');
});

test('the buyer awards a chain of an open request and creates one order per step from it, prefilled', async ({ page, request }) => {
  const asBuyer = await apiSignIn(request, buyer);
  const title = `E2E チェーン発注 ${unique()}`;
  const created = await request.post('/api/v1/matching-requests', {
    headers: { ...asBuyer.headers, 'Idempotency-Key': crypto.randomUUID() },
    data: {
      title,
      steps: [{ processCode: 'machining.turning' }, { processCode: 'surface.plating' }],
      quantity: 300,
      dueDate: addDays(30),
      weights: { quality: 0.4, cost: 0.3, delivery: 0.3 },
      region: { centre: { lat: 35.0826, lon: 137.156 }, radiusKm: 30 },
    },
  });
  expect(created.ok(), await created.text()).toBe(true);
  const { id } = (await created.json()) as { id: string };
  expect((await request.post(`/api/v1/matching-requests/${id}/open`, { headers: asBuyer.headers })).ok()).toBe(true);

  await page.goto(`/matching/${id}`);
  await signIn(page, buyer);
  const chain = page.getByTestId('chain');
  await expect(chain.getByTestId('chain-step')).toHaveCount(2, { timeout: 15_000 });
  const names = await chain.getByTestId('chain-site').allTextContents();
  await page.getByTestId('award-chain').click();
  await page.getByRole('dialog').getByRole('button', { name: '発注先を決定' }).click();
  await page.getByTestId('create-orders').click();

  await expect(page.getByRole('heading', { level: 1, name: '決定した発注先への注文を作成' })).toBeVisible();
  const legs = page.getByTestId('order-form-leg');
  await expect(legs).toHaveCount(2);
  for (const [i, name] of names.entries()) {
    const leg = legs.nth(i);
    await expect(leg.locator('legend').first()).toHaveText(`工程 ${i + 1}: ${name}`);
    await expect(leg.getByLabel('注文番号')).toHaveValue(new RegExp(`^REQ-[0-9A-F]{6}-${i + 1}$`));
    await expect(leg.getByLabel('品名')).toHaveValue(title);
    await expect(leg.getByLabel('数量')).toHaveValue('300');
    await expect(leg.getByLabel('単位')).toHaveValue('個');
    await leg.getByLabel('単価（円）').fill(String(100 * (i + 1)));
  }
  await expect(legs.nth(1).getByLabel('納期')).toHaveValue(addDays(30));
  await page.getByTestId('order-form').getByLabel('納入場所（住所）').fill('愛知県豊田市トヨタ町1');
  await page.getByRole('button', { name: '注文を作成（下書き）' }).click();

  await expect(page).toHaveURL(/\/order-routes\/[0-9a-f-]{36}$/);
  await expect(page.getByRole('heading', { level: 1 })).toHaveText('注文の経路（2 工程）');
  const timeline = page.getByTestId('route-timeline');
  await expect(timeline.getByTestId('timeline-leg')).toHaveCount(2);
  await expect(timeline.getByTestId('current-leg')).toHaveText('まだどの工程も始まっていません');
  await expect(page.getByTestId('order-card')).toHaveCount(2);
  await expect(page.getByTestId('order-card').nth(1).getByTestId('order-total')).toHaveText('¥66,000');
});
