import { expect, test, type APIRequestContext, type Browser, type Locator, type Page } from '@playwright/test';
import { apiSignIn, type Account } from './demo-session';

// Issue 18 item 8 in the browser, on the demo data of the API in Development (scripts/run): a demo supplier whose site
// is a member of the demo automotive cluster proposes a theme and invites another member; that member's account
// accepts; the cluster's coordinator returns it with a reason; the proposer revises it; the coordinator adopts it.
// The database is shared: the theme has a title of its own, and what the test changed is put back afterwards.
const coordinator: Account = { email: 'coordinator@registry.example', password: 'demo-coordinator-password' };
const proposer: Account = { email: 'supplier3@registry.example', password: 'demo-supplier3-password' };
const partner: Account = { email: 'supplier4@registry.example', password: 'demo-supplier4-password' };

type Headers = Record<string, string>;
interface Member {
  supplierId: string;
  nameJa: string;
  status: 'applied' | 'member';
}

async function clusterId(request: APIRequestContext, code: string): Promise<string> {
  const answer = await request.get('/api/v1/clusters?limit=50');
  expect(answer.ok()).toBe(true);
  const { items } = (await answer.json()) as { items: { id: string; code: string; status: string }[] };
  const cluster = items.find((c) => c.code === code && c.status === 'published');
  expect(cluster, `the demo cluster ${code}`).toBeDefined();
  return cluster!.id;
}

/**
 * Makes `site` a member of the cluster as its coordinator would (added at once; an applicant accepted). Answers whether
 * the test did so, to undo it afterwards.
 */
async function ensureMember(request: APIRequestContext, cluster: string, site: string, headers: Headers): Promise<boolean> {
  const members = (await (await request.get(`/api/v1/clusters/${cluster}/members`, { headers })).json()) as Member[];
  const found = members.find((m) => m.supplierId === site);
  if (found?.status === 'member') {
    return false;
  }
  if (!found) {
    expect((await request.post(`/api/v1/clusters/${cluster}/members`, { headers, data: { supplierId: site } })).ok()).toBe(true);
  }
  const added = (await (await request.get(`/api/v1/clusters/${cluster}/members`, { headers })).json()) as Member[];
  if (added.find((m) => m.supplierId === site)?.status === 'applied') {
    expect((await request.post(`/api/v1/clusters/${cluster}/members/${site}/accept`, { headers })).ok()).toBe(true);
  }
  return true;
}

/** A browser of its own for `account`, signed in on the cluster's page. */
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

function themeCard(page: Page, title: string): Locator {
  return page.getByTestId('cluster-themes').getByTestId('theme').filter({ has: page.getByRole('heading', { name: title, exact: true }) });
}

