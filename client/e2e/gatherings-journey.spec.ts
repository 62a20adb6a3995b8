import { readFileSync } from 'node:fs';
import { expect, test, type Browser, type Page } from '@playwright/test';
import ICAL from 'ical.js';
import { buyer, signIn, type Account } from './demo-session';
import { pdfText } from './pdf-text';

// DESIGN §12's "Done when", as one journey on the real service with the demo accounts: the demo coordinator creates
// and publishes a matching meeting of its own (its title carries the run's time, so runs never meet each other's)
// and opens booking; the demo buyer registers with its 4-step request (forging → turning → heat treatment → plating),
// the five demo suppliers with their sites; the coordinator approves them; the buyer asks for meetings from the
// matching engine's suggestions (and the rest from the list), the suppliers accept; the coordinator makes the
// schedule and pins one meeting by hand; every participant downloads its agenda as .ics (read with ical.js, an
// iCalendar parser of its own) and prints it; on the day the coordinator checks everyone in and marks the gathering
// held; both sides of the pinned meeting record their outcomes, and the coordinator's funnel counts them — for this
// gathering's row only, since the demo database is shared with other tests.

const supplier = (n: number): Account => ({ email: `supplier${n}@registry.example`, password: `demo-supplier${n}-password` });
const coordinator: Account = { email: 'coordinator@registry.example', password: 'demo-coordinator-password' };
// Text as a printed page gives it back: NFKC, no spaces, and any dash as '-' (the PDF's glyphs may map to U+2012).
const nfkc = (text: string) => text.normalize('NFKC').replace(/\s+/g, '').replace(/[\u2010-\u2015\u2212]/g, '-');

/** A day counted from today in Japan (the service's day), as YYYY-MM-DD. */
function addDays(days: number): string {
  return new Intl.DateTimeFormat('en-CA', { timeZone: 'Asia/Tokyo' }).format(new Date(Date.now() + days * 86_400_000));
}

async function signedInPage(browser: Browser, account: Account, path: string): Promise<Page> {
  const context = await browser.newContext({ viewport: { width: 1280, height: 900 }, locale: 'ja-JP', acceptDownloads: true });
  const page = await context.newPage();
  await page.goto(`/login?next=${encodeURIComponent(path)}`);
  await signIn(page, account);
  await expect(page).not.toHaveURL(/\/login/);
  await expect(page.getByRole('banner').getByRole('button', { name: 'サインアウト' })).toBeVisible();
  return page;
}

/** Answers the confirmation dialog with the button named `action`. */
async function confirm(page: Page, action: string) {
  await page.getByTestId('confirm-dialog').getByRole('button', { name: action }).click();
  await expect(page.getByTestId('confirm-dialog')).toHaveCount(0);
}

/** Downloads the participant's agenda as .ics from the agenda page and parses it with ical.js. */
async function agendaEvents(page: Page) {
  const [download] = await Promise.all([page.waitForEvent('download'), page.getByTestId('agenda-ics').click()]);
  expect(download.suggestedFilename()).toMatch(/^agenda-\d{4}-\d{2}-\d{2}\.ics$/);
  const text = readFileSync((await download.path())!, 'utf8');
  const calendar = new ICAL.Component(ICAL.parse(text));
  return calendar.getAllSubcomponents('vevent').map((vevent) => new ICAL.Event(vevent));
}

