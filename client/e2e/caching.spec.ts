import { expect, test, type APIRequestContext, type Page } from '@playwright/test';

// Runs against the API in Development (scripts/run, scripts/test) with its demo accounts.
const coordinator = { email: 'coordinator@registry.example', password: 'demo-coordinator-password' };
const member = { email: 'buyer@registry.example', password: 'demo-buyer-password' };
const email = 'cache-check@test.example';

async function signIn(page: Page, account: { email: string; password: string }) {
  await page.goto('/login');
  const form = page.locator('form');
  await form.getByLabel('メールアドレス').fill(account.email);
  await form.getByLabel('パスワード').fill(account.password);
  await form.getByRole('button', { name: 'サインイン' }).click();
  await expect(page.getByRole('banner').getByTestId('user-menu')).toBeVisible();
}

async function signOut(page: Page) {
  const header = page.getByRole('banner');
  await header.getByRole('button', { name: 'サインアウト' }).click();
  await expect(header.getByRole('link', { name: 'サインイン' })).toBeVisible();
}

/** A published site whose contact is for members and whose challenges are for coordinators, made by the coordinator. */
async function publishSite(request: APIRequestContext): Promise<string> {
  const login = await request.post('/api/v1/auth/login', { data: coordinator });
  const headers = { Authorization: `Bearer ${((await login.json()) as { accessToken: string }).accessToken}` };
  const created = await request.post('/api/v1/suppliers', {
    headers,
    data: {
      nameJa: `キャッシュ確認工業 ${Date.now()}`,
      prefectureCode: '23',
      municipalityCode: '232114',
      location: { lat: 35.08, lon: 137.15 },
      contact: { name: '山田 太郎', email, phone: '0565-00-0000' },
      challenges: { challenges: '後継者不足で設備更新を迷っている' },
      disclosure: { contact: 'members', challenges: 'coordinators' },
    },
  });
  expect(created.status()).toBe(201);
  const { id } = (await created.json()) as { id: string };
  expect((await request.post(`/api/v1/suppliers/${id}/capabilities`, { headers, data: { processCode: 'machining.turning.cnc' } })).status()).toBe(201);
  expect((await request.post(`/api/v1/suppliers/${id}/publish`, { headers })).status()).toBe(200);
  return id;
}

async function archiveSite(request: APIRequestContext, id: string) {
  const login = await request.post('/api/v1/auth/login', { data: coordinator });
  const headers = { Authorization: `Bearer ${((await login.json()) as { accessToken: string }).accessToken}` };
  await request.post(`/api/v1/suppliers/${id}/archive`, { headers });
}

test('a browser shows each visitor only their own view of a profile across sign-out and sign-in', async ({ page, request }) => {
  const id = await publishSite(request);
  try {
    const contact = page.getByTestId('section-contact');
    const challenges = page.getByTestId('section-challenges');
    const edit = page.getByRole('link', { name: '編集' });

    // The coordinator sees everything, and may edit.
    await signIn(page, coordinator);
    await page.goto(`/suppliers/${id}`);
    await expect(contact).toContainText(email);
    await expect(challenges).toContainText('後継者不足');
    await expect(edit).toBeVisible();

    // Signed out in the same browser, the next visitor sees the public view only.
    await signOut(page);
    await page.goto(`/suppliers/${id}`);
    await expect(contact).toHaveAttribute('data-hidden', 'true');
    await expect(challenges).toHaveAttribute('data-hidden', 'true');
    await expect(page.getByText(email)).toHaveCount(0);
    await expect(page.getByText('後継者不足')).toHaveCount(0);
    await expect(edit).toHaveCount(0);
    // And a reload (the browser may revalidate what it kept) still shows the public view.
    await page.reload();
    await expect(contact).toHaveAttribute('data-hidden', 'true');
    await expect(page.getByText(email)).toHaveCount(0);

    // The reverse: a member signing in after the anonymous visit sees the members' view, not the cached public one.
    await signIn(page, member);
    await page.goto(`/suppliers/${id}`);
    await expect(contact).toContainText(email);
    await expect(challenges).toHaveAttribute('data-hidden', 'true');
    await expect(edit).toHaveCount(0);
    await page.reload();
    await expect(contact).toContainText(email);
    await signOut(page);
    await page.goto(`/suppliers/${id}`);
    await expect(contact).toHaveAttribute('data-hidden', 'true');
    await expect(page.getByText(email)).toHaveCount(0);
  } finally {
    await archiveSite(request, id);
  }
});
