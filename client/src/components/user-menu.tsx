import { useState } from 'react';
import { Link, useLocation, useNavigate } from 'react-router';
import { loginPath, roleLabel, useSession, useSessionState } from '@/lib/auth';
import { useI18n } from '@/lib/i18n';

/** The header's account area: who is signed in and a sign-out button, or a sign-in link. */
export function UserMenu() {
  const session = useSession();
  const state = useSessionState();
  const location = useLocation();
  const navigate = useNavigate();
  const { t } = useI18n();
  const [signingOut, setSigningOut] = useState(false);

  if (state.status === 'restoring') {
    return <div className="user-menu" aria-busy="true" />;
  }

  if (state.status === 'signed-out') {
    // Come back to this page after signing in, unless this is the sign-in page already.
    const here = location.pathname + location.search + location.hash;
    const to = location.pathname === '/login' ? location.pathname + location.search : loginPath(here);
    return (
      <div className="user-menu">
        <Link to={to} className="user-menu__sign-in">
          {t('auth.signIn')}
        </Link>
      </div>
    );
  }

  async function signOut() {
    setSigningOut(true);
    // Leave the page first, committed at once: a guarded page still on screen when the session ends would send the
    // user to the sign-in page instead.
    await navigate('/', { flushSync: true });
    try {
      await session.signOut();
    } finally {
      setSigningOut(false);
    }
  }

  return (
    <div className="user-menu" role="group" aria-label={t('auth.user')} data-testid="user-menu">
      <span className="user-menu__name">{state.user.displayName}</span>
      <span className="user-menu__role" data-testid="user-role">
        {roleLabel(state.user.role, t)}
      </span>
      <button type="button" className="user-menu__sign-out" onClick={() => void signOut()} disabled={signingOut}>
        {signingOut ? t('auth.signingOut') : t('auth.signOut')}
      </button>
    </div>
  );
}