test('a matching meeting from creation to follow-up: registration, suggestions, meetings, the schedule, a pin, agendas and .ics, outcomes and the funnel', async ({ browser }) => {
  test.setTimeout(420_000);
  const title = `E2E マッチング会 ${Date.now()}`;
  const heldOn = addDays(30);

  // The coordinator creates the gathering in the form: one session of six 20-minute slots at ten tables from 13:00.
  const board = await signedInPage(browser, coordinator, '/gatherings/new');
  const form = board.getByRole('form', { name: 'イベントの内容' });
  await form.getByLabel(/^開催日/).fill(heldOn);
  await form.getByRole('textbox', { name: /^名称（必須）/ }).fill(title);
  await form.getByLabel('会場', { exact: true }).fill('豊田市産業会館 E2E');
  await form.getByRole('button', { name: '下書きとして保存' }).click();
  await expect(board.getByRole('heading', { level: 1, name: title })).toBeVisible();
  const id = /\/gatherings\/([0-9a-f-]{36})$/.exec(board.url())![1]!;

  // It publishes it: registration opens.
  const organiser = board.getByTestId('organiser-panel');
  await organiser.getByRole('button', { name: '公開' }).click();
  await confirm(board, '公開する');
  await expect(board.getByTestId('gathering-status')).toHaveText('参加受付中');

  // The buyer registers with its 4-step matching request.
  const buyerPage = await signedInPage(browser, buyer, `/gatherings/${id}`);
  const registration = buyerPage.getByTestId('registration-form');
  const evRequest = registration.getByTestId('request-choice').filter({ hasText: 'EV モーターシャフト 4 工程' }).first();
  const requestTitle = (await evRequest.locator('span').first().evaluate((span) => span.firstChild?.textContent ?? ''))!.trim();
  await evRequest.getByRole('checkbox').check();
  await registration.getByRole('button', { name: '参加を申し込む' }).click();
  await expect(buyerPage.getByTestId('my-registration')).toHaveAttribute('data-status', 'pending');
  await expect(buyerPage.getByTestId('my-registration')).toContainText('承認待ち');

  // Each demo supplier registers with its site and the first of its processes.
  const supplierPages: Page[] = [];
  const siteNames: string[] = [];
  for (const n of [1, 2, 3, 4, 5]) {
    const page = await signedInPage(browser, supplier(n), `/gatherings/${id}`);
    const form = page.getByTestId('registration-form');
    const site = form.getByLabel(/^参加する事業所/);
    await expect(site.locator('option:not([disabled])').nth(1)).toBeAttached();
    const siteName = (await site.locator('option:not([disabled])').nth(1).textContent())!;
    await site.selectOption({ label: siteName });
    await form.getByLabel('展示・紹介する内容').fill(`E2E 展示 ${n}`);
    await form.getByTestId('show-processes').getByRole('checkbox').first().check();
    await form.getByRole('button', { name: '参加を申し込む' }).click();
    await expect(page.getByTestId('my-registration')).toContainText('承認待ち');
    supplierPages.push(page);
    siteNames.push(siteName);
  }

  // The coordinator approves the six registrations on the board, then opens booking.
  await board.goto(`/gatherings/${id}/board`);
  const registrations = board.getByTestId('registrations-panel');
  await expect(registrations.getByTestId('registration-row')).toHaveCount(6);
  for (let i = 0; i < 6; i++) {
    await registrations.locator('[data-testid="registration-row"][data-status="pending"]').first().getByRole('button', { name: '承認', exact: true }).click();
    await expect(registrations.locator('[data-testid="registration-row"][data-status="approved"]')).toHaveCount(i + 1);
  }
  await board.getByRole('button', { name: '商談申込を開始' }).click();
  await confirm(board, '開始する');
  await expect(board.getByTestId('gathering-status')).toHaveText('商談申込受付中');

  // The buyer asks for meetings: first the matching engine's suggestions (sites that fit its steps, best first, each
  // with its score and why), then the other suppliers from the list.
  await buyerPage.reload();
  await expect(buyerPage.getByTestId('my-registration')).toHaveAttribute('data-status', 'approved');
  const inbox = buyerPage.getByTestId('participant-inbox');
  const suggested = inbox.getByTestId('suggestion');
  await expect(suggested.first()).toBeVisible({ timeout: 15_000 });
  const suggestedNames = await suggested.evaluateAll((items) => items.map((item) => item.getAttribute('data-name')!));
  expect(suggestedNames.length).toBeGreaterThan(0);
  expect(suggestedNames.every((name) => siteNames.includes(name))).toBe(true);
  const scores = await suggested.getByTestId('suggestion-score').allTextContents();
  const values = scores.map((text) => Number(/(\d+)/.exec(text)![1]));
  expect(values).toEqual([...values].sort((a, b) => b - a));
  await suggested.first().getByRole('button', { name: '理由を表示' }).click();
  await expect(suggested.first().getByTestId('explanation').getByRole('row').nth(1)).toBeVisible();
  for (const name of suggestedNames) {
    await inbox.locator(`[data-testid="suggestion"][data-name="${name}"]`).getByRole('button', { name: `${name} に商談を申し込む` }).click();
    await expect(inbox.getByTestId('inbox-sent').locator(`[data-with="${name}"]`)).toBeVisible();
  }
  await inbox.getByText(/参加する事業所の一覧から申し込む/).click();
  for (const name of siteNames.filter((n) => !suggestedNames.includes(n))) {
    await inbox.getByTestId('other-side').getByRole('button', { name: `${name} に商談を申し込む` }).click();
    await expect(inbox.getByTestId('inbox-sent').locator(`[data-with="${name}"]`)).toBeVisible();
  }
  await expect(inbox.getByTestId('inbox-sent').getByTestId('meeting-item')).toHaveCount(5);

  // Each supplier accepts the request it received.
  for (const page of supplierPages) {
    await page.reload();
    const received = page.getByTestId('inbox-received').getByTestId('meeting-item');
    await expect(received).toHaveCount(1);
    await expect(received).toContainText('デモ機械製作所');
    await received.getByRole('button', { name: '承諾' }).click();
    await expect(page.getByTestId('inbox-agreed').getByTestId('meeting-item')).toHaveCount(1, { timeout: 10_000 });
  }

  // The coordinator makes the schedule: every meeting placed (five meetings of one buyer fit six slots).
  await board.reload();
  await board.getByRole('button', { name: 'スケジュール作成' }).click();
  await confirm(board, '作成する');
  const result = board.getByTestId('schedule-result');
  await expect(result.getByTestId('schedule-placed')).toHaveText('5');
  await expect(result.getByTestId('schedule-bound')).toHaveText('5');
  await expect(result.getByTestId('schedule-unplaced')).toHaveText('0');
  await expect(board.getByTestId('gathering-status')).toHaveText('日程確定');

  // …and pins the first placed meeting by hand at table 10 in the one slot the buyer has free (its fifth meeting
  // waits for a break after four in a row).
  const timetable = board.getByTestId('timetable');
  const taken = timetable.locator('.timetable__cell--taken button').first();
  await expect(taken).toBeVisible();
  const pinnedPair = (await taken.getAttribute('aria-label'))!.replace(/^\S+ テーブル \d+ /, '');
  const pinnedSupplier = pinnedPair.split(' × ')[1]!;
  const freeRow = timetable.locator('tbody tr').filter({ hasNot: board.locator('.timetable__cell--taken') }).first();
  const [start, end] = (await freeRow.locator('th').textContent())!.split('–') as [string, string];
  await taken.click();
  await timetable.getByRole('button', { name: `ここへ（${start} テーブル 10 に ${pinnedPair} を固定）` }).click();
  const pinned = board.locator('[data-testid="board-meeting"][data-pinned="true"]');
  await expect(pinned).toHaveCount(1);
  await expect(pinned.getByTestId('board-meeting-place')).toContainText(`${start}〜${end}、テーブル 10`);

  // Every participant's agenda: its meetings by time; the .ics has the same, in UTC, one VEVENT per meeting.
  await buyerPage.goto(`/gatherings/${id}/agenda`);
  const rows = buyerPage.getByTestId('agenda-row');
  await expect(rows).toHaveCount(5);
  const pinnedRow = rows.filter({ hasText: pinnedSupplier });
  await expect(pinnedRow).toContainText(`${start}–${end}`);
  await expect(pinnedRow).toContainText('テーブル 10');
  const times = await buyerPage.getByTestId('agenda-time').allTextContents();
  expect(times).toEqual([...times].sort());
  const buyerEvents = await agendaEvents(buyerPage);
  expect(buyerEvents).toHaveLength(5);
  const moved = buyerEvents.find((event) => event.summary.includes(pinnedSupplier))!;
  expect(moved.summary).toContain('テーブル 10');
  expect(moved.startDate.toJSDate().toISOString()).toBe(new Date(`${heldOn}T${start}:00+09:00`).toISOString());
  expect(moved.endDate.toJSDate().toISOString()).toBe(new Date(`${heldOn}T${end}:00+09:00`).toISOString());
  expect(new Set(buyerEvents.map((event) => event.uid)).size).toBe(5);

  // Printed, the agenda is the sheet alone (no header, no buttons) on A4.
  await buyerPage.emulateMedia({ media: 'print' });
  await expect(buyerPage.getByRole('banner')).toBeHidden();
  await expect(buyerPage.getByTestId('agenda-ics')).toBeHidden();
  const printed = nfkc(pdfText(await buyerPage.pdf({ format: 'A4' })));
  for (const expected of [title, '当日の予定', `${start}–${end}`, 'テーブル10', pinnedSupplier]) {
    expect(printed, expected).toContain(nfkc(expected));
  }
  await buyerPage.emulateMedia({ media: 'screen' });

  for (const [i, page] of supplierPages.entries()) {
    await page.goto(`/gatherings/${id}/agenda`);
    await expect(page.getByTestId('agenda-row')).toHaveCount(1);
    await expect(page.getByTestId('agenda-row')).toContainText('デモ機械製作所');
    const events = await agendaEvents(page);
    expect(events, siteNames[i]).toHaveLength(1);
    const start = await page.getByTestId('agenda-time').textContent();
    const [hh, mm] = start!.slice(0, 5).split(':');
    expect(events[0]!.startDate.toJSDate().toISOString()).toBe(new Date(`${heldOn}T${hh}:${mm}:00+09:00`).toISOString());
    await page.emulateMedia({ media: 'print' });
    await expect(page.getByRole('banner')).toBeHidden();
    await page.emulateMedia({ media: 'screen' });
  }

  // The venue's table plan lists the five meetings.
  await board.goto(`/gatherings/${id}/table-plan`);
  await expect(board.getByTestId('plan-row')).toHaveCount(5);
  await expect(board.getByTestId('plan-row').filter({ hasText: pinnedSupplier })).toContainText('テーブル 10');

  // On the day: the coordinator checks the six in and marks the gathering held.
  await board.goto(`/gatherings/${id}/board`);
  const checkIn = board.getByTestId('check-in-panel');
  await expect(checkIn.getByTestId('check-in-row')).toHaveCount(6);
  for (let i = 0; i < 6; i++) {
    await checkIn.getByRole('button', { name: '受付', exact: true }).first().click();
    await expect(checkIn.getByTestId('checked-in')).toHaveCount(i + 1);
  }
  await board.getByRole('button', { name: '開催', exact: true }).click();
  await confirm(board, '開催済みにする');
  await expect(board.getByTestId('gathering-status')).toHaveText('開催済み');

  // Both sides of the pinned meeting record what came of it: the buyer a quote request for its request, the supplier
  // a trial order; the brief of the meeting sets the buyer's steps against the site.
  await buyerPage.goto(`/gatherings/${id}`);
  const buyerMeeting = buyerPage.getByTestId('inbox-agreed').locator(`[data-with="${pinnedSupplier}"]`);
  await expect(buyerMeeting).toContainText('当日、双方の受付を確認しました');
  await buyerMeeting.getByRole('button', { name: '商談の結果を記録する' }).click();
  const buyerOutcome = buyerMeeting.getByTestId('outcome-form');
  await buyerOutcome.getByRole('radio', { name: '見積依頼' }).check();
  await buyerOutcome.getByLabel('関連するマッチング依頼').selectOption({ label: requestTitle });
  await buyerOutcome.getByLabel('メモ').fill('E2E 図面を送付して見積を依頼');
  await buyerOutcome.getByRole('button', { name: '結果を記録' }).click();
  await expect(buyerMeeting.getByTestId('outcome-recorded')).toHaveAttribute('data-outcome', 'quote_requested');
  await buyerMeeting.getByRole('link', { name: '商談シート' }).click();
  await expect(buyerPage.getByTestId('brief').getByRole('heading', { level: 1 })).toContainText(pinnedSupplier);
  await expect(buyerPage.getByTestId('brief-step')).toHaveCount(4);
  await expect(buyerPage.getByTestId('brief-step').first()).toContainText(requestTitle);

  const pinnedPage = supplierPages[siteNames.indexOf(pinnedSupplier)]!;
  await pinnedPage.goto(`/gatherings/${id}`);
  const supplierMeeting = pinnedPage.getByTestId('inbox-agreed').getByTestId('meeting-item');
  await supplierMeeting.getByRole('button', { name: '商談の結果を記録する' }).click();
  const supplierOutcome = supplierMeeting.getByTestId('outcome-form');
  await supplierOutcome.getByRole('radio', { name: '試作・試験発注' }).check();
  await supplierOutcome.getByRole('button', { name: '結果を記録' }).click();
  await expect(supplierMeeting.getByTestId('outcome-recorded')).toHaveAttribute('data-outcome', 'trial_order');

  // The coordinator's funnel counts them, in this gathering's row: six registered, five met, one followed up that led
  // to a request and an order; first-time ties at most the meetings held.
  await board.goto('/analytics');
  const row = board.getByTestId('gathering-funnel').locator(`[data-gathering="${id}"]`);
  await expect(row).toBeVisible({ timeout: 20_000 });
  const count = async (stage: string) => Number(await row.getByTestId(`funnel-${stage}`).textContent());
  expect(await count('registered')).toBe(6);
  expect(await count('met')).toBe(5);
  expect(await count('followedUp')).toBe(1);
  expect(await count('requests')).toBe(1);
  expect(await count('orders')).toBe(1);
  expect(await count('firstTimeTies')).toBeLessThanOrEqual(5);

  await Promise.all([board, buyerPage, ...supplierPages].map((page) => page.context().close()));
});
