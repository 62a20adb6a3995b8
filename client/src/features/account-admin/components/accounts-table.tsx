import { useCallback, useId, useState } from 'react';
import { ErrorState, LoadingState, LoadMore } from '@/components/async-state';
import { DataTable, timeColumn, type TableColumn } from '@/components/data-table';
import { isRole, roleLabel, roles, type Role } from '@/lib/auth';
import { useI18n } from '@/lib/i18n';
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
  const columns: TableColumn<Account>[] = [
    // Text as it is: an empty one stays empty rather than the table's "—".
    { key: 'displayName', header: t('accounts.col.displayName'), value: (a) => a.displayName, render: (a) => a.displayName },
    { key: 'email', header: t('accounts.col.email'), value: (a) => a.email, render: (a) => a.email },
    { key: 'role', header: t('accounts.col.role'), value: (a) => roleLabel(a.role, t), render: (a) => roleLabel(a.role, t) },
    {
      key: 'organisation',
      header: t('accounts.col.organisation'),
      value: (a) => a.organisation ?? '',
      render: (a) => a.organisation ?? '',
    },
    {
      key: 'status',
      header: t('accounts.col.status'),
      value: (a) => (a.disabled ? t('accounts.status.disabled') : t('accounts.status.active')),
      render: (a) => (
        <span className={`badge badge--${a.disabled ? 'off' : 'on'}`}>
          {a.disabled ? t('accounts.status.disabled') : t('accounts.status.active')}
        </span>
      ),
    },
    timeColumn('createdAt', t('accounts.col.createdAt'), (a) => a.createdAt, language),
  ];

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
      {state.kind === 'ready' && (
        <>
          <DataTable
            variant="list"
            caption={t('accounts.heading')}
            columns={columns}
            rows={state.items}
            rowKey={(account) => account.id}
            empty={t('accounts.empty')}
            testId="accounts-table"
          />
          {state.items.length > 0 && (
            <LoadMore
              count={state.items.length}
              hasMore={state.nextCursor !== null}
              more={state.more}
              onLoadMore={loadMore}
            />
          )}
        </>
      )}
    </>
  );
}
