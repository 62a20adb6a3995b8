import { useCallback } from 'react';
import { Link } from 'react-router';
import { EmptyState, ErrorState, LoadMore, LoadingState } from '@/components/async-state';
import { formatDateTime, useI18n } from '@/lib/i18n';
import { useCursorList } from '@/lib/paging/use-cursor-list';
import { listMatchingRequests } from '../api/list-matching-requests';
import { StatusBadge } from './status-badge';
import './matching.css';

/** The caller's matching requests, each linking to its page, and the way to a new one. */
export function RequestList() {
  const { t, language } = useI18n();
  const fetchPage = useCallback((cursor: string | undefined, signal: AbortSignal) => listMatchingRequests(cursor, signal), []);
  const { state, loadMore, reload } = useCursorList(fetchPage);

  return (
    <section className="card" aria-labelledby="matching-list-heading">
      <h1 id="matching-list-heading">{t('matching.listHeading')}</h1>
      <p className="muted">{t('matching.listLead')}</p>
      <p>
        <Link className="button" to="/matching/new">
          {t('matching.new')}
        </Link>
      </p>
      {state.kind === 'loading' && <LoadingState />}
      {state.kind === 'error' && <ErrorState error={state.error} onRetry={reload} />}
      {state.kind === 'ready' && state.items.length === 0 && <EmptyState>{t('matching.none')}</EmptyState>}
      {state.kind === 'ready' && state.items.length > 0 && (
        <>
          <div className="table-scroll">
            <table className="table">
              <thead>
                <tr>
                  <th scope="col">{t('matching.title')}</th>
                  <th scope="col">{t('matching.status')}</th>
                  <th scope="col">{t('matching.createdAt')}</th>
                </tr>
              </thead>
              <tbody>
                {state.items.map((item) => (
                  <tr key={item.id} data-testid="matching-request">
                    <th scope="row">
                      <Link to={`/matching/${item.id}`}>{item.request.title}</Link>
                    </th>
                    <td>
                      <StatusBadge status={item.status} />
                    </td>
                    <td className="table__nowrap">{formatDateTime(item.createdAt, language)}</td>
                  </tr>
                ))}
              </tbody>
            </table>
          </div>
          <LoadMore count={state.items.length} hasMore={state.nextCursor !== null} more={state.more} onLoadMore={loadMore} />
        </>
      )}
    </section>
  );
}
