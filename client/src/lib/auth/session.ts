import { apiClient, type Schemas } from '@/lib/api-client';
import { createRefreshTokenStore, refreshTokenStorageKey, type RefreshTokenStore } from './refresh-token-store';

export type CurrentUser = Schemas['CurrentUser'];
export type TokenPair = Schemas['TokenPair'];

/**
 * `restoring`: a refresh token was found at start-up and is being exchanged. `signed-out.expired`: a sign-in ended
 * without the user asking (the refresh token was refused), so the sign-in page can say why.
 */
export type SessionState =
  | { status: 'restoring' }
  | { status: 'signed-in'; user: CurrentUser }
  | { status: 'signed-out'; expired: boolean };

/**
 * `refreshed`: a new pair is in place. `rejected`: the API refused the refresh token (or there is none): the user is
 * signed out. `unavailable`: no usable answer (network, 5xx, 429): the session is left as it was.
 */
export type RefreshOutcome = 'refreshed' | 'rejected' | 'unavailable';

/** Runs a refresh while holding a lock shared by every tab of this origin. */
export type RefreshLock = (run: () => Promise<RefreshOutcome>) => Promise<RefreshOutcome>;

export interface Session {
  getState(): SessionState;
  subscribe(listener: () => void): () => void;
  /** Exchanges a stored refresh token for a session, once; later calls return the same promise. */
  restore(): Promise<void>;
  /** Begins a session from a sign-in's token pair. */
  start(pair: TokenPair): void;
  /** Revokes the sign-in at the API (best effort) and forgets it here. */
  signOut(): Promise<void>;
  /** The access token for a request: waits for a refresh in flight and renews an expired one first. */
  accessToken(): Promise<string | null>;
  /**
   * A request sent with `sentToken` got 401. Returns the token to retry with (a newer one, after at most one
   * refresh shared by every caller), or null when there is none: then the caller keeps the 401.
   */
  renewAfterUnauthorized(sentToken: string | null): Promise<string | null>;
  /** Stops timers and listeners (tests, hot reload). */
  dispose(): void;
}

export interface SessionOptions {
  store?: RefreshTokenStore;
  lock?: RefreshLock;
  now?: () => number;
  /** How long before the access token expires it is renewed. */
  refreshLeadMs?: number;
  /** After a proactive refresh found the API unavailable, when to try again (while the token still lasts). */
  retryDelayMs?: number;
}

const lockName = 'registry.auth.refresh';

/**
 * Web Locks serialise refreshes across tabs: tabs share the refresh token through localStorage, and because a used
 * token revokes the whole sign-in, two tabs must never present the same one. Without the API (old browsers,
 * non-secure origins) each tab refreshes on its own.
 */
export function browserRefreshLock(): RefreshLock {
  const locks: LockManager | undefined =
    typeof navigator === 'undefined' ? undefined : ((navigator.locks as LockManager | null | undefined) ?? undefined);
  if (!locks) {
    return (run) => run();
  }
  // The lock is held until the refresh has settled; its answer is passed on.
  return (run) =>
    new Promise<RefreshOutcome>((resolve, reject) => {
      locks.request(lockName, () => run().then(resolve, reject)).catch(reject);
    });
}

