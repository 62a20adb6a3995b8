import type { ReactNode } from 'react';
import { useI18n, type MessageKey } from '@/lib/i18n';
import { ApiError } from '@/lib/problem';

/** Shown while the first answer is awaited. */
export function LoadingState({ children }: { children?: ReactNode }) {
  const { t } = useI18n();
  return (
    <p className="state state--loading" role="status" data-testid="loading-state">
      <span className="state__spinner" aria-hidden="true" />
      {children ?? t('list.loading')}
    </p>
  );
}

/** Shown when a list has nothing to show. */
export function EmptyState({ children }: { children: ReactNode }) {
  return (
    <p className="state state--empty" data-testid="empty-state">
      {children}
    </p>
  );
}

function errorMessage(error: unknown): MessageKey {
  if (!(error instanceof ApiError)) {
    // fetch rejects with a TypeError when the network fails; anything else is as good as unreachable too.
    return 'error.unreachable';
  }
  switch (error.status) {
    case 401:
      return 'error.unauthorized';
    case 403:
      return 'error.forbidden';
    case 429:
      return 'error.rateLimited';
    default:
      return 'error.generic';
  }
}

/** Says what went wrong in the reader's language, with the problem's trace id to quote, and offers a retry. */
export function ErrorState({ error, onRetry }: { error: unknown; onRetry?: () => void }) {
  const { t } = useI18n();
  const traceId = error instanceof ApiError ? error.problem?.traceId : null;
  return (
    <div className="state state--error" role="alert" data-testid="error-state">
      <p>{t(errorMessage(error))}</p>
      {traceId && <p className="muted">{t('error.traceId', { traceId })}</p>}
      {onRetry && (
        <button type="button" className="button button--secondary" onClick={onRetry}>
          {t('list.retry')}
        </button>
      )}
    </div>
  );
}

/**
 * Below a keyset-paginated list: how many rows are shown and a "more" button while the API has a next page; a
 * failed "more" says so next to the button, the rows already shown stay.
 */
export function LoadMore({
  count,
  hasMore,
  more,
  onLoadMore,
}: {
  count: number;
  hasMore: boolean;
  more: { kind: 'idle' } | { kind: 'loading' } | { kind: 'error'; error: unknown };
  onLoadMore: () => void;
}) {
  const { t } = useI18n();
  return (
    <div className="load-more">
      <p className="muted" role="status">
        {t('list.count', { count })}
      </p>
      {more.kind === 'error' && <ErrorState error={more.error} />}
      {hasMore && (
        <button type="button" className="button button--secondary" onClick={onLoadMore} disabled={more.kind === 'loading'}>
          {more.kind === 'loading' ? t('list.loadingMore') : t('list.more')}
        </button>
      )}
    </div>
  );
}
