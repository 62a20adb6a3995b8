import { expect, test, type APIRequestContext, type Page } from '@playwright/test';

// Runs against the API in Development (scripts/run) with its demo region, demo accounts and the demo integrator client
// (which has every scope). Integrators have no pages: the test holds a row back the way one would, through the API.
const coordinator = { email: 'coordinator@registry.example', password: 'demo-coordinator-password' };
const integrator = { id: '019a0000-0000-7000-8000-0000000000c1', secret: 'rcs_demo-integrator-secret' };

// The rows this suite imports have external ids with this prefix; the sites they become, this English name.
const externalIdPrefix = 'e2e-dup-';
const nameEnPrefix = 'E2E duplicate ';

interface Site {
  id: string;
  nameJa: string;
  prefectureCode: string;
  location?: { lat: number; lon: number } | null;
}

interface HeldRow {
  id: string;
  externalId: string;
}

interface ImportJob {
  status: 'queued' | 'running' | 'succeeded' | 'failed';
  flagged?: number | null;
  problem?: string | null;
}

type Headers = Record<string, string>;

const bearer = (token: string): Headers => ({ Authorization: `Bearer ${token}` });

async function integratorToken(request: APIRequestContext): Promise<string> {
  const answer = await request.post('/api/v1/auth/token', {
    headers: { Authorization: `Basic ${Buffer.from(`${integrator.id}:${integrator.secret}`).toString('base64')}` },
    form: { grant_type: 'client_credentials' },
  });
  expect(answer.status()).toBe(200);
  return ((await answer.json()) as { access_token: string }).access_token;
}

async function coordinatorToken(request: APIRequestContext): Promise<string> {
  const answer = await request.post('/api/v1/auth/login', { data: coordinator });
  expect(answer.status()).toBe(200);
  return ((await answer.json()) as { accessToken: string }).accessToken;
}

