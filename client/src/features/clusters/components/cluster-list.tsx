import { useCallback, useId } from 'react';
import { Link, useSearchParams } from 'react-router';
import { EmptyState, ErrorState, LoadMore, LoadingState } from '@/components/async-state';
import { hasRole, useSessionState } from '@/lib/auth';
import { useI18n } from '@/lib/i18n';
import { useCursorList } from '@/lib/paging/use-cursor-list';
import { useTaxonomyLabels } from '@/lib/taxonomy';
import { listClusters } from '../api/list-clusters';
import { sectors, type ClusterSector } from '../api/types';
import { ClusterStatusBadge } from './cluster-status-badge';
import './clusters.css';

function isSector(value: string | null): value is ClusterSector {
  return (sectors as readonly string[]).includes(value ?? '');
}

/**
 * The clusters: published ones for everyone; coordinators see drafts and archived ones too, with their state. The
 * sector filter lives in the URL (?sector=…).
 */
export function ClusterList() {
  const { t } = useI18n();
  const id = useId();
  const session = useSessionState();
  const coordinator = session.status === 'signed-in' && hasRole(session.user, ['coordinator', 'admin']);
  const signedInAs = session.status === 'signed-in' ? session.user.id : session.status;
  const [params, setParams] = useSearchParams();
  const sectorParam = params.get('sector');
  const sector = isSector(sectorParam) ? sectorParam : undefined;
  const labelOf = useTaxonomyLabels(['processes']);

  // A new sector or another sign-in (coordinators see more) starts the list again.
  const fetchPage = useCallback(
    (cursor: string | undefined, signal: AbortSignal) => listClusters(sector, cursor, signal),
    [sector, signedInAs],
  );
  const list = useCursorList(fetchPage);

  return (
    <>
      <div className="clusters__toolbar">
        <div className="form__field">
          <label htmlFor={`${id}-sector`}>{t('clusters.filterSector')}</label>
          <select
            id={`${id}-sector`}
            value={sector ?? ''}
            onChange={(event) => {
              const next = new URLSearchParams(params);
              if (event.target.value) {
                next.set('sector', event.target.value);
              } else {
                next.delete('sector');
              }
              setParams(next);
            }}
          >
            <option value="">{t('clusters.allSectors')}</option>
            {sectors.map((s) => (
              <option key={s} value={s}>
                {t(`sector.${s}`)}
              </option>
            ))}
          </select>
        </div>
        {coordinator && (
          <Link className="button" to="/clusters/new">
            {t('clusters.new')}
          </Link>
        )}
      </div>
      {list.state.kind === 'loading' && <LoadingState />}
      {list.state.kind === 'error' && <ErrorState error={list.state.error} onRetry={list.reload} />}
      {list.state.kind === 'ready' && list.state.items.length === 0 && <EmptyState>{t('clusters.empty')}</EmptyState>}
      {list.state.kind === 'ready' && list.state.items.length > 0 && (
        <>
          <ul className="cluster-cards" data-testid="cluster-list">
            {list.state.items.map((cluster) => (
              <li key={cluster.id} className="cluster-card" data-testid="cluster-card" data-sector={cluster.sector}>
                <h2 className="cluster-card__name">
                  <Link to={`/clusters/${cluster.id}`}>{cluster.nameJa}</Link>
                </h2>
                {cluster.nameEn && <p className="muted cluster-card__en">{cluster.nameEn}</p>}
                <p className="cluster-card__facts">
                  <span className="badge badge--off">{t(`sector.${cluster.sector}`)}</span>
                  {(coordinator || cluster.status !== 'published') && <ClusterStatusBadge status={cluster.status} />}
                  <span className="muted">{t('clusters.memberCount', { count: cluster.memberCount })}</span>
                </p>
                <p className="cluster-card__chain">
                  <span className="visually-hidden">{t('clusters.valueChain')}: </span>
                  {cluster.valueChain.map((code) => labelOf('processes', code)).join(' → ')}
                </p>
              </li>
            ))}
          </ul>
          <LoadMore
            count={list.state.items.length}
            hasMore={list.state.nextCursor !== null}
            more={list.state.more}
            onLoadMore={list.loadMore}
          />
        </>
      )}
    </>
  );
}
