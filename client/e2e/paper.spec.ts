import { readFile } from 'node:fs/promises';
import { inflateRawSync } from 'node:zlib';
import { expect, test, type APIRequestContext, type Page } from '@playwright/test';

// 紙と Excel: 事業所の会社概要（A4 の印刷用ページ）と、コーディネーターの表の Excel ダウンロード。
// API を Development で動かし、そのデモデータ（愛知県の事業所）とデモアカウントに対して実行する（scripts/test）。
const coordinator = { email: 'coordinator@registry.example', password: 'demo-coordinator-password' };

const sections = ['capabilities', 'equipment', 'certifications', 'staff', 'capacity', 'contact'] as const;
type SectionName = (typeof sections)[number];

interface Profile {
  id: string;
  nameJa: string;
  [section: string]: unknown;
}

async function signIn(page: Page, next: string) {
  await page.goto(`/login?next=${encodeURIComponent(next)}`);
  const form = page.locator('form');
  await form.getByLabel('メールアドレス').fill(coordinator.email);
  await form.getByLabel('パスワード').fill(coordinator.password);
  await form.getByRole('button', { name: 'サインイン' }).click();
  await expect(page).toHaveURL(new RegExp(`${next}$`));
}

/** 公開中のデモ事業所を、サインインしていない人が API から受け取るとおりに（非公開の節は hidden: true）。 */
async function publicProfiles(request: APIRequestContext, count: number): Promise<Profile[]> {
  const list = await request.get(`/api/v1/suppliers?limit=${count}`);
  expect(list.ok()).toBe(true);
  const { items } = (await list.json()) as { items: { id: string }[] };
  expect(items.length).toBeGreaterThan(0);
  return Promise.all(
    items.map(async ({ id }) => {
      const answer = await request.get(`/api/v1/suppliers/${id}`);
      expect(answer.ok()).toBe(true);
      return (await answer.json()) as Profile;
    }),
  );
}

const hiddenIn = (profile: Profile, name: SectionName) => (profile[name] as { hidden: boolean }).hidden;

/** PDF のページ数: /Type /Page のオブジェクト（/Type /Pages は数えない）。 */
function pdfPageCount(pdf: Buffer): number {
  return (pdf.toString('latin1').match(/\/Type\s*\/Page(?![a-zA-Z])/g) ?? []).length;
}

/** zip の中身（名前 → 伸長した内容）: 中央ディレクトリを読み、各項目を展開する。.xlsx が zip であることの確認を兼ねる。 */
function unzip(zip: Buffer): Map<string, Buffer> {
  const end = zip.lastIndexOf(Buffer.from([0x50, 0x4b, 0x05, 0x06]));
  expect(end, 'zip の終端レコード').toBeGreaterThanOrEqual(0);
  const entries = zip.readUInt16LE(end + 10);
  let at = zip.readUInt32LE(end + 16);
  const files = new Map<string, Buffer>();
  for (let i = 0; i < entries; i++) {
    expect(zip.readUInt32LE(at), '中央ディレクトリの項目').toBe(0x02014b50);
    const method = zip.readUInt16LE(at + 10);
    const compressedSize = zip.readUInt32LE(at + 20);
    const nameLength = zip.readUInt16LE(at + 28);
    const extraLength = zip.readUInt16LE(at + 30);
    const commentLength = zip.readUInt16LE(at + 32);
    const local = zip.readUInt32LE(at + 42);
    const name = zip.toString('utf8', at + 46, at + 46 + nameLength);
    expect(zip.readUInt32LE(local), `${name} のローカルヘッダー`).toBe(0x04034b50);
    const start = local + 30 + zip.readUInt16LE(local + 26) + zip.readUInt16LE(local + 28);
    const data = zip.subarray(start, start + compressedSize);
    files.set(name, method === 8 ? inflateRawSync(data) : Buffer.from(data));
    at += 46 + nameLength + extraLength + commentLength;
  }
  return files;
}

test('コーディネーターが事業所の会社概要を開き、印刷すると案内なしの A4 1〜2 ページになる', async ({ page, request }) => {
  const [site] = await publicProfiles(request, 1);
  await signIn(page, `/suppliers/${site!.id}`);
  await expect(page.getByRole('heading', { level: 1, name: site!.nameJa })).toBeVisible();

  await page.getByRole('link', { name: '印刷用の会社概要' }).click();
  await expect(page).toHaveURL(new RegExp(`/suppliers/${site!.id}/print$`));
  const sheet = page.getByTestId('company-sheet');
  await expect(sheet.getByRole('heading', { level: 1 })).toHaveText(site!.nameJa);
  await expect(page).toHaveTitle(`${site!.nameJa} 会社概要 | 地域ものづくりレジストリ`);

  // コーディネーターにはすべての節が見える: 非公開はない。基本情報・事業内容・工程も載る。
  for (const name of sections) {
    await expect(sheet.getByTestId(`sheet-${name}`)).toHaveAttribute('data-hidden', 'false');
  }
  await expect(sheet.getByTestId('sheet-hidden')).toHaveCount(0);
  // 所在地は名前で（都道府県と市区町村。市区町村の名前が分かれば、コードではなく名前）。
  await expect(sheet.getByTestId('sheet-place')).toHaveText(/^愛知県 \S+[市町村区]$/);
  await expect(sheet.getByTestId('sheet-processes').getByRole('listitem').first()).toBeVisible();
  await expect(sheet.getByTestId('sheet-footer')).toContainText('出典: 地域ものづくりレジストリ');
  await expect(sheet.getByRole('img', { name: /オンラインのプロフィールを開く QR コード/ })).toBeVisible();
  // 画面では印刷ボタンとサイトの案内がある。
  await expect(page.getByRole('button', { name: '印刷する' })).toBeVisible();
  await expect(page.getByRole('navigation', { name: 'メインメニュー' })).toBeVisible();

  // 印刷: サイトのヘッダー・案内・ボタンは消え、会社概要だけが残る。
  await page.emulateMedia({ media: 'print' });
  await expect(page.getByRole('banner')).toBeHidden();
  // 案内（nav）は DOM に残るが、紙には出ない: アクセシビリティツリーからも消える。
  await expect(page.getByRole('navigation')).toHaveCount(0);
  await expect(page.locator('nav').first()).toBeHidden();
  await expect(page.getByTestId('sheet-toolbar')).toBeHidden();
  await expect(page.getByRole('link', { name: '本文へ移動' })).toBeHidden();
  for (const name of ['facts', 'business', ...sections]) {
    await expect(sheet.getByTestId(`sheet-${name}`)).toBeVisible();
  }

  const pdf = await page.pdf({ format: 'A4' });
  expect(pdf.subarray(0, 5).toString('latin1')).toBe('%PDF-');
  const pages = pdfPageCount(pdf);
  expect(pages).toBeGreaterThanOrEqual(1);
  expect(pages).toBeLessThanOrEqual(2);
});

