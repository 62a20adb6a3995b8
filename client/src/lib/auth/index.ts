export { createAuthMiddleware } from './auth-middleware';
export { createRefreshTokenStore, refreshTokenStorageKey, type RefreshTokenStore } from './refresh-token-store';
export { loginPath, safeNextPath } from './redirect';
export { roleLabel } from './role-label';
export { hasRole, isRole, roles, type Role } from './roles';
export {
  createSession,
  type CurrentUser,
  type RefreshLock,
  type RefreshOutcome,
  type Session,
  type SessionOptions,
  type SessionState,
  type TokenPair,
} from './session';
export { useSession, useSessionState } from './session-context';
export { SessionProvider } from './session-provider';