export function createSession(options: SessionOptions = {}): Session {
  const store = options.store ?? createRefreshTokenStore();
  const lock = options.lock ?? browserRefreshLock();
  const now = options.now ?? Date.now;
  const refreshLeadMs = options.refreshLeadMs ?? 60_000;
  const retryDelayMs = options.retryDelayMs ?? 15_000;

  const listeners = new Set<() => void>();
  let state: SessionState = store.read() ? { status: 'restoring' } : { status: 'signed-out', expired: false };
  let accessToken: string | null = null;
  let expiresAt = 0;
  let timer: ReturnType<typeof setTimeout> | undefined;
  let inflight: Promise<RefreshOutcome> | null = null;
  let restoring: Promise<void> | null = null;
  // Bumped whenever a sign-in begins or ends, so that a refresh answer for an earlier one is not applied.
  let generation = 0;

  function setState(next: SessionState) {
    state = next;
    for (const listener of listeners) {
      listener();
    }
  }

  function clearTimer() {
    clearTimeout(timer);
    timer = undefined;
  }

  function schedule(delayMs: number) {
    clearTimer();
    timer = setTimeout(() => void proactiveRefresh(), Math.max(0, delayMs));
  }

  async function proactiveRefresh() {
    timer = undefined;
    const outcome = await refresh();
    if (outcome === 'unavailable' && accessToken && now() < expiresAt) {
      schedule(Math.min(retryDelayMs, expiresAt - now()));
    }
  }

  function begin(pair: TokenPair) {
    generation += 1;
    store.write(pair.refreshToken);
    accessToken = pair.accessToken;
    const lifetimeMs = pair.expiresIn * 1000;
    expiresAt = now() + lifetimeMs;
    // Renew a minute early; a token that lives two minutes or less is renewed half-way.
    schedule(Math.max(lifetimeMs - refreshLeadMs, lifetimeMs / 2));
    setState({ status: 'signed-in', user: pair.user });
  }

  function end(expired: boolean) {
    generation += 1;
    clearTimer();
    accessToken = null;
    expiresAt = 0;
    store.clear();
    setState({ status: 'signed-out', expired });
  }

  // Single flight: every caller that needs a refresh while one is running shares its answer.
  function refresh(): Promise<RefreshOutcome> {
    inflight ??= lock(exchange).finally(() => {
      inflight = null;
    });
    return inflight;
  }

  async function exchange(): Promise<RefreshOutcome> {
    const startedIn = generation;
    // Read under the lock: another tab may have rotated the token since this one last looked.
    const refreshToken = store.read();
    if (!refreshToken) {
      if (state.status !== 'signed-out') {
        end(true);
      }
      return 'rejected';
    }

    let answer;
    try {
      answer = await apiClient.POST('/api/v1/auth/refresh', { body: { refreshToken } });
    } catch {
      return 'unavailable';
    }

    const { data, response } = answer;
    if (startedIn !== generation) {
      // The sign-in ended (or a new one began) while this was in flight: do not revive it.
      if (data) {
        void revoke(data.refreshToken);
      }
      return 'rejected';
    }
    if (data) {
      begin(data);
      return 'refreshed';
    }
    if (response.status === 429 || response.status >= 500) {
      return 'unavailable';
    }
    end(true);
    return 'rejected';
  }

  async function revoke(refreshToken: string) {
    try {
      await apiClient.POST('/api/v1/auth/logout', { body: { refreshToken } });
    } catch {
      // Best effort: the token expires on its own.
    }
  }

  // Another tab signed out (token removed) or in (token appeared while this tab has none).
  function onStorage(event: StorageEvent) {
    if (event.key !== refreshTokenStorageKey && event.key !== null) {
      return;
    }
    const stored = store.read();
    if (!stored && state.status === 'signed-in') {
      end(false);
    } else if (stored && state.status === 'signed-out') {
      restoring = null;
      void session.restore();
    }
  }

  if (typeof window !== 'undefined') {
    window.addEventListener('storage', onStorage);
  }

  const session: Session = {
    getState: () => state,

    subscribe(listener) {
      listeners.add(listener);
      return () => listeners.delete(listener);
    },

    restore() {
      restoring ??= (async () => {
        if (!store.read()) {
          if (state.status === 'restoring') {
            setState({ status: 'signed-out', expired: false });
          }
          return;
        }
        if (state.status === 'signed-out') {
          setState({ status: 'restoring' });
        }
        const outcome = await refresh();
        if (outcome === 'unavailable' && state.status === 'restoring') {
          // Keep the stored token: a later load may restore the sign-in once the API answers again.
          setState({ status: 'signed-out', expired: false });
        }
      })();
      return restoring;
    },

    start(pair) {
      begin(pair);
    },

    async signOut() {
      if (inflight) {
        await inflight;
      }
      const refreshToken = store.read();
      end(false);
      if (refreshToken) {
        await revoke(refreshToken);
      }
    },

    async accessToken() {
      if (inflight) {
        await inflight;
      }
      // Timers do not run while a laptop sleeps: a token that expired meanwhile is renewed before it is sent.
      if (accessToken && now() >= expiresAt) {
        await refresh();
      }
      return accessToken;
    },

    async renewAfterUnauthorized(sentToken) {
      if (inflight) {
        await inflight;
      }
      if (!accessToken) {
        return null;
      }
      if (accessToken !== sentToken) {
        // Renewed since the request left (by the refresh it was waiting for, or another request's).
        return accessToken;
      }
      return (await refresh()) === 'refreshed' ? accessToken : null;
    },

    dispose() {
      clearTimer();
      listeners.clear();
      if (typeof window !== 'undefined') {
        window.removeEventListener('storage', onStorage);
      }
    },
  };

  return session;
}
