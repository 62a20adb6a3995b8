import { useCallback, useId, useState } from 'react';
import { EmptyState, ErrorState, LoadingState, LoadMore } from '@/components/async-state';
import { isRole, roleLabel, roles, type Role } from '@/lib/auth';
import { formatDateTime, useI18n } from '@/lib/i18n';
import { useCursorList, type FetchPage } from '@/lib/paging/use-cursor-list';
import { listAccounts, type Account } from '../api/list-accounts';

/** Every account, filtered by role, a page at a time. */
export function AccountsTable() {
  const { t, language } = useI18n();
  const filterId = useId();
  const [role, setRole] = useState<Role | undefined>(undefined);
  const fetchPage = useCallback<FetchPage<Account>>(
    (cursor, signal) => listAccounts({ role, cursor }, signal),
    [role],
  );
  const { state, loadMore, reload } = useCursorList(fetchPage);

  return (
    <>
      <div className="filters">
        <label htmlFor={filterId}>{t('accounts.filterRole')}</label>
        <select
          id={filterId}
          value={role ?? ''}
          onChange={(event) => setRole(isRole(event.target.value) ? event.target.value : undefined)}
        >
          <option value="">{t('accounts.allRoles')}</option>
          {roles.map((option) => (
            <option key={option} value={option}>
              {roleLabel(option, t)}
            </option>
          ))}
        </select>
      </div>
      {state.kind === 'loading' && <LoadingState />}
      {state.kind === 'error' && <ErrorState error={state.error} onRetry={reload} />}
      {state.kind === 'ready' && state.items.length === 0 && <EmptyState>{t('accounts.empty')}</EmptyState>}
      {state.kind === 'ready' && state.items.length > 0 && (
        <>
          <div className="table-scroll">
            <table className="table" data-testid="accounts-table">
              <caption className="visually-hidden">{t('accounts.heading')}</caption>
              <thead>
                <tr>
                  <th scope="col">{t('accounts.col.displayName')}</th>
                  <th scope="col">{t('accounts.col.email')}</th>
                  <th scope="col">{t('accounts.col.role')}</th>
                  <th scope="col">{t('accounts.col.organisation')}</th>
                  <th scope="col">{t('accounts.col.status')}</th>
                  <th scope="col">{t('accounts.col.createdAt')}</th>
                </tr>
              </thead>
              <tbody>
                {state.items.map((account) => (
                  <tr key={account.id}>
                    <td>{account.displayName}</td>
                    <td>{account.email}</td>
                    <td>{roleLabel(account.role, t)}</td>
                    <td>{account.organisation ?? ''}</td>
                    <td>
                      <span className={`badge badge--${account.disabled ? 'off' : 'on'}`}>
                        {account.disabled ? t('accounts.status.disabled') : t('accounts.status.active')}
                      </span>
                    </td>
                    <td>
                      <time dateTime={account.createdAt}>{formatDateTime(account.createdAt, language)}</time>
                    </td>
                  </tr>
                ))}
              </tbody>
            </table>
          </div>
          <LoadMore
            count={state.items.length}
            hasMore={state.nextCursor !== null}
            more={state.more}
            onLoadMore={loadMore}
          />
        </>
      )}
    </>
  );
}
