import { screen } from '@testing-library/react';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { refreshTokenStorageKey, type Session } from '@/lib/auth';
import { FakeAuthApi, member } from '@/testing/fake-auth-api';
import { renderRoutes, testSession } from '@/testing/render';
import { RequireRole } from './require-role';

const routes = [
  {
    path: '/audit',
    element: (
      <RequireRole roles={['coordinator', 'admin']}>
        <h1>audit page</h1>
      </RequireRole>
    ),
  },
  {
    path: '/account',
    element: (
      <RequireRole>
        <h1>account page</h1>
      </RequireRole>
    ),
  },
  { path: '/login', element: <h1>login page</h1> },
];

let api: FakeAuthApi;
let session: Session;

beforeEach(() => {
  api = new FakeAuthApi().install();
});

afterEach(() => {
  session.dispose();
});

describe('RequireRole', () => {
  it('sends a signed-out visitor to the sign-in page, which is told where to come back to', async () => {
    session = testSession();

    const router = renderRoutes(routes, '/audit?page=2#top', session);

    expect(await screen.findByRole('heading', { name: 'login page' })).toBeInTheDocument();
    expect(router.state.location.pathname).toBe('/login');
    expect(new URLSearchParams(router.state.location.search).get('next')).toBe('/audit?page=2#top');
  });

  it('shows the page to a user with an allowed role', async () => {
    session = testSession();
    session.start(api.issue());

    renderRoutes(routes, '/audit', session);

    expect(await screen.findByRole('heading', { name: 'audit page' })).toBeInTheDocument();
  });

  it('tells a signed-in user whose role is not allowed, without redirecting', async () => {
    api.user = member;
    session = testSession();
    session.start(api.issue());

    const router = renderRoutes(routes, '/audit', session);

    expect(await screen.findByTestId('forbidden')).toHaveTextContent('現在のロール（一般会員）では、このページを利用できません。');
    expect(screen.queryByRole('heading', { name: 'audit page' })).not.toBeInTheDocument();
    expect(router.state.location.pathname).toBe('/audit');
  });

  it('lets any signed-in user in when no role is named', async () => {
    api.user = member;
    session = testSession();
    session.start(api.issue());

    renderRoutes(routes, '/account', session);

    expect(await screen.findByRole('heading', { name: 'account page' })).toBeInTheDocument();
  });

  it('waits while the sign-in is being restored, then shows the page', async () => {
    window.localStorage.setItem(refreshTokenStorageKey, api.issue().refreshToken);
    session = testSession();
    const release = api.holdRefreshes();
    const restored = session.restore();

    const router = renderRoutes(routes, '/audit', session);
    expect(screen.getByRole('status')).toHaveTextContent('サインイン状態を確認しています');

    release();
    await restored;
    expect(await screen.findByRole('heading', { name: 'audit page' })).toBeInTheDocument();
    expect(router.state.location.pathname).toBe('/audit');
  });

  it('sends the user to the sign-in page when the session ends on a guarded page', async () => {
    session = testSession();
    session.start(api.issue());
    const router = renderRoutes(routes, '/account', session);
    await screen.findByRole('heading', { name: 'account page' });

    await session.signOut();

    expect(await screen.findByRole('heading', { name: 'login page' })).toBeInTheDocument();
    expect(new URLSearchParams(router.state.location.search).get('next')).toBe('/account');
  });
});
