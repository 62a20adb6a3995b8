import { execFileSync } from 'node:child_process';
import { expect, test, type APIRequestContext, type Browser, type Page } from '@playwright/test';
import { apiSignIn, buyer, signIn, type Account } from './demo-session';
import { pdfText } from './pdf-text';

// DESIGN §11's "Done when", as one journey on the real service with the demo data (api/Demo/DemoOrders.cs): the demo
// buyer awards the 4-step chain of its open request 「EV モーターシャフト 4 工程」 and sends the four orders. Leg 1
// (supplier3) accepts and records progress in its account; leg 2 (supplier4) accepts; leg 3, a FAX-only firm with no
// account, accepts through the response link on a phone after its printed 注文書 is "faxed" (rendered to PDF); leg 4
// (supplier5) proposes a later date the buyer agrees to. Leg 1 ships on time; leg 2 ships after its due date, and
// the expected arrival moves for the firms downstream; the last leg ships; the buyer receives with two parts
// rejected; the coordinator's dashboard shows the on-time rate and the digital response share changed accordingly.
//
// "Ships late" needs a due date that passes before the leg ships, and the service (rightly) refuses a due date in the
// past and a shipment dated in the future, so within one run no leg can be late through the API alone. The honest
// stand-in for waiting ten days is to move this one route ten days back in the database — every day and moment of
// it together (ordered, due, expected, sent, answered, shipped, links), as if it had been placed ten days ago — and
// then to let the service do the rest: leg 2's due day is now past, it ships today (late), and the service recomputes
// the route. Nothing else is written behind the service's back. scripts/test gives the e2e run the database
// (E2E_DATABASE, the service's connection string).

const supplier = (n: number): Account => ({ email: `supplier${n}@registry.example`, password: `demo-supplier${n}-password` });
const coordinator: Account = { email: 'coordinator@registry.example', password: 'demo-coordinator-password' };
const requestTitle = 'EV モーターシャフト 4 工程（鍛造→旋削→熱処理→めっき）';
const nfkc = (text: string) => text.normalize('NFKC').replace(/[\s·]+/g, '');
const percent = (share: number) => `${Math.round(share * 1000) / 10}%`;

/** A day counted from today in Japan (the service's day), as YYYY-MM-DD. */
function addDays(days: number, from = Date.now()): string {
  return new Intl.DateTimeFormat('en-CA', { timeZone: 'Asia/Tokyo' }).format(new Date(from + days * 86_400_000));
}
const dayNumber = (day: string) => Date.parse(`${day}T00:00:00Z`) / 86_400_000;

/** Moves one route back in time by `days`, as a whole (see the comment at the top). */
function placeRouteBack(routeId: string, days: number) {
  const connection = process.env.E2E_DATABASE;
  if (!connection) {
    throw new Error('E2E_DATABASE (the service database connection string) is needed to let the due day pass.');
  }
  const part = (key: string) => new RegExp(`(?:^|;)${key}=([^;]*)`, 'i').exec(connection)?.[1] ?? '';
  const interval = `interval '${days} days'`;
  const orders = `(SELECT id FROM orders WHERE route_id = '${routeId}')`;
  const sql = `
    BEGIN;
    UPDATE orders SET ordered_on = ordered_on - ${days}, due_on = due_on - ${days}, expected_ship_on = expected_ship_on - ${days},
      sent_at = sent_at - ${interval}, answered_at = answered_at - ${interval}, shipped_at = shipped_at - ${interval},
      created_at = created_at - ${interval} WHERE route_id = '${routeId}';
    UPDATE order_shipments SET shipped_on = shipped_on - ${days}, recorded_at = recorded_at - ${interval} WHERE order_id IN ${orders};
    UPDATE order_milestones SET planned_on = planned_on - ${days}, actual_on = actual_on - ${days} WHERE order_id IN ${orders};
    UPDATE order_links SET created_at = created_at - ${interval}, expires_at = expires_at - ${interval} WHERE order_id IN ${orders};
    UPDATE order_routes SET created_at = created_at - ${interval} WHERE id = '${routeId}';
    COMMIT;`;
  execFileSync('psql', ['-v', 'ON_ERROR_STOP=1', '-q', '-c', sql], {
    env: { ...process.env, PGHOST: part('Host'), PGPORT: part('Port'), PGDATABASE: part('Database'), PGUSER: part('Username'), PGPASSWORD: part('Password') },
  });
}

