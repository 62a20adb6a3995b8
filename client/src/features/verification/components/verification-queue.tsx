import { useCallback, useState } from 'react';
import { Link } from 'react-router';
import { EmptyState, ErrorState, LoadingState, LoadMore } from '@/components/async-state';
import { WriteAlert } from '@/components/write-alert';
import { formatDateTime, useI18n } from '@/lib/i18n';
import { useCursorList, type FetchPage } from '@/lib/paging/use-cursor-list';
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
  if (state.items.length === 0) {
    return <EmptyState>{t('verificationQueue.empty')}</EmptyState>;
  }

  return (
    <>
      <div className="table-scroll">
        <table className="table" data-testid="verification-queue">
          <caption className="visually-hidden">{t('verificationQueue.heading')}</caption>
          <thead>
            <tr>
              <th scope="col">{t('verificationQueue.col.name')}</th>
              <th scope="col">{t('verificationQueue.col.municipality')}</th>
              <th scope="col">{t('verificationQueue.col.status')}</th>
              <th scope="col">{t('verificationQueue.col.updatedAt')}</th>
              <th scope="col">
                <span className="visually-hidden">{t('parts.actions')}</span>
              </th>
            </tr>
          </thead>
          <tbody>
            {state.items.map((item) => {
              const row = rows[item.id];
              const verified = row?.kind === 'verified' || item.verification === 'verified';
              return (
                <tr key={item.id} data-testid="queue-row" data-id={item.id}>
                  <td>
                    <Link to={`/suppliers/${item.id}`}>{item.nameJa}</Link>
                  </td>
                  <td>{item.municipalityCode ? <code>{item.municipalityCode}</code> : '—'}</td>
                  <td>
                    <span className="table__sub">{t(`status.${item.status}`)}</span>
                    {t(`verification.${verified ? 'verified' : item.verification}`)}
                  </td>
                  <td className="table__nowrap">
                    <time dateTime={item.updatedAt}>{formatDateTime(item.updatedAt, language)}</time>
                  </td>
                  <td>
                    {verified ? (
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
                  </td>
                </tr>
              );
            })}
          </tbody>
        </table>
      </div>
      <LoadMore count={state.items.length} hasMore={state.nextCursor !== null} more={state.more} onLoadMore={loadMore} />
    </>
  );
}
