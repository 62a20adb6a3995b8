import { useCallback } from 'react';
import { ErrorState, LoadingState, LoadMore } from '@/components/async-state';
import { DataTable, timeColumn, type TableColumn } from '@/components/data-table';
import { isMessageKey, useI18n, type Translate } from '@/lib/i18n';
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
  const columns: TableColumn<AuditEntry>[] = [
    timeColumn('at', t('audit.col.at'), (entry) => entry.at, language, 'table__nowrap'),
    {
      key: 'actor',
      header: t('audit.col.actor'),
      value: (entry) => entry.actorName || entry.actorId,
      render: (entry) => (
        <>
          <span className="table__sub">{actorKindLabel(entry.actorKind, t)}</span>
          {entry.actorName ? <span title={entry.actorId}>{entry.actorName}</span> : <code>{entry.actorId}</code>}
        </>
      ),
    },
    // Labels in the reader's language; an action or resource this client does not know yet is shown as the API names it.
    {
      key: 'action',
      header: t('audit.col.action'),
      value: (e) => labelOr(`audit.action.${e.action}`, e.action, t),
      render: (e) => <span data-action={e.action}>{labelOr(`audit.action.${e.action}`, e.action, t)}</span>,
    },
    { key: 'resource', header: t('audit.col.resource'), value: (e) => labelOr(`audit.resource.${e.resource}`, e.resource, t) },
    {
      key: 'resourceId',
      header: t('audit.col.resourceId'),
      value: (entry) => entry.resourceId,
      render: (entry) => <code>{entry.resourceId}</code>,
    },
  ];

  return (
    <>
      <DataTable
        variant="list"
        caption={t('audit.heading')}
        columns={columns}
        rows={state.items}
        rowKey={(entry) => entry.id}
        empty={t('audit.empty')}
        testId="audit-table"
      />
      {state.items.length > 0 && (
        <LoadMore count={state.items.length} hasMore={state.nextCursor !== null} more={state.more} onLoadMore={loadMore} />
      )}
    </>
  );
}

function actorKindLabel(kind: string, t: Translate): string {
  return labelOr(`audit.actorKind.${kind}`, kind, t);
}

function labelOr(key: string, fallback: string, t: Translate): string {
  return isMessageKey(key) ? t(key) : fallback;
}
