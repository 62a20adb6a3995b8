import { useCallback } from 'react';
import { EmptyState, ErrorState, LoadingState, LoadMore } from '@/components/async-state';
import { formatDateTime, isMessageKey, useI18n, type Translate } from '@/lib/i18n';
import { useCursorList, type FetchPage } from '@/lib/paging/use-cursor-list';
import { listAuditLog, type AuditEntry } from '../api/list-audit-log';

/** The audit log, newest first (the API's order), a page at a time. */
export function AuditLogTable() {
  const { t, language } = useI18n();
  const fetchPage = useCallback<FetchPage<AuditEntry>>((cursor, signal) => listAuditLog({ cursor }, signal), []);
  const { state, loadMore, reload } = useCursorList(fetchPage);

  if (state.kind === 'loading') {
    return <LoadingState />;
  }
  if (state.kind === 'error') {
    return <ErrorState error={state.error} onRetry={reload} />;
  }
  if (state.items.length === 0) {
    return <EmptyState>{t('audit.empty')}</EmptyState>;
  }

  return (
    <>
      <div className="table-scroll">
        <table className="table" data-testid="audit-table">
          <caption className="visually-hidden">{t('audit.heading')}</caption>
          <thead>
            <tr>
              <th scope="col">{t('audit.col.at')}</th>
              <th scope="col">{t('audit.col.actor')}</th>
              <th scope="col">{t('audit.col.action')}</th>
              <th scope="col">{t('audit.col.resource')}</th>
              <th scope="col">{t('audit.col.resourceId')}</th>
            </tr>
          </thead>
          <tbody>
            {state.items.map((entry) => (
              <tr key={entry.id}>
                <td className="table__nowrap">
                  <time dateTime={entry.at}>{formatDateTime(entry.at, language)}</time>
                </td>
                <td>
                  <span className="table__sub">{actorKindLabel(entry.actorKind, t)}</span>
                  {entry.actorName ? <span title={entry.actorId}>{entry.actorName}</span> : <code>{entry.actorId}</code>}
                </td>
                <td>
                  <code>{entry.action}</code>
                </td>
                <td>
                  <code>{entry.resource}</code>
                </td>
                <td>
                  <code>{entry.resourceId}</code>
                </td>
              </tr>
            ))}
          </tbody>
        </table>
      </div>
      <LoadMore count={state.items.length} hasMore={state.nextCursor !== null} more={state.more} onLoadMore={loadMore} />
    </>
  );
}

function actorKindLabel(kind: string, t: Translate): string {
  const key = `audit.actorKind.${kind}`;
  return isMessageKey(key) ? t(key) : kind;
}
