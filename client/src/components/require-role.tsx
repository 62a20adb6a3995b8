import type { ReactNode } from 'react';
import { Link, Navigate, useLocation } from 'react-router';
import { hasRole, loginPath, roleLabel, useSessionState, type Role } from '@/lib/auth';
import { useI18n } from '@/lib/i18n';
import { LoadingState } from './async-state';

/**
 * Renders `children` for a signed-in user whose role is one of `roles` (any role when omitted). Signed out, it
 * redirects to the sign-in page, which returns here afterwards; signed in with another role, it says so.
 */
export function RequireRole({ roles, children }: { roles?: readonly Role[]; children: ReactNode }) {
  const state = useSessionState();
  const location = useLocation();
  const { t } = useI18n();

  switch (state.status) {
    case 'restoring':
      return <LoadingState>{t('auth.restoring')}</LoadingState>;
    case 'signed-out':
      return <Navigate to={loginPath(location.pathname + location.search + location.hash)} replace />;
    case 'signed-in':
      if (roles && !hasRole(state.user, roles)) {
        return (
          <section className="card" data-testid="forbidden">
            <h1>{t('guard.forbiddenHeading')}</h1>
            <p>{t('guard.forbiddenBody', { role: roleLabel(state.user.role, t) })}</p>
            <p>
              <Link to="/">{t('guard.backHome')}</Link>
            </p>
          </section>
        );
      }
      return children;
  }
}
