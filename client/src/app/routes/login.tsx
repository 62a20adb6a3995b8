import { Navigate, useSearchParams } from 'react-router';
import { LoadingState } from '@/components/async-state';
import { LoginForm } from '@/features/auth/components/login-form';
import { safeNextPath, useSession, useSessionState } from '@/lib/auth';
import { useI18n } from '@/lib/i18n';

export function LoginRoute() {
  const { t } = useI18n();
  const session = useSession();
  const state = useSessionState();
  const [params] = useSearchParams();

  // Signing in changes the state, and this sends the user on; so does opening the page while signed in.
  if (state.status === 'signed-in') {
    return <Navigate to={safeNextPath(params.get('next'))} replace />;
  }
  if (state.status === 'restoring') {
    return <LoadingState>{t('auth.restoring')}</LoadingState>;
  }

  return (
    <section className="card login" aria-labelledby="login-heading">
      <h1 id="login-heading">{t('login.heading')}</h1>
      <p className="muted">{t('login.lead')}</p>
      {state.expired && (
        <p className="notice" role="status">
          {t('login.expired')}
        </p>
      )}
      <LoginForm onSignedIn={(pair) => session.start(pair)} />
    </section>
  );
}
