import { useId, useState } from 'react';
import { Link } from 'react-router';
import { ErrorState, LoadingState } from '@/components/async-state';
import { DataTable, type TableColumn } from '@/components/data-table';
import { formatIsoDate, useI18n } from '@/lib/i18n';
import { useLoaded } from '@/lib/use-loaded';
import { getGatheringFunnel } from '../api/get-gathering-funnel';
import type { ClusterFunnelRow, FunnelCounts, GatheringFunnel as Funnel, GatheringFunnelRow } from '../api/types';

const stages = ['registered', 'met', 'followedUp', 'requests', 'orders', 'firstTimeTies'] as const satisfies readonly (keyof FunnelCounts)[];

/**
 * 「マッチング会の成果」 (coordinators, DESIGN §12 follow-up): per gathering and per cluster, how many registered, how many
 * meetings took place, were followed up, led to a matching request and to an order, and how many of the meetings were
 * first-time ties between a buyer and a site; the totals above. Narrowed to one cluster on request.
 */
export function GatheringFunnel() {
  const { t } = useI18n();
  const id = useId();
  const [clusterId, setClusterId] = useState('');
  const funnel = useLoaded(`gathering-funnel-${clusterId}`, (signal) => getGatheringFunnel(clusterId || undefined, signal));
  // The clusters to choose from are those of the unfiltered answer (each row names its cluster).
  const [clusters, setClusters] = useState<ClusterFunnelRow[]>([]);
  if (!clusterId && funnel.state.kind === 'ready' && funnel.state.data.clusters !== clusters) {
    setClusters(funnel.state.data.clusters);
  }
  return (
    <section className="card" aria-labelledby={`${id}-heading`} data-testid="gathering-funnel">
      <h2 id={`${id}-heading`}>{t('funnel.heading')}</h2>
      <p className="muted">{t('funnel.lead')}</p>
      <div className="form__field analytics__funnel-filter">
        <label htmlFor={`${id}-cluster`}>{t('funnel.cluster')}</label>
        <select id={`${id}-cluster`} value={clusterId} onChange={(event) => setClusterId(event.target.value)}>
          <option value="">{t('funnel.allClusters')}</option>
          {clusters
            .filter((c): c is ClusterFunnelRow & { clusterId: string } => Boolean(c.clusterId))
            .map((c) => (
              <option key={c.clusterId} value={c.clusterId}>
                {c.clusterNameJa ?? c.clusterId}
              </option>
            ))}
        </select>
      </div>
      {funnel.state.kind === 'loading' && <LoadingState />}
      {funnel.state.kind === 'error' && <ErrorState error={funnel.state.error} onRetry={funnel.reload} />}
      {funnel.state.kind === 'ready' && <FunnelFigures data={funnel.state.data} />}
    </section>
  );
}

export function FunnelFigures({ data }: { data: Funnel }) {
  const { t, language } = useI18n();
  const counts = <Row,>(of: (row: Row) => FunnelCounts): TableColumn<Row>[] =>
    stages.map((stage) => ({ key: stage, header: t(`funnel.stage.${stage}`), value: (row) => of(row)[stage], numeric: true, testId: `funnel-${stage}` }));
  const gatheringColumns: TableColumn<GatheringFunnelRow>[] = [
    { key: 'heldOn', header: t('funnel.col.heldOn'), value: (row) => formatIsoDate(row.heldOn), kind: 'date', className: 'table__nowrap' },
    {
      key: 'title',
      header: t('funnel.col.gathering'),
      value: (row) => (language === 'en' && row.titleEn ? row.titleEn : row.titleJa),
      render: (row) => <Link to={`/gatherings/${row.gatheringId}`}>{language === 'en' && row.titleEn ? row.titleEn : row.titleJa}</Link>,
    },
    { key: 'kind', header: t('funnel.col.kind'), value: (row) => t(`gatherings.kind.${row.kind}`) },
    { key: 'cluster', header: t('funnel.col.cluster'), value: (row) => row.clusterNameJa ?? t('funnel.noCluster') },
    ...counts<GatheringFunnelRow>((row) => row.counts),
  ];
  const clusterColumns: TableColumn<ClusterFunnelRow>[] = [
    { key: 'cluster', header: t('funnel.col.cluster'), value: (row) => row.clusterNameJa ?? t('funnel.noCluster') },
    { key: 'gatherings', header: t('funnel.col.gatherings'), value: (row) => row.gatherings, numeric: true },
    ...counts<ClusterFunnelRow>((row) => row.counts),
  ];
  return (
    <>
      <ol className="analytics__figures analytics__funnel" data-testid="funnel-total">
        {stages.map((stage) => (
          <li key={stage}>
            <span className="analytics__figure" data-testid={`funnel-total-${stage}`}>
              {data.total[stage]}
            </span>
            {t(`funnel.stage.${stage}`)}
          </li>
        ))}
      </ol>
      <DataTable
        caption={t('funnel.byGathering')}
        fileName="gathering-funnel"
        columns={gatheringColumns}
        rows={data.gatherings}
        rowKey={(row) => row.gatheringId}
        rowData={(row) => ({ 'data-gathering': row.gatheringId })}
        empty={t('funnel.none')}
        testId="funnel-gatherings"
        rowTestId="funnel-row"
      />
      <DataTable
        caption={t('funnel.byCluster')}
        fileName="gathering-funnel-by-cluster"
        columns={clusterColumns}
        rows={data.clusters}
        rowKey={(row) => row.clusterId ?? 'none'}
        empty={t('funnel.none')}
        testId="funnel-clusters"
      />
    </>
  );
}