async function signedInPage(browser: Browser, account: Account, path: string, viewport = { width: 1280, height: 900 }): Promise<Page> {
  const context = await browser.newContext({ viewport, locale: 'ja-JP' });
  const page = await context.newPage();
  await page.goto(`/login?next=${encodeURIComponent(path)}`);
  await signIn(page, account);
  await expect(page).not.toHaveURL(/\/login/);
  await expect(page.getByRole('banner').getByRole('button', { name: 'サインアウト' })).toBeVisible();
  return page;
}

const statusOf = (page: Page) => page.getByTestId('order-details').first().getByTestId('order-status').first();

/** The coordinator's 「注文」 figures on the dashboard. */
async function orderFigures(page: Page) {
  await page.goto('/analytics');
  const section = page.getByTestId('order-indicators');
  await expect(section.getByTestId('order-on-time')).toBeVisible({ timeout: 15_000 });
  const answers = (await section.getByTestId('order-answers').textContent())!;
  const count = (re: RegExp) => Number(re.exec(answers)![1]);
  const [account, link, none] = [count(/アカウント (\d+) 社/), count(/回答用リンク (\d+) 社/), count(/回答なし (\d+) 社/)];
  return { onTime: (await section.getByTestId('order-on-time').textContent())!, digital: (await section.getByTestId('order-digital-share').textContent())!, account, link, none };
}

async function coordinatorTotals(request: APIRequestContext) {
  const { headers } = await apiSignIn(request, coordinator);
  const report = (await (await request.get('/api/v1/analytics/orders', { headers })).json()) as {
    total: { onTimeRate: number; shippedLegs: number; firmsByAccount: number; firmsByLink: number; firmsUnanswered: number };
  };
  return report.total;
}

