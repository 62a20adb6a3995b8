/**
 * Where the refresh token lives between page loads: localStorage, so a reload (or another tab) stays signed in.
 * The access token never goes here; it is kept in memory by the session only.
 */
export interface RefreshTokenStore {
  read(): string | null;
  write(token: string): void;
  clear(): void;
}

export const refreshTokenStorageKey = 'registry.refreshToken';

/**
 * localStorage, with a memory fallback when storage is unavailable (privacy modes, quota): the sign-in then lasts
 * until the page is closed. Storage is read on every call because other tabs rotate the same token.
 */
export function createRefreshTokenStore(key: string = refreshTokenStorageKey): RefreshTokenStore {
  let memory: string | null = null;
  let storageWorks = true;

  return {
    read() {
      if (storageWorks) {
        try {
          return window.localStorage.getItem(key);
        } catch {
          storageWorks = false;
        }
      }
      return memory;
    },
    write(token) {
      memory = token;
      try {
        window.localStorage.setItem(key, token);
        storageWorks = true;
      } catch {
        storageWorks = false;
      }
    },
    clear() {
      memory = null;
      try {
        window.localStorage.removeItem(key);
      } catch {
        // Nothing stored that could outlive the page.
      }
    },
  };
}
