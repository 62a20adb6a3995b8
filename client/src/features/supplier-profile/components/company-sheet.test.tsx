import { render, screen, waitFor, within } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { MemoryRouter } from 'react-router';
import { afterEach, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { routes } from '@/app/router';
import { createSession, SessionProvider, type Session } from '@/lib/auth';
import type { SupplierProfile } from '@/lib/api/suppliers';
import { I18nProvider } from '@/lib/i18n';
import { clearPlaceCache } from '@/lib/places';
import { json } from '@/testing/fake-auth-api';
import { installFakeApi } from '@/testing/fake-registry-api';
import { anonymousProfile } from '@/testing/fixtures';
import { renderRoutes, testSession } from '@/testing/render';
import { CompanySheetView } from './company-sheet';

const url = 'http://registry.test/suppliers/01a2268a-3bf5-7fc9-be46-13a8deec6a25';

function renderSheet(profile: SupplierProfile) {
  render(
    <I18nProvider>
      <SessionProvider session={createSession({ lock: (run) => run() })}>
        <MemoryRouter>
          <CompanySheetView profile={profile} profileUrl={url} printedOn={new Date(2026, 11, 6, 10, 0)} />
        </MemoryRouter>
      </SessionProvider>
    </I18nProvider>,
  );
}

/** The profile as a coordinator gets it: every section visible, with entries. */
function coordinatorProfile(): SupplierProfile {
  return anonymousProfile({
    contact: { level: 'coordinators', hidden: false, name: '山田 太郎', email: 'yamada@example.jp', phone: '0564-00-0000' },
    equipment: {
      level: 'public',
      hidden: false,
      items: [{ id: 'eq-1', typeCode: 'press.servo', maker: 'アマダ', model: 'SDE-8025', count: 2, specValue: 80, specUnit: 'tf', year: 2019, version: 1 }],
    },
    staff: { level: 'members', hidden: false, items: [{ id: 'st-1', qualificationCode: 'welding.jis_z3801', headcount: 4, version: 1 }] },
    capacity: {
      level: 'members',
      hidden: false,
      contractAcceptance: 'open',
      spareCapacityPct: 20,
      spareCapacityValidUntil: '2027-02-28',
      spareCapacityExpired: false,
      typicalLeadDays: 14,
      minLot: 10,
    },
    challenges: { level: 'coordinators', hidden: false, weaknesses: '内部メモ', challenges: '内部メモ' },
  });
}

const municipalities = () =>
  json([{ code: '232025', code5: '23202', nameJa: '岡崎市', nameKana: 'オカザキシ', nameEn: 'Okazaki-shi', kind: 'municipality', prefecture: { code: '23', nameJa: '愛知県', nameEn: 'Aichi' } }]);

beforeEach(() => {
  clearPlaceCache();
  installFakeApi({ 'GET /api/v1/places/municipalities': municipalities });
});

describe('the company sheet (会社概要)', () => {
  it('says 非公開 with who may see it for each section the reader may not see, never leaves it out or empty', () => {
    renderSheet(anonymousProfile());

    for (const [name, level] of [
      ['contact', 'コーディネーターのみ'],
      ['staff', '会員のみ'],
      ['capacity', '会員のみ'],
    ] as const) {
      const section = screen.getByTestId(`sheet-${name}`);
      expect(section).toHaveAttribute('data-hidden', 'true');
      expect(within(section).getByTestId('sheet-hidden')).toHaveTextContent(`非公開: ${level}`);
      expect(within(section).queryByTestId('sheet-empty')).not.toBeInTheDocument();
      expect(within(section).queryByRole('definition')).not.toBeInTheDocument();
    }
    // A visible section with nothing recorded says so, which is not the same.
    const equipment = screen.getByTestId('sheet-equipment');
    expect(equipment).toHaveAttribute('data-hidden', 'false');
    expect(within(equipment).getByTestId('sheet-empty')).toHaveTextContent('登録はありません。');
    expect(within(equipment).queryByTestId('sheet-hidden')).not.toBeInTheDocument();
  });

  it('shows the company, place, facts, business, processes, capabilities and certifications with validity', async () => {
    renderSheet(anonymousProfile());

    expect(screen.getByRole('heading', { level: 1 })).toHaveTextContent('山田精工');
    const sheet = screen.getByTestId('company-sheet');
    expect(sheet).toHaveTextContent('ヤマダセイコウ');
    expect(sheet).toHaveTextContent('Yamada Seiko (demo)');
    // The place by name (the municipality from the places data set), the address below it.
    await waitFor(() => expect(screen.getByTestId('sheet-place').textContent).toBe('愛知県 岡崎市'));
    expect(screen.getByTestId('sheet-address')).toHaveTextContent('〒444-5703 愛知県岡崎市デモ町15-49');
    const facts = screen.getByTestId('sheet-facts');
    expect(facts).toHaveTextContent('創業年1988');
    expect(facts).toHaveTextContent('従業員数139 人');
    expect(facts).toHaveTextContent('資本金2,000,000 円');
    expect(screen.getByTestId('sheet-business')).toHaveTextContent('精密切削の工場です。');
    expect(screen.getByTestId('sheet-business')).toHaveTextContent('±5µm の精密切削');
    expect(await within(screen.getByTestId('sheet-processes')).findByText('5軸加工')).toBeInTheDocument();
    const capabilities = screen.getByTestId('sheet-capabilities');
    expect(within(capabilities).getByText('±5 µm')).toBeInTheDocument();
    expect(within(capabilities).getByText('900 × 720 × 630 mm')).toBeInTheDocument();
    const certifications = screen.getByTestId('sheet-certifications');
    expect(await within(certifications).findByText('ISO 9001（品質マネジメントシステム）')).toBeInTheDocument();
    expect(certifications).toHaveTextContent('有効期限 2028-06-07');
  });

  it('shows the municipality code while its name is unknown, never a guess', async () => {
    installFakeApi({});
    renderSheet(anonymousProfile({ address: null, postalCode: null }));
    await waitFor(() => expect(screen.getByTestId('sheet-place').textContent).toBe('愛知県 （市区町村コード 232025）'));
    expect(screen.queryByTestId('sheet-address')).not.toBeInTheDocument();
  });

  it("shows a coordinator every section the API gave, machines with maker, model, count and key spec, but not the site's own notes", async () => {
    renderSheet(coordinatorProfile());

    expect(screen.queryByTestId('sheet-hidden')).not.toBeInTheDocument();
    const equipment = screen.getByTestId('sheet-equipment');
    expect(await within(equipment).findByText('サーボプレス')).toBeInTheDocument();
    const row = within(equipment).getAllByRole('row')[1]!;
    expect(within(row).getAllByRole('cell').map((cell) => cell.textContent)).toEqual(['アマダ SDE-8025', '2', '80 tf', '2019']);
    expect(await within(screen.getByTestId('sheet-staff')).findByText('溶接技能者（JIS Z 3801）: 4 名')).toBeInTheDocument();
    expect(screen.getByTestId('sheet-capacity')).toHaveTextContent('受託可');
    expect(screen.getByTestId('sheet-capacity')).toHaveTextContent('20 % （2027-02-28 まで）');
    const contact = screen.getByTestId('sheet-contact');
    expect(contact).toHaveTextContent('山田 太郎');
    expect(contact).toHaveTextContent('yamada@example.jp');
    expect(contact).toHaveTextContent('0564-00-0000');
    expect(screen.getByTestId('company-sheet')).not.toHaveTextContent('内部メモ');
  });

  it('is dated and sourced, and carries a QR code of the online profile', () => {
    renderSheet(anonymousProfile());

    const footer = screen.getByTestId('sheet-footer');
    expect(within(footer).getByTestId('sheet-printed-on')).toHaveTextContent('印刷日: 2026-12-06');
    expect(footer).toHaveTextContent('出典: 地域ものづくりレジストリ');
    expect(footer).toHaveTextContent(url);
    const qr = screen.getByRole('img', { name: `オンラインのプロフィールを開く QR コード（${url}）` });
    expect(qr).toHaveAttribute('data-text', url);
    // A real code: version 3 or more for this length (29+ modules, plus 8 of quiet zone), with dark modules drawn.
    expect(Number(qr.getAttribute('viewBox')!.split(' ')[2])).toBeGreaterThanOrEqual(37);
    expect(qr.querySelector('path')!.getAttribute('d')!.length).toBeGreaterThan(1000);
  });

  it('offers printing and the way back to the profile', () => {
    renderSheet(anonymousProfile());

    const bar = screen.getByTestId('sheet-toolbar');
    expect(within(bar).getByRole('button', { name: '印刷する' })).toBeEnabled();
    expect(within(bar).getByRole('link', { name: '← プロフィールへ戻る' })).toHaveAttribute(
      'href',
      '/suppliers/01a2268a-3bf5-7fc9-be46-13a8deec6a25',
    );
  });

  it('in English: the English name first, the Japanese one below, English headings', () => {
    window.localStorage.setItem('registry.language', 'en');
    renderSheet(anonymousProfile());

    expect(screen.getByRole('heading', { level: 1 })).toHaveTextContent('Yamada Seiko (demo)');
    expect(screen.getByTestId('company-sheet')).toHaveTextContent('山田精工');
    expect(within(screen.getByTestId('sheet-contact')).getByTestId('sheet-hidden')).toHaveTextContent('Hidden: Coordinators only');
    expect(screen.getByTestId('sheet-printed-on')).toHaveTextContent('Printed: 2026-12-06');
  });
});

describe('the company sheet page', () => {
  let session: Session;
  afterEach(() => session.dispose());
  // The page is its own chunk (a lazy route): loaded once here, so that the test does not wait on its transform.
  beforeAll(async () => {
    await import('@/app/routes/supplier-print');
  });

  it('is reached from the profile, loads the site and is titled with its name', async () => {
    const profile = anonymousProfile();
    installFakeApi({ [`GET /api/v1/suppliers/${profile.id}`]: () => json(profile) });
    session = testSession();
    renderRoutes(routes, `/suppliers/${profile.id}`, session);

    const link = await screen.findByRole('link', { name: '印刷用の会社概要' });
    expect(link).toHaveAttribute('href', `/suppliers/${profile.id}/print`);
    await userEvent.setup().click(link);

    expect(await screen.findByTestId('company-sheet', {}, { timeout: 10_000 })).toBeInTheDocument();
    expect(screen.getByRole('heading', { level: 1 })).toHaveTextContent('山田精工');
    await waitFor(() => expect(document.title).toBe('山田精工 会社概要 | 地域ものづくりレジストリ'));
  });
});