test('the buyer awards a 4-firm chain and follows its orders to receipt: account, FAX and link, a proposal, a late leg, the dashboard', async ({
  page,
  browser,
  request,
}) => {
  test.setTimeout(240_000);
  const today = addDays(0);

  // The coordinator's figures before.
  const dashboard = await signedInPage(browser, coordinator, '/analytics');
  const before = await orderFigures(dashboard);
  const totalsBefore = await coordinatorTotals(request);

  // The buyer's open request and its chains: award the first (four firms), then 注文を作成.
  const asBuyer = await apiSignIn(request, buyer);
  const requests = (await (await request.get('/api/v1/matching-requests', { headers: asBuyer.headers })).json()) as {
    items: { id: string; status: string; request: { title: string } }[];
  };
  const open = requests.items.find((r) => r.status === 'open' && r.request.title === requestTitle);
  expect(open, 'the demo buyer has its open 4-step request (a fresh demo database)').toBeDefined();
  await page.goto(`/login?next=${encodeURIComponent(`/matching/${open!.id}`)}`);
  await signIn(page, buyer);
  const chain = page.getByTestId('chain').first();
  await expect(chain.getByTestId('chain-step')).toHaveCount(4, { timeout: 20_000 });
  await page.getByTestId('award-chain').first().click();
  await page.getByRole('dialog').getByRole('button', { name: '発注先を決定' }).click();
  await page.getByTestId('create-orders').click();

  // One order per step, prefilled; the buyer sets prices, due days and lead times.
  await expect(page.getByRole('heading', { level: 1, name: '決定した発注先への注文を作成' })).toBeVisible();
  const legs = page.getByTestId('order-form-leg');
  await expect(legs).toHaveCount(4);
  const plan = [
    { price: 1200, due: addDays(3), lead: 2 },
    { price: 800, due: addDays(5), lead: 3 },
    { price: 500, due: addDays(30), lead: 3 },
    { price: 400, due: addDays(35), lead: 2 },
  ];
  for (const [i, leg] of plan.entries()) {
    const fields = legs.nth(i);
    await fields.getByLabel('単価（円）').fill(String(leg.price));
    await fields.getByLabel('納期').fill(leg.due);
    await fields.getByLabel('リードタイム（営業日）').fill(String(leg.lead));
  }
  await page.getByTestId('order-form').getByLabel('納入場所（住所）').fill('愛知県豊田市デモ町1-1 デモ機械製作所 受入口');
  await page.getByRole('button', { name: '注文を作成（下書き）' }).click();
  await expect(page).toHaveURL(/\/order-routes\/[0-9a-f-]{36}$/);
  const routePath = new URL(page.url()).pathname;
  const routeId = routePath.split('/').at(-1)!;

  // Sent, all four.
  const cards = page.getByTestId('order-card');
  await expect(cards).toHaveCount(4);
  for (let i = 0; i < 4; i++) {
    await cards.nth(i).getByRole('button', { name: '注文を送付' }).click();
    await expect(cards.nth(i).getByTestId('order-details').getByTestId('order-status').first()).toHaveText('送付済み');
  }
  const route = (await (await request.get(`/api/v1/order-routes/${routeId}`, { headers: asBuyer.headers })).json()) as {
    orders: { id: string; orderNumber: string; supplier: { supplierId: string; name: string } }[];
  };
  const [leg1, leg2, leg3, leg4] = route.orders;

  // Leg 3 is FAX-only: the buyer makes its response link, prints the 注文書 with its QR code, and "faxes" it (PDF).
  const faxSite = (await (await request.get(`/api/v1/suppliers/${leg3!.supplier.supplierId}`)).json()) as { nameJa: string; digitalReadiness: { faxOnly: boolean } };
  expect(faxSite.digitalReadiness.faxOnly).toBe(true);
  await cards.nth(2).getByRole('button', { name: '回答用リンクを作成' }).click();
  const created = cards.nth(2).getByTestId('link-created');
  const linkUrl = (await created.getByTestId('link-url').textContent())!;
  await created.getByRole('link', { name: 'このリンクの QR コード付きで注文書を印刷' }).click();
  await expect(page.getByTestId('order-sheet').getByRole('heading', { level: 1 })).toHaveText('注文書');
  await expect(page.getByTestId('order-sheet').getByTestId('sheet-qr')).toHaveAttribute('data-text', linkUrl);
  await page.emulateMedia({ media: 'print' });
  const pdf = await page.pdf({ format: 'A4' });
  const text = nfkc(pdfText(pdf));
  for (const expected of ['注文書', leg3!.orderNumber, `${faxSite.nameJa} 御中`, 'デモ機械製作所', requestTitle, '¥100,000', '¥110,000', 'この注文への回答']) {
    expect(text, expected).toContain(nfkc(expected));
  }
  await page.emulateMedia({ media: 'screen' });

  // …and the firm accepts through the link on a phone, signed in nowhere.
  const phoneContext = await browser.newContext({ viewport: { width: 390, height: 844 }, locale: 'ja-JP' });
  const phone = await phoneContext.newPage();
  await phone.goto(linkUrl);
  await expect(phone.getByRole('heading', { level: 1, name: 'デモ機械製作所 からの注文' })).toBeVisible();
  await phone.getByRole('button', { name: '受注する' }).click();
  await expect(statusOf(phone)).toHaveText('受注');
  expect(await phone.locator('html').evaluate((html) => html.scrollWidth)).toBeLessThanOrEqual(390);

  // Leg 1 accepts in its account, records progress and ships (on time).
  const first = await signedInPage(browser, supplier(3), `/orders/${leg1!.id}`);
  await first.getByRole('button', { name: '受注する' }).click();
  await expect(statusOf(first)).toHaveText('受注');
  await first.getByRole('button', { name: '進捗を記録' }).click();
  const milestones = first.getByTestId('milestones-form');
  await milestones.getByTestId('milestone-row').first().getByLabel('実績日').fill(today);
  await milestones.getByRole('button', { name: '進捗を記録' }).click();
  await expect(statusOf(first)).toHaveText('作業中');
  await first.getByRole('button', { name: '出荷を記録' }).click();
  await first.getByTestId('shipment-form').getByRole('button', { name: '出荷を記録' }).click();
  await expect(statusOf(first)).toHaveText('出荷済み');

  // Leg 2 accepts in its account.
  const second = await signedInPage(browser, supplier(4), `/orders/${leg2!.id}`);
  await second.getByRole('button', { name: '受注する' }).click();
  await expect(statusOf(second)).toHaveText('受注');

  // Leg 4 proposes a later date; the buyer agrees on the route page.
  const last = await signedInPage(browser, supplier(5), `/orders/${leg4!.id}`);
  await last.getByRole('button', { name: '納期・数量の変更を提案' }).click();
  const later = addDays(40);
  await last.getByTestId('propose-form').getByLabel('提案する納期').fill(later);
  await last.getByTestId('propose-form').getByRole('button', { name: '納期・数量の変更を提案' }).click();
  await expect(statusOf(last)).toHaveText('変更提案');
  await page.goto(routePath);
  await cards.nth(3).getByRole('button', { name: '変更提案に同意' }).click();
  await expect(cards.nth(3).getByTestId('order-details').getByTestId('order-status').first()).toHaveText('受注');
  await expect(cards.nth(3).getByTestId('order-due')).toHaveText(later);

  // What the last firm downstream expects before leg 2 is late.
  await last.goto(routePath);
  const arrival = last.getByTestId('expected-arrival');
  const arrivalBefore = /(\d{4}-\d{2}-\d{2})/.exec((await arrival.textContent())!)![1]!;
  await phone.reload();
  const faxExpectedBefore = (await phone.getByTestId('order-expected').first().textContent())!;

  // Ten days pass (see the top): leg 2's due day is now five days ago; it ships today, late.
  placeRouteBack(routeId, 10);
  await second.reload();
  await second.getByRole('button', { name: '出荷を記録' }).click();
  await second.getByTestId('shipment-form').getByRole('button', { name: '出荷を記録' }).click();
  await expect(statusOf(second)).toHaveText('出荷済み');

  // Downstream, the expected arrival moved: later than the old plan ten days on, and the route is marked late.
  await last.reload();
  const arrivalAfter = /(\d{4}-\d{2}-\d{2})/.exec((await arrival.textContent())!)![1]!;
  expect(arrivalAfter).not.toBe(arrivalBefore);
  expect(dayNumber(arrivalAfter)).toBeGreaterThan(dayNumber(arrivalBefore) - 10);
  await expect(last.getByTestId('route-summary')).toContainText('遅れ');
  // The FAX-only firm of leg 3, right after leg 2, sees its own expected ship day move on its phone too.
  await phone.reload();
  const faxExpectedAfter = (await phone.getByTestId('order-expected').first().textContent())!;
  expect(faxExpectedAfter).not.toBe(faxExpectedBefore);
  expect(dayNumber(faxExpectedAfter)).toBeGreaterThan(dayNumber(faxExpectedBefore) - 10);

  // Leg 3 ships from the phone, then the last leg ships.
  await phone.reload();
  await phone.getByRole('button', { name: '出荷を記録' }).click();
  await phone.getByTestId('shipment-form').getByRole('button', { name: '出荷を記録' }).click();
  await expect(statusOf(phone)).toHaveText('出荷済み');
  await last.goto(`/orders/${leg4!.id}`);
  await last.getByRole('button', { name: '出荷を記録' }).click();
  await last.getByTestId('shipment-form').getByRole('button', { name: '出荷を記録' }).click();
  await expect(statusOf(last)).toHaveText('出荷済み');

  // The buyer receives the last leg with two parts rejected.
  await page.goto(routePath);
  await cards.nth(3).getByRole('button', { name: '検収する' }).click();
  const receipt = cards.nth(3).getByTestId('receipt-form');
  await receipt.getByLabel('不合格の数').fill('2');
  await receipt.getByLabel('不合格の理由').fill('めっき膜厚不足');
  await receipt.getByRole('button', { name: '検収する' }).click();
  await expect(cards.nth(3).getByTestId('order-receipt')).toHaveText('合格 198・不合格 2');

  // The coordinator's dashboard: four more legs shipped, three of them on time; three more firms answer in their
  // accounts and one more by link.
  const after = await orderFigures(dashboard);
  const shipped = totalsBefore.shippedLegs + 4;
  expect(after.onTime).toBe(percent((totalsBefore.onTimeRate * totalsBefore.shippedLegs + 3) / shipped));
  expect(after.onTime).not.toBe(before.onTime);
  expect([after.account, after.link, after.none]).toEqual([before.account + 3, before.link + 1, before.none]);
  const answered = after.account + after.link + after.none;
  expect(after.digital).toBe(percent((after.account + after.link) / answered));
  expect(after.digital).not.toBe(before.digital);
  await phoneContext.close();
});