test('a member proposes a theme, the invited member accepts, the coordinator returns it, the proposer revises it and it is adopted', async ({
  browser,
  request,
}) => {
  test.setTimeout(180_000);
  const asCoordinator = await apiSignIn(request, coordinator);
  const asProposer = await apiSignIn(request, proposer);
  const asPartner = await apiSignIn(request, partner);
  const [proposerSite, partnerSite] = [asProposer.sites[0]!, asPartner.sites[0]!];
  const cluster = await clusterId(request, 'nishi-mikawa-auto');
  const added: string[] = [];
  for (const site of [proposerSite, partnerSite]) {
    if (await ensureMember(request, cluster, site, asCoordinator.headers)) {
      added.push(site);
    }
  }
  const nameOf = async (site: string) => ((await (await request.get(`/api/v1/suppliers/${site}`)).json()) as { nameJa: string }).nameJa;
  const [proposerName, partnerName] = [await nameOf(proposerSite), await nameOf(partnerSite)];
  const title = `E2E 提案テーマ ${Date.now()}`;
  const path = `/clusters/${cluster}`;
  let themeId: string | null = null;

  try {
    // The proposer's account: 「テーマを提案する」, a joint development inviting the partner member.
    const proposing = await openAs(browser, proposer, path);
    const themes = proposing.getByTestId('cluster-themes');
    await themes.getByRole('button', { name: 'テーマを提案する' }).click();
    const form = themes.getByRole('form', { name: 'テーマの提案内容' });
    await form.getByLabel('共同開発').check();
    await form.getByLabel(/テーマ名/).fill(title);
    await form.getByLabel('目標').fill('鍛造と旋盤の一体設計で 10 % 軽量化');
    // Its own site is never among the partners to invite.
    await expect(form.getByTestId('invitee').filter({ hasText: proposerName })).toHaveCount(0);
    await form.getByTestId('invitee').filter({ hasText: partnerName }).getByRole('checkbox').check();
    const created = proposing.waitForResponse((r) => r.url().endsWith(`/clusters/${cluster}/themes/proposals`) && r.request().method() === 'POST');
    await form.getByRole('button', { name: '提案する' }).click();
    expect((await created).status()).toBe(201);
    themeId = ((await (await created).json()) as { id: string }).id;
    let card = themeCard(proposing, title);
    await expect(card.getByTestId('theme-status')).toHaveText('提案中');
    await expect(card.getByTestId('proposed-by')).toHaveText(`提案: ${proposerName}`);
    const invitation = card.getByTestId('invitation').filter({ hasText: partnerName });
    await expect(invitation.getByTestId('invitation-status')).toHaveText('回答待ち');
    await proposing.context().close();

    // The invited member's account accepts: its site joins the theme.
    const accepting = await openAs(browser, partner, path);
    card = themeCard(accepting, title);
    await card.getByTestId('invitation').filter({ hasText: partnerName }).getByRole('button', { name: '承諾' }).click();
    await expect(card.getByTestId('invitation').filter({ hasText: partnerName }).getByTestId('invitation-status')).toHaveText('承諾');
    await expect(card.getByTestId('participant').filter({ hasText: partnerName })).toHaveCount(1);
    await accepting.context().close();

    // The cluster's coordinator returns it with the reason.
    const reason = '目標の時期と数量を具体的にしてください。';
    const returning = await openAs(browser, coordinator, path);
    card = themeCard(returning, title);
    await card.getByRole('button', { name: '差し戻す' }).click();
    await card.getByLabel(/差し戻しの理由/).fill(reason);
    await card.getByTestId('return-form').getByRole('button', { name: '差し戻す' }).click();
    await expect(card.getByTestId('theme-status')).toHaveText('差し戻し');
    await expect(card.getByTestId('return-reason')).toHaveText(`差し戻しの理由: ${reason}`);
    await returning.context().close();

    // The proposer reads why, revises it and proposes it again; the accepted invitation keeps its answer.
    const revising = await openAs(browser, proposer, path);
    card = themeCard(revising, title);
    await expect(card.getByTestId('return-reason')).toHaveText(`差し戻しの理由: ${reason}`);
    await card.getByRole('button', { name: '修正して再提案' }).click();
    const revision = card.getByRole('form', { name: '提案の修正内容' });
    await revision.getByLabel('目標').fill('2027 年度末までに試作 50 個、10 % 軽量化');
    await revision.getByRole('button', { name: '修正して再提案する' }).click();
    await expect(card.getByTestId('theme-status')).toHaveText('提案中');
    await expect(card.getByTestId('return-reason')).toHaveCount(0);
    await expect(card).toContainText('2027 年度末までに試作 50 個');
    await expect(card.getByTestId('invitation').filter({ hasText: partnerName }).getByTestId('invitation-status')).toHaveText('承諾');
    await revising.context().close();

    // The coordinator adopts it: 開始.
    const adopting = await openAs(browser, coordinator, path);
    card = themeCard(adopting, title);
    await card.getByRole('button', { name: '開始する' }).click();
    await expect(card.getByTestId('theme-status')).toHaveText('進行中');
    const stored = (await (await request.get(`/api/v1/clusters/${cluster}/themes/${themeId}`, { headers: asCoordinator.headers })).json()) as {
      status: string;
      proposedBy: { supplierId: string };
      participants: { supplierId: string }[];
    };
    expect(stored.status).toBe('active');
    expect(stored.proposedBy.supplierId).toBe(proposerSite);
    expect(stored.participants.map((p) => p.supplierId).sort()).toEqual([proposerSite, partnerSite].sort());
    await adopting.context().close();
  } finally {
    // Themes are not deleted: the test's one is dropped. Sites the test made members leave again.
    if (themeId) {
      await request.post(`/api/v1/clusters/${cluster}/themes/${themeId}/drop`, { headers: asCoordinator.headers });
    }
    for (const site of added) {
      await request.delete(`/api/v1/clusters/${cluster}/members/${site}`, { headers: asCoordinator.headers });
    }
  }
});
