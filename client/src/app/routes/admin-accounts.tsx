import { AccountsTable } from '@/features/account-admin/components/accounts-table';
import { useI18n } from '@/lib/i18n';

export function AdminAccountsRoute() {
  const { t } = useI18n();
  return (
    <section className="card" aria-labelledby="accounts-heading">
      <h1 id="accounts-heading">{t('accounts.heading')}</h1>
      <p className="muted">{t('accounts.lead')}</p>
      <AccountsTable />
    </section>
  );
}
