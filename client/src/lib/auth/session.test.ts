import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { FakeAuthApi } from '@/testing/fake-auth-api';
import { refreshTokenStorageKey } from './refresh-token-store';
import { createSession, type RefreshLock, type Session } from './session';

let api: FakeAuthApi;
let session: Session | undefined;
const noLock: RefreshLock = (run) => run();

beforeEach(() => {
  api = new FakeAuthApi().install();
});

afterEach(() => {
  session?.dispose();
  session = undefined;
  vi.useRealTimers();
});

function open(options: Parameters<typeof createSession>[0] = {}) {
  session = createSession({ lock: noLock, ...options });
  return session;
}

/** A refresh token left in storage by an earlier page load. */
function storedSignIn() {
  const pair = api.issue();
  window.localStorage.setItem(refreshTokenStorageKey, pair.refreshToken);
  return pair;
}

describe('session', () => {
  it('starts signed out, without calling the API, when no refresh token is stored', async () => {
    const session = open();

    await session.restore();

    expect(session.getState()).toEqual({ status: 'signed-out', expired: false });
    expect(api.fetch).not.toHaveBeenCalled();
  });

  it('restores the sign-in from the stored refresh token on load', async () => {
    storedSignIn();
    const session = open();
    expect(session.getState()).toEqual({ status: 'restoring' });

    await session.restore();

    expect(session.getState()).toEqual({ status: 'signed-in', user: api.user });
    expect(api.calls('/api/v1/auth/refresh')).toHaveLength(1);
    expect(JSON.parse(api.calls('/api/v1/auth/refresh')[0]?.body ?? '')).toEqual({ refreshToken: 'refresh-1' });
    expect(await session.accessToken()).toBe('access-2');
    // The rotated refresh token replaces the used one; the access token is never stored.
    expect(window.localStorage.getItem(refreshTokenStorageKey)).toBe('refresh-2');
    expect(JSON.stringify({ ...window.localStorage })).not.toContain('access-');
  });

  it('restores only once however often it is asked', async () => {
    storedSignIn();
    const session = open();

    await Promise.all([session.restore(), session.restore()]);
    await session.restore();

    expect(api.calls('/api/v1/auth/refresh')).toHaveLength(1);
  });

  it('forgets a stored refresh token that the API refuses', async () => {
    storedSignIn();
    api.revokeEverything();
    const session = open();

    await session.restore();

    expect(session.getState()).toEqual({ status: 'signed-out', expired: true });
    expect(window.localStorage.getItem(refreshTokenStorageKey)).toBeNull();
  });

  it('keeps the stored refresh token when the API cannot be reached at load', async () => {
    storedSignIn();
    api.refreshOverride = () => Promise.reject(new TypeError('Failed to fetch'));
    const session = open();

    await session.restore();

    expect(session.getState()).toEqual({ status: 'signed-out', expired: false });
    expect(window.localStorage.getItem(refreshTokenStorageKey)).toBe('refresh-1');
  });

  it('refreshes 60 seconds before the access token expires', async () => {
    vi.useFakeTimers({ toFake: ['setTimeout', 'clearTimeout', 'Date'] });
    const session = open();
    session.start(api.issue());

    await vi.advanceTimersByTimeAsync(839_999);
    expect(api.calls('/api/v1/auth/refresh')).toHaveLength(0);

    await vi.advanceTimersByTimeAsync(1);
    expect(api.calls('/api/v1/auth/refresh')).toHaveLength(1);
    expect(await session.accessToken()).toBe('access-2');

    // And again for the renewed token.
    await vi.advanceTimersByTimeAsync(840_000);
    expect(api.calls('/api/v1/auth/refresh')).toHaveLength(2);
    expect(await session.accessToken()).toBe('access-3');
  });

  it('tries the proactive refresh again while the token lasts when the API is unavailable', async () => {
    vi.useFakeTimers({ toFake: ['setTimeout', 'clearTimeout', 'Date'] });
    const session = open({ retryDelayMs: 15_000 });
    session.start(api.issue());
    api.refreshOverride = () => new Response(null, { status: 503 });

    await vi.advanceTimersByTimeAsync(840_000);
    expect(api.calls('/api/v1/auth/refresh')).toHaveLength(1);
    api.refreshOverride = null;
    await vi.advanceTimersByTimeAsync(15_000);

    expect(api.calls('/api/v1/auth/refresh')).toHaveLength(2);
    expect(await session.accessToken()).toBe('access-2');
  });

  it('renews an access token that expired while timers were not running before sending it', async () => {
    let now = 1_000_000;
    const session = open({ now: () => now });
    session.start(api.issue());
    now += 901_000;

    expect(await session.accessToken()).toBe('access-2');
    expect(api.calls('/api/v1/auth/refresh')).toHaveLength(1);
  });

  it('answers a 401 for an already renewed token with the new token, without another refresh', async () => {
    vi.useFakeTimers({ toFake: ['setTimeout', 'clearTimeout', 'Date'] });
    const session = open();
    session.start(api.issue());
    await vi.advanceTimersByTimeAsync(840_000);

    expect(await session.renewAfterUnauthorized('access-1')).toBe('access-2');
    expect(api.calls('/api/v1/auth/refresh')).toHaveLength(1);
  });

  it('signs out: revokes the refresh token at the API and forgets both tokens', async () => {
    const session = open();
    const pair = api.issue();
    session.start(pair);

    await session.signOut();

    expect(session.getState()).toEqual({ status: 'signed-out', expired: false });
    expect(JSON.parse(api.calls('/api/v1/auth/logout')[0]?.body ?? '')).toEqual({ refreshToken: pair.refreshToken });
    expect(window.localStorage.getItem(refreshTokenStorageKey)).toBeNull();
    expect(await session.accessToken()).toBeNull();
  });

  it('signs out when another tab signs out', () => {
    const session = open();
    session.start(api.issue());

    window.localStorage.removeItem(refreshTokenStorageKey);
    window.dispatchEvent(new StorageEvent('storage', { key: refreshTokenStorageKey, newValue: null }));

    expect(session.getState()).toEqual({ status: 'signed-out', expired: false });
  });

  it('refreshes with the token in storage when it gets the lock, which another tab may have rotated', async () => {
    const session = open({
      // Another tab held the lock and rotated the shared token meanwhile.
      lock: async (run) => {
        const other = await fetch(
          new Request('http://localhost/api/v1/auth/refresh', {
            method: 'POST',
            body: JSON.stringify({ refreshToken: window.localStorage.getItem(refreshTokenStorageKey) }),
          }),
        );
        const pair = (await other.json()) as { refreshToken: string };
        window.localStorage.setItem(refreshTokenStorageKey, pair.refreshToken);
        return run();
      },
    });
    session.start(api.issue());
    api.expireAccessTokens();

    expect(await session.renewAfterUnauthorized('access-1')).toBe('access-3');
    expect(api.reuseDetected).toBe(false);
    expect(api.calls('/api/v1/auth/refresh').map((call) => JSON.parse(call.body) as unknown)).toEqual([
      { refreshToken: 'refresh-1' },
      { refreshToken: 'refresh-2' },
    ]);
  });

  it('notifies subscribers of every change', async () => {
    const session = open();
    const listener = vi.fn();
    session.subscribe(listener);

    session.start(api.issue());
    await session.signOut();

    expect(listener).toHaveBeenCalledTimes(2);
  });
});
