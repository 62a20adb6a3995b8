import { expect, test, type Browser, type Page } from '@playwright/test';
import { apiSignIn, type Account } from './demo-session';

// An exchange meeting's challenges in the browser (issue 18 item 7), on the demo accounts of the API in Development: a
// supplier posts a challenge without its firm's name; another participant sees it without the name; the organiser
// sees who posted it and gives it a table. The exchange meeting is the test's own, cancelled afterwards.
const coordinator: Account = { email: 'coordinator@registry.example', password: 'demo-coordinator-password' };
const poster: Account = { email: 'supplier1@registry.example', password: 'demo-supplier1-password' };
const reader: Account = { email: 'supplier2@registry.example', password: 'demo-supplier2-password' };

async function openAs(browser: Browser, account: Account, path: string): Promise<Page> {
  const context = await browser.newContext({ locale: 'ja-JP' });
  const page = await context.newPage();
  await page.goto(`/login?next=${encodeURIComponent(path)}`);
  const form = page.locator('form');
  await form.getByLabel('メールアドレス').fill(account.email);
  await form.getByLabel('パスワード').fill(account.password);
  await form.getByRole('button', { name: 'サインイン' }).click();
  await expect(page).toHaveURL(new RegExp(`${path}$`));
  return page;
}

test('an anonymous challenge hides the firm from the other participants, not from the organiser', async ({ browser, request }) => {
  test.setTimeout(120_000);
  const asCoordinator = await apiSignIn(request, coordinator);
  const asPoster = await apiSignIn(request, poster);
  const asReader = await apiSignIn(request, reader);
  const heldOn = new Intl.DateTimeFormat('en-CA', { timeZone: 'Asia/Tokyo' }).format(new Date(Date.now() + 30 * 86_400_000));
  const created = await request.post('/api/v1/gatherings', {
    headers: { ...asCoordinator.headers, 'Idempotency-Key': crypto.randomUUID() },
    data: {
      kind: 'exchange_meeting',
      titleJa: `E2E 交流会 ${Date.now()}`,
      heldOn,
      venue: '岡崎市産業会館',
      capacity: 20,
      sessions: [{ label: '交流会', startsAt: '15:00', slotMinutes: 30, slots: 4, tables: 6 }],
    },
  });
  expect(created.status()).toBe(201);
  const gathering = (await created.json()) as { id: string; version: number };
  const id = gathering.id;

  try {
    const published = await request.post(`/api/v1/gatherings/${id}/publish`, { headers: { ...asCoordinator.headers, 'If-Match': `"${gathering.version}"` } });
    expect(published.ok()).toBe(true);
    for (const who of [asPoster, asReader]) {
      const registered = await request.post(`/api/v1/gatherings/${id}/participants`, {
        headers: who.headers,
        data: { role: 'supplier', supplierId: who.sites[0], sessions: [0] },
      });
      expect(registered.status()).toBe(201);
      const participant = (await registered.json()) as { id: string; version: number };
      const approved = await request.post(`/api/v1/gatherings/${id}/participants/${participant.id}/approve`, {
        headers: { ...asCoordinator.headers, 'If-Match': `"${participant.version}"` },
      });
      expect(approved.ok()).toBe(true);
    }
    const posterName = ((await (await request.get(`/api/v1/suppliers/${asPoster.sites[0]}`)).json()) as { nameJa: string }).nameJa;
    const title = `E2E 技能伝承の課題 ${Date.now()}`;
    const path = `/gatherings/${id}`;

    // The poster: a challenge, anonymous, after the note that the organisers still see the firm.
    const posting = await openAs(browser, poster, path);
    const form = posting.getByTestId('topic-form');
    await form.getByRole('radio', { name: /課題/ }).check();
    await expect(form.getByTestId('anonymity-note')).toContainText('主催者');
    await form.getByLabel(/タイトル/).fill(title);
    await form.getByLabel('内容').fill('熟練者の退職で研削の技能が途切れそうです。');
    await form.getByRole('checkbox', { name: '会社名を出さずに投稿する（匿名）' }).check();
    await form.getByRole('button', { name: '投稿する' }).click();
    const own = posting.getByTestId('topic').filter({ hasText: title });
    await expect(own.getByTestId('topic-anonymous')).toHaveText('匿名');
    await posting.context().close();

    // Another participant: the challenge, without the firm's name.
    const reading = await openAs(browser, reader, path);
    const seen = reading.getByTestId('topic').filter({ hasText: title });
    await expect(seen.getByTestId('topic-anonymous')).toHaveText('匿名');
    await expect(seen.getByTestId('topic-poster')).toHaveCount(0);
    await expect(seen).not.toContainText(posterName);
    await reading.context().close();

    // The organiser: who posted it, on the board, and a table for it (3rd on screen, 2 in the API).
    const organising = await openAs(browser, coordinator, `${path}/board`);
    const board = organising.getByTestId('topic-tables-panel').getByTestId('topic').filter({ hasText: title });
    await expect(board.getByTestId('topic-poster')).toContainText(posterName);
    await board.getByRole('combobox', { name: `「${title}」のテーブル` }).selectOption({ label: 'テーブル 3' });
    await expect(board.getByTestId('topic-table')).toHaveText('テーブル 3');
    const topics = (await (await request.get(`/api/v1/gatherings/${id}/topics`, { headers: asCoordinator.headers })).json()) as {
      title: string;
      table: number | null;
      postedBy: string | null;
    }[];
    expect(topics.find((t) => t.title === title)).toMatchObject({ table: 2, postedBy: posterName });
    await organising.context().close();
  } finally {
    const current = (await (await request.get(`/api/v1/gatherings/${id}`, { headers: asCoordinator.headers })).json()) as { version: number };
    await request.post(`/api/v1/gatherings/${id}/cancel`, { headers: { ...asCoordinator.headers, 'If-Match': `"${current.version}"` } });
  }
});
