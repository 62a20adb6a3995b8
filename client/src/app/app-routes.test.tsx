import { screen, within } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { registerAuthMiddleware } from '@/lib/api-client';
import { createAuthMiddleware, type Session } from '@/lib/auth';
import { coordinator, FakeAuthApi, json, problem } from '@/testing/fake-auth-api';
import { renderRoutes, testSession } from '@/testing/render';
import { routes } from './router';

let api: FakeAuthApi;
let session: Session;
let eject: () => void;

const admin = { ...coordinator, id: 'admin-1', displayName: '運用管理者 (Admin)', role: 'admin' };

function entry(n: number, action: string) {
  return {
    id: `0000000${n}-0000-7000-8000-000000000000`,
    at: `2026-11-29T08:0${n}:00Z`,
    actorKind: 'account',
    actorId: coordinator.id,
    action,
    resource: 'account',
    resourceId: coordinator.id,
  };
}

beforeEach(() => {
  api = new FakeAuthApi().install();
  session = testSession();
  eject = registerAuthMiddleware(createAuthMiddleware(session));
});

afterEach(() => {
  eject();
  session.dispose();
});

/** Answers one path while the request carries a valid token (everything else as the fake API does). */
function answer(path: string, respond: (url: URL) => Response) {
  const previous = api.resourceOverride;
  api.resourceOverride = (call) => {
    if (call.path !== path) {
      return previous?.(call);
    }
    return call.authorization === null ? problem(401, '/problems/unauthorized') : respond(new URL(call.request.url));
  };
}

