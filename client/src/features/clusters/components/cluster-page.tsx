import { useState } from 'react';
import { Link } from 'react-router';
import { ErrorState, LoadingState } from '@/components/async-state';
import { useConfirm } from '@/components/confirm-dialog';
import { NotFound } from '@/components/not-found';
import { WriteAlert } from '@/components/write-alert';
import { ApiError } from '@/lib/problem';
import { formatNumber, useI18n, joinList } from '@/lib/i18n';
import { usePageTitle } from '@/lib/page-title';
import { useRegionLabel } from '@/lib/places';
import { useTaxonomyLabels } from '@/lib/taxonomy';
import { useLoaded } from '@/lib/use-loaded';
import type { WriteFailure } from '@/lib/write-result';
import { changeClusterStatus, clusterActions, type ClusterAction } from '../api/change-cluster-status';
import { getCluster } from '../api/get-cluster';
import type { Cluster } from '../api/types';
import { useClusterViewer, useStepLabel } from '../viewer';
import { ClusterStatusBadge } from './cluster-status-badge';
import type { RenderChain } from './consortium-view';
import { CoverageSection } from './coverage-section';
import { MembersSection } from './members-section';
import { ThemesSection } from './themes-section';
import './clusters.css';

/**
 * A cluster: its names, sector, region and description; its value chain with the region's coverage per step and the
 * gaps; its members and the steps they cover; its themes. Its coordinators edit, publish and archive it.
 */
export function ClusterPage({ id, renderChain }: { id: string; renderChain?: RenderChain }) {
  const cluster = useLoaded(id, (signal) => getCluster(id, signal));
  if (cluster.state.kind === 'loading') {
    return <LoadingState />;
  }
  if (cluster.state.kind === 'error') {
    // Not there, or a draft this reader may not see: the not-found page, as for a site — not an error to report.
    if (isNotFound(cluster.state.error)) {
      return <ClusterNotFound />;
    }
    return <ErrorState error={cluster.state.error} onRetry={cluster.reload} />;
  }
  return <ClusterView cluster={cluster.state.data} onCluster={cluster.replace} onReload={cluster.reload} renderChain={renderChain} />;
}

/** The API's answer for a cluster that is not there, or a draft the reader may not see (also for an id that is none). */
export function isNotFound(error: unknown): boolean {
  return error instanceof ApiError && error.status === 404;
}

export function ClusterNotFound() {
  const { t } = useI18n();
  return (
    <NotFound
      heading={t('clusters.notFound')}
      body={t('clusters.notFoundBody')}
      back={{ to: '/clusters', label: t('clusters.backToList') }}
      testId="cluster-not-found"
    />
  );
}

function ClusterView({
  cluster,
  onCluster,
  onReload,
  renderChain,
}: {
  cluster: Cluster;
  onCluster: (cluster: Cluster) => void;
  onReload: () => void;
  renderChain?: RenderChain;
}) {
  const { t, language } = useI18n();
  const viewer = useClusterViewer(cluster);
  const labelOf = useTaxonomyLabels(['prefectures']);
  const regionLabel = useRegionLabel([cluster.region]);
  const stepLabel = useStepLabel(cluster.valueChain);
  usePageTitle(language === 'en' && cluster.nameEn ? cluster.nameEn : cluster.nameJa, 1);
  const [working, setWorking] = useState(false);
  const [failure, setFailure] = useState<WriteFailure | null>(null);
  const [membership, setMembership] = useState(0);
  const { confirm, dialog } = useConfirm();

  // After a member joined or left: the member count and the coverage's member figures change, nothing else.
  function membersChanged() {
    setMembership((n) => n + 1);
    getCluster(cluster.id).then(onCluster, () => undefined);
  }

  async function transition(action: ClusterAction) {
    // Archiving cannot be taken back (the API has no way back from archived): asked first.
    if (
      action === 'archive' &&
      !(await confirm({
        title: t('clusters.confirm.archive', { name: cluster.nameJa }),
        body: <p>{t('clusters.confirm.archiveBody')}</p>,
        confirmLabel: t('clusters.confirm.archiveAction'),
        danger: true,
      }))
    ) {
      return;
    }
    setWorking(true);
    setFailure(null);
    const result = await changeClusterStatus(cluster.id, action);
    setWorking(false);
    if (result.kind === 'ok') {
      onCluster(result.data);
    } else {
      setFailure(result);
    }
  }

  const region = cluster.region;
  const placed = regionLabel(region);
  const regionParts = [
    placed ??
      (region.centre
        ? t('clusters.regionCentre', { lat: formatNumber(region.centre.lat, language, 4), lon: formatNumber(region.centre.lon, language, 4) })
        : null),
    !placed && region.radiusKm != null ? t('clusters.regionRadius', { km: formatNumber(region.radiusKm, language) }) : null,
    region.prefectures && region.prefectures.length > 0
      ? t('clusters.regionPrefectures', { names: joinList(region.prefectures.map((code) => labelOf('prefectures', code)), language) })
      : null,
  ].filter(Boolean);

  return (
    <div className="clusters">
      <section className="card" aria-labelledby="cluster-heading">
        <p>
          <Link to="/clusters">{t('clusters.backToList')}</Link>
        </p>
        <h1 id="cluster-heading">{cluster.nameJa}</h1>
        {cluster.nameEn && <p className="muted">{cluster.nameEn}</p>}
        <p className="cluster-card__facts">
          <span className="badge badge--off" data-testid="cluster-sector">
            {t(`sector.${cluster.sector}`)}
          </span>
          <ClusterStatusBadge status={cluster.status} />
        </p>
        {cluster.description && <p className="clusters__description">{cluster.description}</p>}
        <dl className="details">
          <dt>{t('clusters.region')}</dt>
          <dd data-testid="cluster-region">{regionParts.join(' / ')}</dd>
          <dt>{t('clusters.valueChain')}</dt>
          <dd>
            <ol className="value-chain" data-testid="value-chain">
              {cluster.valueChain.map((code, i) => (
                <li key={`${code}-${i}`}>{stepLabel(i)}</li>
              ))}
            </ol>
          </dd>
          <dt>{t('clusters.members')}</dt>
          <dd>{t('clusters.memberCount', { count: cluster.memberCount })}</dd>
          <dt>{t('clusters.code')}</dt>
          <dd>
            <code>{cluster.code}</code>
          </dd>
        </dl>
        {failure && <WriteAlert failure={failure} onReload={onReload} />}
        {dialog}
        {viewer.manages && (
          <div className="clusters__actions" role="group" aria-label={t('clusters.actions')}>
            <Link className="button button--secondary" to={`/clusters/${cluster.id}/edit`}>
              {t('clusters.edit')}
            </Link>
            {clusterActions(cluster.status).map((action) => (
              <button
                key={action}
                type="button"
                className={action === 'publish' ? 'button' : 'button button--secondary'}
                disabled={working}
                onClick={() => void transition(action)}
              >
                {t(`clusters.action.${action}`)}
              </button>
            ))}
          </div>
        )}
      </section>
      <CoverageSection cluster={cluster} generation={membership} />
      <MembersSection cluster={cluster} viewer={viewer} onChanged={membersChanged} />
      <ThemesSection cluster={cluster} viewer={viewer} renderChain={renderChain} />
    </div>
  );
}
