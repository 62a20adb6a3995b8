import { expect, test, type Page } from '@playwright/test';

// The demo accounts exist when the API runs in Development (scripts/run).
const coordinator = { email: 'coordinator@registry.example', password: 'demo-coordinator-password' };
const member = { email: 'buyer@registry.example', password: 'demo-buyer-password' };

async function signIn(page: Page, account: { email: string; password: string }) {
  const form = page.locator('form');
  await form.getByLabel('メールアドレス').fill(account.email);
  await form.getByLabel('パスワード').fill(account.password);
  await form.getByRole('button', { name: 'サインイン' }).click();
}

// Runs before the successful sign-in below, which clears the account's failure count again: repeated runs do not
// get the coordinator throttled (each run still adds one failure to this address's count).
test('a wrong password is refused with a message and no sign-in', async ({ page }) => {
  await page.goto('/login');

  await signIn(page, { email: coordinator.email, password: 'not-the-password' });

  await expect(page.getByRole('alert')).toHaveText('メールアドレスまたはパスワードが正しくありません。');
  await expect(page).toHaveURL(/\/login$/);
  await expect(page.getByRole('banner').getByRole('link', { name: 'サインイン' })).toBeVisible();
});

test('a coordinator signs in, reads the audit log, stays signed in across a reload and signs out', async ({ page }) => {
  await page.goto('/');
  const header = page.getByRole('banner');
  await header.getByRole('link', { name: 'サインイン' }).click();
  await expect(page.getByRole('heading', { level: 1, name: 'サインイン' })).toBeVisible();

  await signIn(page, coordinator);

  await expect(page).toHaveURL(/\/$/);
  await expect(header.getByTestId('user-menu')).toContainText('地域 コーディネーター');
  await expect(header.getByTestId('user-role')).toHaveText('コーディネーター');
  await expect(header.getByRole('link', { name: 'アカウント管理' })).toHaveCount(0);

  await header.getByRole('link', { name: '監査ログ' }).click();
  await expect(page).toHaveURL(/\/audit$/);
  const audit = page.getByTestId('audit-table');
  await expect(audit.getByRole('cell', { name: 'サインイン', exact: true }).first()).toBeVisible();

  // The access token lives in memory only: a reload signs in again with the stored refresh token.
  await page.reload();
  await expect(header.getByTestId('user-role')).toHaveText('コーディネーター');
  await expect(audit.getByRole('cell', { name: 'サインイン', exact: true }).first()).toBeVisible();

  await header.getByRole('button', { name: 'サインアウト' }).click();
  await expect(header.getByRole('link', { name: 'サインイン' })).toBeVisible();
  await expect(header.getByTestId('user-menu')).toHaveCount(0);
  await expect(page).toHaveURL(/\/$/);

  await page.goto('/audit');
  await expect(page).toHaveURL(/\/login\?next=%2Faudit$/);
  await expect(page.getByRole('heading', { level: 1, name: 'サインイン' })).toBeVisible();
});

test('a signed-out visit to /audit returns there after signing in', async ({ page }) => {
  await page.goto('/audit');
  await expect(page).toHaveURL(/\/login\?next=%2Faudit$/);

  await signIn(page, coordinator);

  await expect(page).toHaveURL(/\/audit$/);
  await expect(page.getByTestId('audit-table')).toBeVisible();
});

test('a member is told that the audit log is not for their role', async ({ page }) => {
  await page.goto('/login?next=%2Faudit');

  await signIn(page, member);

  await expect(page).toHaveURL(/\/audit$/);
  await expect(page.getByTestId('forbidden')).toContainText('現在のロール（一般会員）では、このページを利用できません。');
  await expect(page.getByRole('banner').getByRole('link', { name: '監査ログ' })).toHaveCount(0);
  await page.getByRole('banner').getByRole('link', { name: 'マイアカウント' }).click();
  await expect(page.getByTestId('current-user')).toContainText('buyer@registry.example');
});

// Tabs share the refresh token through localStorage and rotate it under a Web Lock: reloading two tabs at once must
// not present the same token twice (the API would revoke the sign-in as reused).
test('two tabs reloaded together both stay signed in', async ({ context }) => {
  const first = await context.newPage();
  await first.goto('/login');
  await signIn(first, coordinator);
  await expect(first.getByTestId('user-role')).toHaveText('コーディネーター');
  const second = await context.newPage();
  await second.goto('/account');
  await expect(second.getByTestId('current-user')).toContainText('coordinator@registry.example');

  for (let round = 0; round < 3; round++) {
    await Promise.all([first.reload(), second.reload()]);
    await expect(first.getByTestId('user-role')).toHaveText('コーディネーター');
    await expect(second.getByTestId('current-user')).toContainText('coordinator@registry.example');
  }

  await first.getByRole('button', { name: 'サインアウト' }).click();
  await second.reload();
  await expect(second).toHaveURL(/\/login\?next=%2Faccount$/);
});
