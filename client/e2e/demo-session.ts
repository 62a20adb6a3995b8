import { expect, type APIRequestContext, type Locator, type Page } from '@playwright/test';

// The demo accounts of the API in Development (api/Demo/DemoAccounts.cs) and how a journey signs them in and out.
export type Account = { email: string; password: string };
export const buyer: Account = { email: 'buyer@registry.example', password: 'demo-buyer-password' };
export const suppliers: Account[] = [
  { email: 'supplier1@registry.example', password: 'demo-supplier1-password' },
  { email: 'supplier2@registry.example', password: 'demo-supplier2-password' },
];

/** Fills the sign-in form the page shows and submits it. */
export async function signIn(page: Page, account: Account) {
  const form = page.locator('form');
  await form.getByLabel('メールアドレス').fill(account.email);
  await form.getByLabel('パスワード').fill(account.password);
  await form.getByRole('button', { name: 'サインイン' }).click();
}

export async function signOut(page: Page) {
  await page.getByRole('banner').getByRole('button', { name: 'サインアウト' }).click();
  await expect(page.getByRole('banner').getByRole('link', { name: 'サインイン' })).toBeVisible();
}

/** Signs in through the API: the bearer header and the sites the account may edit. */
export async function apiSignIn(request: APIRequestContext, account: Account) {
  const answer = await request.post('/api/v1/auth/login', { data: account });
  expect(answer.ok()).toBe(true);
  const { accessToken, user } = (await answer.json()) as { accessToken: string; user: { supplierIds: string[] } };
  return { headers: { Authorization: `Bearer ${accessToken}` }, sites: user.supplierIds };
}

/** Types into a taxonomy picker and chooses the term `code`, which must show its label (and `label`, when given), not its code. */
export async function pick(page: Page, scope: Locator, text: string, code: string, label?: string) {
  await scope.getByRole('combobox').fill(text);
  const option = page.locator(`[role="option"][data-code="${code}"]`);
  if (label) {
    await expect(option).toContainText(label);
  }
  await expect(option).not.toContainText(code);
  await option.click();
}
