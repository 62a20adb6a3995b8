import { render, screen, within } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { MemoryRouter } from 'react-router';
import { describe, expect, it } from 'vitest';
import { I18nProvider } from '@/lib/i18n';
import { json } from '@/testing/fake-auth-api';
import { installFakeApi } from '@/testing/fake-registry-api';
import { VerificationQueue } from './verification-queue';

function renderQueue() {
  render(
    <I18nProvider>
      <MemoryRouter>
        <VerificationQueue />
      </MemoryRouter>
    </I18nProvider>,
  );
}

const item = {
  id: '01a2268a-435f-708c-88e5-40b7caa5083e',
  nameJa: '三河熱処理',
  municipalityCode: '232068',
  status: 'published',
  verification: 'unverified',
  updatedAt: '2026-11-29T09:02:03Z',
  issues: [],
};

describe('the verification queue', () => {
  it('links each site to its profile and verifies it with one click', async () => {
    const user = userEvent.setup();
    const calls = installFakeApi({
      'GET /api/v1/suppliers/verification-queue': () => json({ items: [item], nextCursor: null }),
      [`POST /api/v1/suppliers/${item.id}/verify`]: () => json({ id: item.id }),
    });
    renderQueue();

    const row = await screen.findByTestId('queue-row');
    expect(within(row).getByRole('link', { name: '三河熱処理' })).toHaveAttribute('href', `/suppliers/${item.id}`);
    await user.click(within(row).getByRole('button', { name: '三河熱処理 を確認済みにする' }));

    expect(await within(row).findByRole('status')).toHaveTextContent('確認済み');
    expect(calls.some((call) => call.method === 'POST' && call.url.pathname.endsWith('/verify'))).toBe(true);
  });

  it('finds a site by name and lists the sites whose data contradicts itself', async () => {
    const user = userEvent.setup();
    const calls = installFakeApi({
      'GET /api/v1/suppliers/verification-queue': (call) =>
        json({
          items: call.url.searchParams.get('issues') === 'true' ? [{ ...item, issues: ['staff_above_employees'] }] : [item],
          nextCursor: null,
        }),
    });
    renderQueue();

    await user.type(await screen.findByRole('searchbox', { name: '事業所名で探す' }), 'ﾐｶﾜ');
    await user.click(screen.getByRole('button', { name: '検索' }));
    await screen.findByTestId('queue-row');
    expect(calls.some((call) => call.url.searchParams.get('q') === 'ﾐｶﾜ')).toBe(true);

    await user.click(screen.getByRole('checkbox', { name: 'データに矛盾がある事業所（確認済みを含む）' }));
    expect(await screen.findByTestId('queue-issues')).toHaveTextContent('有資格者数が従業員数を超えています');
    expect(calls.some((call) => call.url.searchParams.get('issues') === 'true' && call.url.searchParams.get('q') === 'ﾐｶﾜ')).toBe(true);
  });

  it('says when nothing waits, and when verifying failed', async () => {
    installFakeApi({ 'GET /api/v1/suppliers/verification-queue': () => json({ items: [] }) });
    renderQueue();
    expect(await screen.findByTestId('empty-state')).toHaveTextContent('確認待ちの事業所はありません。');
  });

  it('shows why a verification did not go through', async () => {
    const user = userEvent.setup();
    installFakeApi({
      'GET /api/v1/suppliers/verification-queue': () => json({ items: [item] }),
      [`POST /api/v1/suppliers/${item.id}/verify`]: () => json({ status: 403, title: 'Forbidden', traceId: 't-1' }, 403),
    });
    renderQueue();

    await user.click(await screen.findByRole('button', { name: '三河熱処理 を確認済みにする' }));

    expect(await screen.findByTestId('write-alert')).toHaveTextContent('この操作を行う権限がありません。');
  });

  it('says so when the queue cannot be read', async () => {
    installFakeApi({ 'GET /api/v1/suppliers/verification-queue': () => json({ status: 500, title: 'Oops' }, 500) });
    renderQueue();
    expect(await screen.findByTestId('error-state')).toBeInTheDocument();
  });
});
