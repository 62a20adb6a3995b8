import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { apiClient, registerAuthMiddleware } from '@/lib/api-client';
import { FakeAuthApi } from '@/testing/fake-auth-api';
import { createAuthMiddleware } from './auth-middleware';
import { refreshTokenStorageKey } from './refresh-token-store';
import { createSession, type Session } from './session';

let api: FakeAuthApi;
let session: Session;
let eject: () => void;

beforeEach(() => {
  api = new FakeAuthApi().install();
  session = createSession({ lock: (run) => run() });
  eject = registerAuthMiddleware(createAuthMiddleware(session));
});

afterEach(() => {
  eject();
  session.dispose();
});

function signIn() {
  const pair = api.issue();
  session.start(pair);
  return pair;
}

describe('auth middleware', () => {
  it('sends the access token to the API but not to the credential endpoints', async () => {
    const pair = signIn();

    const { data } = await apiClient.GET('/api/v1/auth/me');
    await session.signOut();

    expect(data?.displayName).toBe('地域 コーディネーター');
    expect(api.calls('/api/v1/auth/me')[0]?.authorization).toBe(`Bearer ${pair.accessToken}`);
    expect(api.calls('/api/v1/auth/logout')[0]?.authorization).toBeNull();
  });

  it('sends no token to the probes, which are not part of the API', async () => {
    signIn();

    await apiClient.GET('/readyz');

    expect(api.calls('/readyz')[0]?.authorization).toBeNull();
  });

  it('sends no Authorization header when signed out', async () => {
    const { response } = await apiClient.GET('/api/v1/auth/me');

    expect(response.status).toBe(401);
    expect(api.calls('/api/v1/auth/me')).toHaveLength(1);
    expect(api.calls('/api/v1/auth/me')[0]?.authorization).toBeNull();
    expect(api.calls('/api/v1/auth/refresh')).toHaveLength(0);
  });

  it('shares one refresh among concurrent 401s and retries each call once with the new token', async () => {
    signIn();
    api.expireAccessTokens();
    const release = api.holdRefreshes();

    const calls = Promise.all([
      apiClient.GET('/api/v1/auth/me'),
      apiClient.GET('/api/v1/audit-log'),
      apiClient.GET('/api/v1/accounts', { params: { query: { role: 'admin' } } }),
    ]);
    await expect.poll(() => api.calls('/api/v1/auth/refresh').length).toBe(1);
    release();
    const answers = await calls;

    expect(answers.map((answer) => answer.response.status)).toEqual([200, 200, 200]);
    expect(api.calls('/api/v1/auth/refresh')).toHaveLength(1);
    expect(api.reuseDetected).toBe(false);
    for (const path of ['/api/v1/auth/me', '/api/v1/audit-log', '/api/v1/accounts']) {
      expect(api.calls(path).map((call) => call.authorization)).toEqual(['Bearer access-1', 'Bearer access-2']);
    }
    expect(new URL(api.calls('/api/v1/accounts')[1]?.request.url ?? '').search).toBe('?role=admin');
    expect(window.localStorage.getItem(refreshTokenStorageKey)).toBe('refresh-2');
    expect(session.getState()).toMatchObject({ status: 'signed-in' });
  });

  it('sends a retried request with its body', async () => {
    signIn();
    api.expireAccessTokens();
    const body = { email: 'new@registry.example', displayName: '新規', role: 'member' as const, password: 'long-enough-password' };

    const { response } = await apiClient.POST('/api/v1/accounts', { body });

    expect(response.status).toBe(200);
    expect(api.calls('/api/v1/accounts').map((call) => JSON.parse(call.body) as unknown)).toEqual([body, body]);
  });

  it('retries only once: a second 401 is handed to the caller', async () => {
    signIn();
    api.resourceOverride = () => new Response(null, { status: 401 });

    const { response } = await apiClient.GET('/api/v1/audit-log');

    expect(response.status).toBe(401);
    expect(api.calls('/api/v1/audit-log')).toHaveLength(2);
    expect(api.calls('/api/v1/auth/refresh')).toHaveLength(1);
    expect(session.getState()).toMatchObject({ status: 'signed-in' });
  });

  it('signs the user out when the refresh is refused', async () => {
    signIn();
    api.revokeEverything();

    const first = apiClient.GET('/api/v1/auth/me');
    const second = apiClient.GET('/api/v1/audit-log');
    const answers = await Promise.all([first, second]);

    expect(answers.map((answer) => answer.response.status)).toEqual([401, 401]);
    expect(api.calls('/api/v1/auth/refresh')).toHaveLength(1);
    expect(session.getState()).toEqual({ status: 'signed-out', expired: true });
    expect(window.localStorage.getItem(refreshTokenStorageKey)).toBeNull();
    expect(await session.accessToken()).toBeNull();
  });

  it('keeps the session when the refresh gets no usable answer', async () => {
    const pair = signIn();
    api.expireAccessTokens();
    api.refreshOverride = () => new Response('Bad Gateway', { status: 502 });

    const { response } = await apiClient.GET('/api/v1/auth/me');

    expect(response.status).toBe(401);
    expect(session.getState()).toMatchObject({ status: 'signed-in' });
    expect(window.localStorage.getItem(refreshTokenStorageKey)).toBe(pair.refreshToken);
  });

  it('does not refresh on a 401 from the credential endpoints', async () => {
    signIn();
    api.resourceOverride = (call) =>
      call.path === '/api/v1/auth/login' ? new Response(null, { status: 401 }) : undefined;

    const { response } = await apiClient.POST('/api/v1/auth/login', {
      body: { email: 'coordinator@registry.example', password: 'wrong' },
    });

    expect(response.status).toBe(401);
    expect(api.calls('/api/v1/auth/refresh')).toHaveLength(0);
    expect(api.calls('/api/v1/auth/login')[0]?.authorization).toBeNull();
  });
});