describe('signing in and the role-gated pages', () => {
  it('sends a signed-out visitor of /audit to sign in, then back to the audit log', async () => {
    const user = userEvent.setup();
    api.resourceOverride = (call) => (call.path === '/api/v1/auth/login' ? json(api.issue()) : undefined);
    answer('/api/v1/audit-log', () => json({ items: [entry(2, 'auth.login'), entry(1, 'account.created')] }));

    const router = renderRoutes(routes, '/audit', session);
    await screen.findByRole('heading', { name: 'サインイン', level: 1 });
    await user.type(screen.getByLabelText('メールアドレス'), 'coordinator@registry.example');
    await user.type(screen.getByLabelText('パスワード'), 'demo-coordinator-password');
    await user.click(screen.getByRole('button', { name: 'サインイン' }));

    const table = await screen.findByTestId('audit-table');
    expect(router.state.location.pathname).toBe('/audit');
    const rows = within(table).getAllByRole('row');
    expect(rows).toHaveLength(3);
    expect(rows[1]).toHaveTextContent('サインイン');
    expect(rows[1]).not.toHaveTextContent('auth.login');
    expect(rows[2]).toHaveTextContent('アカウントの作成');
    const header = screen.getByRole('banner');
    expect(within(header).getByTestId('user-menu')).toHaveTextContent('地域 コーディネーター');
    expect(within(header).getByTestId('user-role')).toHaveTextContent('コーディネーター');
    expect(within(header).getByRole('link', { name: '監査ログ' })).toBeInTheDocument();
    expect(within(header).getByRole('link', { name: 'マイアカウント' })).toBeInTheDocument();
    expect(within(header).queryByRole('link', { name: 'アカウント管理' })).not.toBeInTheDocument();
  });

  it('signs out from the header: revokes the sign-in, goes home and offers to sign in again', async () => {
    const user = userEvent.setup();
    session.start(api.issue());
    answer('/api/v1/audit-log', () => json({ items: [entry(1, 'auth.login')] }));
    const router = renderRoutes(routes, '/audit', session);
    await screen.findByTestId('audit-table');

    await user.click(screen.getByRole('button', { name: 'サインアウト' }));

    expect(await screen.findByRole('link', { name: 'サインイン' })).toBeInTheDocument();
    expect(router.state.location.pathname).toBe('/');
    expect(api.calls('/api/v1/auth/logout')).toHaveLength(1);
    expect(screen.queryByRole('link', { name: '監査ログ' })).not.toBeInTheDocument();
  });

  it('loads further audit entries with the cursor the API gave', async () => {
    const user = userEvent.setup();
    session.start(api.issue());
    answer('/api/v1/audit-log', (url) =>
      url.searchParams.get('cursor') === 'page-2'
        ? json({ items: [entry(1, 'account.created')], nextCursor: null })
        : json({ items: [entry(3, 'auth.login'), entry(2, 'auth.logout')], nextCursor: 'page-2' }),
    );
    renderRoutes(routes, '/audit', session);
    const table = await screen.findByTestId('audit-table');
    expect(screen.getByText('2 件を表示中')).toBeInTheDocument();

    await user.click(screen.getByRole('button', { name: 'さらに表示' }));

    await screen.findByText('3 件を表示中');
    expect(within(table).getAllByRole('row')).toHaveLength(4);
    expect(screen.queryByRole('button', { name: 'さらに表示' })).not.toBeInTheDocument();
  });

  it('says so when the audit log is empty', async () => {
    session.start(api.issue());
    answer('/api/v1/audit-log', () => json({ items: [], nextCursor: null }));

    renderRoutes(routes, '/audit', session);

    expect(await screen.findByTestId('empty-state')).toHaveTextContent('記録はまだありません。');
  });

  it('shows an error with the trace id and loads again on retry', async () => {
    const user = userEvent.setup();
    session.start(api.issue());
    let fail = true;
    answer('/api/v1/audit-log', () => (fail ? problem(500, '/problems/internal') : json({ items: [entry(1, 'auth.login')] })));
    renderRoutes(routes, '/audit', session);

    const error = await screen.findByTestId('error-state');
    expect(error).toHaveTextContent('データを読み込めませんでした。');
    expect(error).toHaveTextContent('問い合わせ番号: 00-trace-00');
    fail = false;
    await user.click(within(error).getByRole('button', { name: '再試行' }));

    expect(await screen.findByTestId('audit-table')).toBeInTheDocument();
  });

  it('filters the accounts by role for an admin', async () => {
    const user = userEvent.setup();
    api.user = admin;
    session.start(api.issue());
    const account = (role: string, n: number) => ({
      id: `acc-${n}`,
      email: `${role}${n}@registry.example`,
      displayName: `${role} ${n}`,
      role,
      organisation: null,
      disabled: n === 2,
      supplierIds: [],
      version: 1,
      createdAt: '2026-11-29T08:00:00Z',
      updatedAt: '2026-11-29T08:00:00Z',
    });
    answer('/api/v1/accounts', (url) =>
      url.searchParams.get('role') === 'supplier'
        ? json({ items: [account('supplier', 2)] })
        : json({ items: [account('admin', 1), account('supplier', 2)] }),
    );
    renderRoutes(routes, '/admin/accounts', session);
    const table = await screen.findByTestId('accounts-table');
    expect(within(table).getAllByRole('row')).toHaveLength(3);
    expect(within(screen.getByRole('banner')).getByRole('link', { name: 'アカウント管理' })).toBeInTheDocument();

    await user.selectOptions(screen.getByLabelText('ロールで絞り込む'), 'supplier');

    await screen.findByText('1 件を表示中');
    const rows = within(screen.getByTestId('accounts-table')).getAllByRole('row');
    expect(rows[1]).toHaveTextContent('supplier 2');
    expect(rows[1]).toHaveTextContent('無効');
    expect(new URL(api.calls('/api/v1/accounts').at(-1)?.request.url ?? '').searchParams.get('role')).toBe('supplier');
  });

  it('shows the signed-in user on /account from /auth/me', async () => {
    session.start(api.issue());

    renderRoutes(routes, '/account', session);

    const details = await screen.findByTestId('current-user');
    expect(details).toHaveTextContent('地域 コーディネーター');
    expect(details).toHaveTextContent('coordinator@registry.example');
    expect(details).toHaveTextContent('市 産業振興課');
  });

  it('tells a coordinator that the accounts page is not for their role', async () => {
    session.start(api.issue());

    renderRoutes(routes, '/admin/accounts', session);

    expect(await screen.findByTestId('forbidden')).toHaveTextContent('コーディネーター');
    expect(api.calls('/api/v1/accounts')).toHaveLength(0);
  });
});