test('サインインしていない人の会社概要は、API が隠した節を「非公開」と書き、中身を載せない', async ({ page, request }) => {
  const profiles = await publicProfiles(request, 10);
  // 少なくとも一つの節が一般に非公開のデモ事業所（デモデータでは連絡先などが会員限定）。
  const site = profiles.find((profile) => sections.some((name) => hiddenIn(profile, name)));
  expect(site, '非公開の節があるデモ事業所').toBeDefined();

  await page.goto(`/suppliers/${site!.id}/print`);
  const sheet = page.getByTestId('company-sheet');
  await expect(sheet.getByRole('heading', { level: 1 })).toHaveText(site!.nameJa);
  for (const name of sections) {
    const section = sheet.getByTestId(`sheet-${name}`);
    if (hiddenIn(site!, name)) {
      await expect(section).toHaveAttribute('data-hidden', 'true');
      await expect(section.getByTestId('sheet-hidden')).toHaveText(/^非公開: (会員のみ|コーディネーターのみ)$/);
      await expect(section.locator('table, dl, ul')).toHaveCount(0);
    } else {
      await expect(section).toHaveAttribute('data-hidden', 'false');
      await expect(section.getByTestId('sheet-hidden')).toHaveCount(0);
    }
  }

  await page.emulateMedia({ media: 'print' });
  await expect(page.getByRole('banner')).toBeHidden();
  const pages = pdfPageCount(await page.pdf({ format: 'A4' }));
  expect(pages).toBeGreaterThanOrEqual(1);
  expect(pages).toBeLessThanOrEqual(2);
});

test('コーディネーターが地域分析の表を Excel（.xlsx）でダウンロードすると、同じ見出しと数値の入ったブックになる', async ({ page }) => {
  await signIn(page, '/analytics');
  await expect(page.getByRole('heading', { level: 1, name: '地域分析' })).toBeVisible();
  const families = page.getByTestId('family-coverage');
  const rows = families.getByTestId('families-table').locator('tbody tr');
  await expect(rows.first()).toBeVisible({ timeout: 15_000 });

  // CSV の隣にある。見える文字が名前の先頭に来る（axe: label-content-name-mismatch）。
  const button = families.getByRole('button', { name: /^Excel（\.xlsx）ダウンロード\s*（「工程分類別の対応状況」）$/ });
  await expect(families.getByRole('button', { name: /^CSV ダウンロード/ })).toBeVisible();
  const [download] = await Promise.all([page.waitForEvent('download'), button.click()]);
  expect(download.suggestedFilename()).toBe('region-coverage-by-process-family.xlsx');

  const files = unzip(await readFile((await download.path())!));
  expect([...files.keys()]).toEqual(expect.arrayContaining(['[Content_Types].xml', 'xl/workbook.xml', 'xl/worksheets/sheet1.xml']));
  // シート名は表の見出し（日本語）。
  expect(files.get('xl/workbook.xml')!.toString('utf8')).toContain('name="工程分類別の対応状況"');
  const sheet = files.get('xl/worksheets/sheet1.xml')!.toString('utf8');
  const shared = [...(files.get('xl/sharedStrings.xml')?.toString('utf8') ?? '').matchAll(/<t[^>]*>([^<]*)<\/t>/g)].map((m) => m[1]!);
  // 見出し行: A1 から H1 まで、画面の表と同じ見出し（共有文字列として）。
  const headers = ['A1', 'B1', 'C1', 'D1', 'E1', 'F1', 'G1', 'H1'].map((ref) => {
    const index = new RegExp(`<c r="${ref}"[^>]*t="s"[^>]*><v>(\\d+)</v>`).exec(sheet)?.[1];
    return index === undefined ? undefined : shared[Number(index)];
  });
  expect(headers).toEqual(['工程分類', 'コード', '地域の事業所', '確認済み', '受託可（条件付き含む）', '受注余力あり', '平均受注余力', '状況']);
  // 行数は画面の表と同じ。最初の工程分類の事業所数は数値のセル（t="s" ではない）で、画面の値と同じ。
  expect(sheet.match(/<row /g)).toHaveLength((await rows.count()) + 1);
  const sites = (await rows.first().locator('td').nth(1).textContent())!.replace(/,/g, '');
  expect(/<c r="C2"(?![^>]*t="s")[^>]*><v>([^<]+)<\/v>/.exec(sheet)?.[1]).toBe(sites);
  // 列幅と見出しのオートフィルター。
  expect(sheet).toMatch(/<cols>.*<col [^>]*width=/);
  expect(sheet).toContain('<autoFilter ref="A1:H');
});