/** RFC 4180: a field with a comma, quote or line break is quoted. */
function csvField(value: string | number): string {
  const text = String(value);
  return /[",\r\n]/.test(text) ? `"${text.replaceAll('"', '""')}"` : text;
}

/**
 * Imports, as the integrator, one unpublished row with the name, prefecture and location of `site` and waits for the
 * import to finish with that row held back as a probable duplicate.
 */
async function importLookalike(request: APIRequestContext, headers: Headers, site: Site, externalId: string) {
  const { lat, lon } = site.location!;
  const csv = [
    ['externalId', 'nameJa', 'nameEn', 'prefectureCode', 'lat', 'lon', 'publish'],
    [externalId, site.nameJa, `${nameEnPrefix}${externalId}`, site.prefectureCode, lat, lon, 'false'],
  ]
    .map((fields) => fields.map(csvField).join(',') + '\r\n')
    .join('');
  const queued = await request.post('/api/v1/imports', {
    headers: { ...headers, 'Content-Type': 'text/csv' },
    data: csv,
  });
  expect(queued.status(), await queued.text()).toBe(202);
  const location = queued.headers()['location'];
  expect(location).toMatch(/^\/api\/v1\/imports\/[0-9a-f-]{36}$/);

  let job: ImportJob = { status: 'queued' };
  await expect
    .poll(
      async () => {
        job = (await (await request.get(location!, { headers })).json()) as ImportJob;
        return job.status;
      },
      { timeout: 20_000 },
    )
    .not.toMatch(/^(queued|running)$/);
  expect({ status: job.status, flagged: job.flagged }, job.problem ?? '').toEqual({ status: 'succeeded', flagged: 1 });
}

/**
 * The unpublished sites that dismissed rows of this suite became, by their English name: such a site is unverified,
 * so the verification queue lists it.
 */
async function lookalikeSites(request: APIRequestContext, headers: Headers) {
  const sites: { id: string; nameEn: string }[] = [];
  let cursor: string | null = null;
  do {
    const params: Record<string, string | number> = cursor ? { limit: 200, cursor } : { limit: 200 };
    const answer = await request.get('/api/v1/suppliers/verification-queue', { headers, params });
    expect(answer.ok()).toBe(true);
    const page = (await answer.json()) as {
      items: { id: string; status: string; municipalityCode?: string | null }[];
      nextCursor?: string | null;
    };
    // The rows this suite imports have no municipality; the demo region's sites all have one.
    for (const item of page.items.filter((i) => i.status === 'draft' && !i.municipalityCode)) {
      const answer = await request.get(`/api/v1/suppliers/${item.id}`, { headers });
      const profile = (await answer.json()) as { nameEn?: string | null };
      if (profile.nameEn?.startsWith(nameEnPrefix)) {
        sites.push({ id: item.id, nameEn: profile.nameEn });
      }
    }
    cursor = page.nextCursor ?? null;
  } while (cursor);
  return sites;
}

/**
 * Leaves the demo data as it was: rows of this suite still held (a run that failed half-way) are dismissed, and the
 * sites dismissed rows became are archived.
 */
async function removeTestData(request: APIRequestContext, headers: Headers) {
  for (const row of await heldRows(request, headers)) {
    if (row.externalId.startsWith(externalIdPrefix)) {
      expect((await request.post(`/api/v1/imports/duplicates/${row.id}/dismiss`, { headers })).ok()).toBe(true);
    }
  }
  for (const site of await lookalikeSites(request, headers)) {
    expect((await request.post(`/api/v1/suppliers/${site.id}/archive`, { headers })).ok()).toBe(true);
  }
}

async function heldRows(request: APIRequestContext, headers: Headers): Promise<HeldRow[]> {
  const answer = await request.get('/api/v1/imports/duplicates', { headers });
  expect(answer.ok()).toBe(true);
  return (await answer.json()) as HeldRow[];
}

// Calls without a token count against the API's per-address rate limit, which the whole e2e suite shares (all from
// 127.0.0.1): this test asks for one token per role and otherwise calls with them.
test('a coordinator opens the held import rows from the header and registers one as a site of its own', async ({
  page,
  request,
}) => {
  const asIntegrator = bearer(await integratorToken(request));
  const asCoordinator = bearer(await coordinatorToken(request));
  try {
    await dismissLookalike(page, request, asIntegrator, asCoordinator);
  } finally {
    await removeTestData(request, asCoordinator);
  }
});

async function dismissLookalike(page: Page, request: APIRequestContext, asIntegrator: Headers, asCoordinator: Headers) {
  // A row that looks like a published demo site (same name, within 1 km), imported with an external id of its own.
  const found = await request.get('/api/v1/suppliers', { params: { limit: 1 }, headers: asIntegrator });
  expect(found.ok()).toBe(true);
  const site = ((await found.json()) as { items: Site[] }).items[0]!;
  expect(site.location).toBeTruthy();
  const externalId = `${externalIdPrefix}${Date.now().toString(36)}`;
  await importLookalike(request, asIntegrator, site, externalId);

  await page.goto('/login?next=%2Faccount');
  const form = page.locator('form');
  await form.getByLabel('メールアドレス').fill(coordinator.email);
  await form.getByLabel('パスワード').fill(coordinator.password);
  await form.getByRole('button', { name: 'サインイン' }).click();
  await expect(page).toHaveURL(/\/account$/);
  await page.getByRole('banner').getByRole('link', { name: '重複候補の確認' }).click();
  await expect(page).toHaveURL(/\/imports\/duplicates$/);
  await expect(page.getByRole('heading', { level: 1, name: '重複候補の確認' })).toBeVisible();

  // The row, by its external id: the imported name, the site it resembles (linked to its profile) and why.
  const row = page.getByTestId('duplicate-row').filter({ hasText: `外部 ID ${externalId}・1 行目` });
  await expect(row).toHaveCount(1);
  await expect(row).toContainText(site.nameJa);
  await expect(row.getByTestId('duplicate-reason')).toHaveText('1 km 以内に似た名称');
  await expect(row.getByRole('link')).toHaveAttribute('href', /^\/suppliers\/[0-9a-f-]{36}$/);

  // Nothing happens before the question is answered.
  await row.getByRole('button', { name: `${site.nameJa} を別の事業所として登録`, exact: true }).click();
  await expect(row.getByRole('group')).toContainText(`「${site.nameJa}」を別の事業所として登録しますか？`);
  // The answer the page acted on: the dismiss endpoint's, not merge's.
  const resolved = page.waitForResponse(
    (answer) => answer.request().method() === 'POST' && answer.url().includes('/api/v1/imports/duplicates/'),
  );
  await row.getByRole('button', { name: `${site.nameJa} を新しい事業所として登録する`, exact: true }).click();
  const answer = await resolved;
  expect(new URL(answer.url()).pathname).toMatch(/\/dismiss$/);
  expect(answer.status()).toBe(200);

  await expect(page.getByTestId('duplicate-outcome')).toHaveText(`「${site.nameJa}」を別の事業所として登録しました。`);
  await expect(row).toHaveCount(0);

  // The API agrees: the row is no longer held, and it became a site of its own (unpublished, as imported).
  expect((await heldRows(request, asCoordinator)).map((r) => r.externalId)).not.toContain(externalId);
  const sites = await lookalikeSites(request, asCoordinator);
  expect(sites.map((s) => s.nameEn)).toContain(`${nameEnPrefix}${externalId}`);
}
