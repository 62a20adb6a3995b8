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

/** Sites waiting for a coordinator's verification, oldest change first, each with a link and a verify button. */
export function VerificationQueue() {
  const { t, language } = useI18n();
  const fetchPage = useCallback<FetchPage<VerificationQueueItem>>(
    (cursor, signal) => listVerificationQueue({ cursor }, signal),
    [],
  );
  const { state, loadMore, reload } = useCursorList(fetchPage);
  const [rows, setRows] = useState<Record<string, RowState>>({});
  const nameOf = useMunicipalityNames(state.kind === 'ready' ? state.items.map((item) => item.municipalityCode) : []);

  async function verify(id: string) {
    setRows((previous) => ({ ...previous, [id]: { kind: 'busy' } }));
    const result = await verifySupplier(id);
    setRows((previous) => ({
      ...previous,
      [id]: result.kind === 'ok' ? { kind: 'verified' } : { kind: 'failed', failure: result },
    }));
  }

  if (state.kind === 'loading') {
    return <LoadingState />;
  }
  if (state.kind === 'error') {
    return <ErrorState error={state.error} onRetry={reload} />;
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
      <DataTable
        variant="list"
        caption={t('verificationQueue.heading')}
        columns={columns}
        rows={state.items}
        rowKey={(item) => item.id}
        empty={t('verificationQueue.empty')}
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
