import { render, screen, within } from '@testing-library/react';
import { MemoryRouter } from 'react-router';
import { beforeEach, describe, expect, it } from 'vitest';
import { createSession, SessionProvider } from '@/lib/auth';
import { I18nProvider } from '@/lib/i18n';
import { anonymousProfile } from '@/testing/fixtures';
import { installFakeApi } from '@/testing/fake-registry-api';
import type { SupplierProfile } from '@/lib/api/suppliers';
import { headlineCodes } from './process-headlines';
import { ProfileView } from './supplier-profile';

function renderProfile(profile: SupplierProfile) {
  render(
    <I18nProvider>
      <SessionProvider session={createSession({ lock: (run) => run() })}>
        <MemoryRouter>
          <ProfileView profile={profile} />
        </MemoryRouter>
      </SessionProvider>
    </I18nProvider>,
  );
}

beforeEach(() => {
  installFakeApi({});
});

describe('a profile section the caller may not see', () => {
  it('is shown as hidden with who may see it, not as empty', () => {
    renderProfile(anonymousProfile());

    const contact = screen.getByTestId('section-contact');
    expect(contact).toHaveAttribute('data-hidden', 'true');
    expect(within(contact).getByTestId('section-hidden')).toHaveTextContent('非公開: コーディネーターのみ');
    expect(within(contact).queryByTestId('section-empty')).not.toBeInTheDocument();
    expect(within(screen.getByTestId('section-staff')).getByTestId('section-hidden')).toHaveTextContent('非公開: 会員のみ');
    expect(within(screen.getByTestId('section-capacity')).getByTestId('section-hidden')).toHaveTextContent('非公開: 会員のみ');
    expect(within(screen.getByTestId('section-challenges')).getByTestId('section-hidden')).toHaveTextContent(
      '非公開: コーディネーターのみ',
    );
  });

  it('differs from a visible section that has nothing recorded', () => {
    renderProfile(anonymousProfile());

    const equipment = screen.getByTestId('section-equipment');
    expect(equipment).toHaveAttribute('data-hidden', 'false');
    expect(within(equipment).getByTestId('section-empty')).toHaveTextContent('登録はありません。');
    expect(within(equipment).queryByTestId('section-hidden')).not.toBeInTheDocument();
    expect(within(equipment).getByTestId('disclosure-level')).toHaveTextContent('公開');
  });

  it('shows the data of visible sections', async () => {
    renderProfile(anonymousProfile());

    const certifications = screen.getByTestId('section-certifications');
    expect(await within(certifications).findByText('ISO 9001（品質マネジメントシステム）')).toBeInTheDocument();
    expect(within(screen.getByTestId('section-capabilities')).getByText('±5 µm')).toBeInTheDocument();
  });

  it('says so in English too', () => {
    window.localStorage.setItem('registry.language', 'en');
    renderProfile(anonymousProfile());

    expect(within(screen.getByTestId('section-contact')).getByTestId('section-hidden')).toHaveTextContent(
      'Hidden: Coordinators only',
    );
  });
});

describe('the rest of a profile', () => {
  it('shows when it was last confirmed, its verification and its most specific processes', async () => {
    renderProfile(anonymousProfile());

    expect(screen.getByTestId('freshness')).toHaveTextContent('最終確認: 2026-11-20');
    expect(screen.getByTestId('verification-status')).toHaveTextContent('コーディネーター確認済み');
    expect(await within(screen.getByTestId('process-headlines')).findByText('5軸加工')).toBeInTheDocument();
    expect(within(screen.getByTestId('process-headlines')).getAllByRole('listitem')).toHaveLength(1);
    expect(screen.queryByTestId('owner-actions')).not.toBeInTheDocument();
  });

  it('says an expired spare-capacity declaration has expired', () => {
    renderProfile(
      anonymousProfile({
        capacity: { level: 'public', hidden: false, spareCapacityExpired: true, spareCapacityValidUntil: '2026-08-31', contractAcceptance: 'open' },
      }),
    );

    expect(screen.getByTestId('spare-capacity')).toHaveTextContent('空き能力の申告は期限切れです（2026-08-31 まで）');
  });

  it('shows how the firm actually answers its orders when the service tells this caller', () => {
    renderProfile(anonymousProfile({ canEdit: true, answersOrdersBy: 'link', digitalReadiness: { edi: false, onlineOrdering: false, faxOnly: true } }));

    expect(screen.getByTestId('answers-orders-by')).toHaveTextContent('回答用リンク（FAX の注文書から）で回答');
  });

  it('says nothing of answering orders when the service does not tell this caller', () => {
    renderProfile(anonymousProfile());

    expect(screen.queryByTestId('answers-orders-by')).not.toBeInTheDocument();
  });

  it('offers the owner the editor and "still accurate"', () => {
    renderProfile(anonymousProfile({ canEdit: true }));

    const owner = screen.getByTestId('owner-actions');
    expect(within(owner).getByRole('link', { name: '編集' })).toHaveAttribute('href', '/suppliers/01a2268a-3bf5-7fc9-be46-13a8deec6a25/edit');
    expect(within(owner).getByRole('button', { name: '内容に変わりなし' })).toBeEnabled();
  });
});

describe('process headlines', () => {
  it('keep only the most specific code of each branch', () => {
    expect(headlineCodes(['machining', 'machining.milling', 'machining.milling.5axis', 'machining.edm', 'machining.edm.wire', 'assembly'])).toEqual([
      'machining.milling.5axis',
      'machining.edm.wire',
      'assembly',
    ]);
  });
});
