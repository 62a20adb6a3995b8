import { CurrentUserDetails } from '@/features/my-account/components/current-user-details';
import { useI18n } from '@/lib/i18n';

export function AccountRoute() {
  const { t } = useI18n();
  return (
    <section className="card" aria-labelledby="account-heading">
      <h1 id="account-heading">{t('account.heading')}</h1>
      <CurrentUserDetails />
    </section>
  );
}
