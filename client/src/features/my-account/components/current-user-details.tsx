import { ErrorState, LoadingState } from '@/components/async-state';
import { roleLabel } from '@/lib/auth';
import { useI18n } from '@/lib/i18n';
import { useCurrentUser } from '../hooks/use-current-user';

/** What GET /auth/me says about the signed-in user. */
export function CurrentUserDetails() {
  const { t } = useI18n();
  const { state, reload } = useCurrentUser();

  if (state.kind === 'loading') {
    return <LoadingState />;
  }
  if (state.kind === 'error') {
    return <ErrorState error={state.error} onRetry={reload} />;
  }

  const { user } = state;
  const notSet = <span className="muted">{t('account.notSet')}</span>;
  return (
    <dl className="details" data-testid="current-user">
      <dt>{t('account.displayName')}</dt>
      <dd>{user.displayName}</dd>
      <dt>{t('account.email')}</dt>
      <dd>{user.email ?? notSet}</dd>
      <dt>{t('account.role')}</dt>
      <dd>{roleLabel(user.role, t)}</dd>
      <dt>{t('account.organisation')}</dt>
      <dd>{user.organisation ?? notSet}</dd>
      <dt>{t('account.suppliers')}</dt>
      <dd>
        {user.supplierIds && user.supplierIds.length > 0 ? (
          <ul className="details__list">
            {user.supplierIds.map((supplierId) => (
              <li key={supplierId}>
                <code>{supplierId}</code>
              </li>
            ))}
          </ul>
        ) : (
          <span className="muted">{t('account.none')}</span>
        )}
      </dd>
      <dt>{t('account.id')}</dt>
      <dd>
        <code>{user.id}</code>
      </dd>
    </dl>
  );
}
