import { useCallback, useState } from 'react';
import { Link } from 'react-router';
import { ErrorState, LoadingState, LoadMore } from '@/components/async-state';
import { actionsColumn, DataTable, timeColumn, type TableColumn } from '@/components/data-table';
import { municipalityColumn } from '@/components/municipality-column';
import { WriteAlert } from '@/components/write-alert';
import { useI18n } from '@/lib/i18n';
import { useCursorList, type FetchPage } from '@/lib/paging/use-cursor-list';
import { useMunicipalityNames } from '@/lib/places';
import type { WriteFailure } from '@/lib/write-result';
import { listVerificationQueue, type VerificationQueueItem } from '../api/list-verification-queue';
import { verifySupplier } from '../api/verify-supplier';

type RowState = { kind: 'busy' } | { kind: 'verified' } | { kind: 'failed'; failure: WriteFailure };

/**
 * Sites waiting for a coordinator's verification, oldest change first, each with a link and a verify button; a name
 * search (recent edits sit past the first page), and the data-quality list: sites whose facts contradict each other.
 */
export function VerificationQueue() {
  const { t, language } = useI18n();
  const [filter, setFilter] = useState<{ q: string; issues: boolean }>({ q: '', issues: false });
  const [typed, setTyped] = useState('');
  const fetchPage = useCallback<FetchPage<VerificationQueueItem>>(
    (cursor, signal) =>
      listVerificationQueue({ cursor, q: filter.q || undefined, issues: filter.issues || undefined }, signal),
    [filter],
  );
  const { state, loadMore, reload } = useCursorList(fetchPage);
  const [rows, setRows] = useState<Record<string, RowState>>({});
  const nameOf = useMunicipalityNames(state.kind === 'ready' ? state.items.map((item) => item.municipalityCode) : []);
  const controls = (
    <form
      className="queue-filter"
      role="search"
      onSubmit={(event) => {
        event.preventDefault();
        setFilter((previous) => ({ ...previous, q: typed.trim() }));
      }}
    >
      <label>
        {t('verificationQueue.search')}
        <input type="search" name="q" value={typed} maxLength={100} onChange={(event) => setTyped(event.target.value)} />
      </label>
      <button type="submit" className="button button--small">
        {t('search.submit')}
      </button>
      <label className="queue-filter__toggle">
        <input
          type="checkbox"
          name="issues"
          checked={filter.issues}
          onChange={(event) => setFilter((previous) => ({ ...previous, issues: event.target.checked }))}
        />
        {t('verificationQueue.issuesOnly')}
      </label>
    </form>
  );

  async function verify(id: string) {
    setRows((previous) => ({ ...previous, [id]: { kind: 'busy' } }));
    const result = await verifySupplier(id);
    setRows((previous) => ({
      ...previous,
      [id]: result.kind === 'ok' ? { kind: 'verified' } : { kind: 'failed', failure: result },
    }));
  }

  if (state.kind === 'loading') {
    return (
      <>
        {controls}
        <LoadingState />
      </>
    );
  }
  if (state.kind === 'error') {
    return (
      <>
        {controls}
        <ErrorState error={state.error} onRetry={reload} />
      </>
    );
  }
  const isVerified = (item: VerificationQueueItem) => rows[item.id]?.kind === 'verified' || item.verification === 'verified';
  const columns: TableColumn<VerificationQueueItem>[] = [
    {
      key: 'name',
      header: t('verificationQueue.col.name'),
      value: (item) => item.nameJa,
      render: (item) => <Link to={`/suppliers/${item.id}`}>{item.nameJa}</Link>,
    },
    municipalityColumn('municipality', t('verificationQueue.col.municipality'), (item) => item.municipalityCode, nameOf),
    {
      key: 'status',
      header: t('verificationQueue.col.status'),
      value: (item) => t(`verification.${isVerified(item) ? 'verified' : item.verification}`),
      render: (item) => (
        <>
          <span className="table__sub">{t(`status.${item.status}`)}</span>
          {t(`verification.${isVerified(item) ? 'verified' : item.verification}`)}
        </>
      ),
    },
    {
      key: 'issues',
      header: t('verificationQueue.col.issues'),
      value: (item) => item.issues.map((issue) => t(`dataQuality.${issue}`)).join(' / '),
      render: (item) =>
        item.issues.length === 0 ? (
          '—'
        ) : (
          <ul className="queue-issues" data-testid="queue-issues">
            {item.issues.map((issue) => (
              <li key={issue}>{t(`dataQuality.${issue}`)}</li>
            ))}
          </ul>
        ),
    },
    timeColumn('updatedAt', t('verificationQueue.col.updatedAt'), (item) => item.updatedAt, language, 'table__nowrap'),
    actionsColumn(t('parts.actions'), (item) => {
        const row = rows[item.id];
        return (
          <>
            {isVerified(item) ? (
              <span className="badge badge--on" role="status">
                {t('verificationQueue.done')}
              </span>
            ) : (
              <button
                type="button"
                className="button button--small"
                disabled={row?.kind === 'busy'}
                aria-label={t('verificationQueue.verifyOf', { name: item.nameJa })}
                onClick={() => void verify(item.id)}
              >
                {row?.kind === 'busy' ? t('verificationQueue.verifying') : t('verificationQueue.verify')}
              </button>
            )}
            {row?.kind === 'failed' && <WriteAlert failure={row.failure} />}
          </>
        );
      }),
  ];

  return (
    <>
      {controls}
      <DataTable
        variant="list"
        caption={t('verificationQueue.heading')}
        columns={columns}
        rows={state.items}
        rowKey={(item) => item.id}
        empty={filter.issues ? t('verificationQueue.noIssues') : t('verificationQueue.empty')}
        testId="verification-queue"
        rowTestId="queue-row"
        rowData={(item) => ({ 'data-id': item.id })}
      />
      {state.items.length > 0 && (
        <LoadMore count={state.items.length} hasMore={state.nextCursor !== null} more={state.more} onLoadMore={loadMore} />
      )}
    </>
  );
}
