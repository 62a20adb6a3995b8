import { screen, within } from '@testing-library/react';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { registerAuthMiddleware } from '@/lib/api-client';
import { createAuthMiddleware, type Session } from '@/lib/auth';
import { coordinator, FakeAuthApi, member } from '@/testing/fake-auth-api';
import { renderRoutes, testSession } from '@/testing/render';
import { routes } from './router';

let api: FakeAuthApi;
let session: Session;
let eject: () => void;

const supplier = { ...coordinator, id: 'supplier-1', displayName: '精密加工 担当者', role: 'supplier', supplierIds: ['site-1'] };

beforeEach(() => {
  api = new FakeAuthApi().install();
  session = testSession();
  eject = registerAuthMiddleware(createAuthMiddleware(session));
});

afterEach(() => {
  eject();
  session.dispose();
});

function navLinks(): string[] {
  const nav = within(screen.getByRole('banner')).getByRole('navigation');
  return within(nav)
    .getAllByRole('link')
    .map((link) => link.textContent ?? '');
}

describe('the header navigation by role', () => {
  it('offers the supplier search, the clusters and the gatherings to everyone, signed in or not', async () => {
    renderRoutes(routes, '/no-such-page', session);
    await screen.findByRole('heading', { name: 'ページが見つかりません' });

    expect(navLinks()).toEqual(['サプライヤー検索', '産業クラスター', 'イベント', 'API ドキュメント']);
  });

  it('offers a supplier its sites', async () => {
    api.user = supplier;
    session.start(api.issue());
    renderRoutes(routes, '/no-such-page', session);
    await screen.findByRole('heading', { name: 'ページが見つかりません' });

    expect(navLinks()).toEqual([
      'サプライヤー検索',
      '産業クラスター',
      'イベント',
      'マッチング依頼',
      '受信した依頼',
      '注文',
      '自社の事業所',
      'マイアカウント',
      'API ドキュメント',
    ]);
  });

  it('offers a coordinator the verification queue, the import duplicates and the region analytics', async () => {
    session.start(api.issue());
    renderRoutes(routes, '/no-such-page', session);
    await screen.findByRole('heading', { name: 'ページが見つかりません' });

    expect(navLinks()).toEqual([
      'サプライヤー検索',
      '産業クラスター',
      'イベント',
      'マッチング依頼',
      '確認待ち一覧',
      '重複候補の確認',
      '地域分析',
      'マイアカウント',
      '監査ログ',
      'API ドキュメント',
    ]);
  });

  it('keeps the verification queue from a member', async () => {
    api.user = member;
    session.start(api.issue());
    renderRoutes(routes, '/coordinator/verification', session);

    expect(await screen.findByTestId('forbidden')).toBeInTheDocument();
    expect(navLinks()).not.toContain('確認待ち一覧');
  });

  it('keeps the import duplicates from a member', async () => {
    api.user = member;
    session.start(api.issue());
    renderRoutes(routes, '/imports/duplicates', session);

    expect(await screen.findByTestId('forbidden')).toBeInTheDocument();
    expect(navLinks()).not.toContain('重複候補の確認');
  });

  it('sends a signed-out visitor of the site editor to sign in first', async () => {
    const router = renderRoutes(routes, '/suppliers/site-1/edit', session);

    await screen.findByRole('heading', { name: 'サインイン', level: 1 });
    expect(new URLSearchParams(router.state.location.search).get('next')).toBe('/suppliers/site-1/edit');
  });
});
