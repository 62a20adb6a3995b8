import { ErrorState, LoadingState } from '@/components/async-state';
import { BarChart } from '@/components/bar-chart';
import { coverageColumns } from '@/components/coverage-columns';
import { DataTable, type TableColumn } from '@/components/data-table';
import { GapAlert } from '@/components/gap-alert';
import { municipalityColumn } from '@/components/municipality-column';
import { formatDateTime, useI18n } from '@/lib/i18n';
import { useMunicipalityNames } from '@/lib/places';
import { useLoaded } from '@/lib/use-loaded';
import { getClusterCoverage } from '../api/get-cluster-coverage';
import type { Cluster, ClusterCoverage, CoverageRow } from '../api/types';
import { useStepLabel } from '../viewer';

/**
 * How much of the cluster's value chain its region can do: per step, the published sites that do it (verified, with
 * spare capacity, members), as a chart and a table; the steps no site in the region does (gaps), named; and the sites
 * per step by municipality.
 */
export function CoverageSection({ cluster, generation = 0 }: { cluster: Cluster; generation?: number }) {
  const { t } = useI18n();
  const coverage = useLoaded(`${cluster.id}-${cluster.version}-coverage-${generation}`, (signal) => getClusterCoverage(cluster.id, signal));
  return (
    <section className="card" aria-labelledby="coverage-heading" data-testid="cluster-coverage">
      <h2 id="coverage-heading">{t('clusters.coverage')}</h2>
      <p className="muted">{t('clusters.coverageLead')}</p>
      {coverage.state.kind === 'loading' && <LoadingState />}
      {coverage.state.kind === 'error' && <ErrorState error={coverage.state.error} onRetry={coverage.reload} />}
      {coverage.state.kind === 'ready' && <CoverageView cluster={cluster} coverage={coverage.state.data} />}
    </section>
  );
}

export function CoverageView({ cluster, coverage }: { cluster: Cluster; coverage: ClusterCoverage }) {
  const { t, language } = useI18n();
  const stepLabel = useStepLabel(cluster.valueChain);
  const rows = coverage.steps.map((row, i) => ({ ...row, step: row.step ?? i }));
  const nameOf = useMunicipalityNames(rows.flatMap((row) => row.byMunicipality.map((entry) => entry.municipalityCode)));
  const gaps = new Set(coverage.gaps);
  const isGap = (row: CoverageRow & { step: number }) => gaps.has(row.step) || row.sites === 0;
  const series = [
    { key: 'sites', label: t('coverage.sites') },
    { key: 'verified', label: t('coverage.verified') },
    { key: 'withSpareCapacity', label: t('coverage.withSpareCapacity') },
    { key: 'members', label: t('coverage.members') },
  ];

  const shared = coverageColumns(t, language, isGap);
  const columns: TableColumn<CoverageRow & { step: number }>[] = [
    { key: 'step', header: t('clusters.col.step'), value: (row) => stepLabel(row.step) },
    { key: 'process', header: t('clusters.col.processCode'), value: (row) => row.processCode, render: (row) => <code>{row.processCode}</code> },
    ...shared.counts,
    { key: 'members', header: t('coverage.members'), value: (row) => row.members ?? 0, numeric: true },
    shared.state,
  ];

  // Municipalities as rows, steps as columns: where in the region each step can be done.
  const municipalities = new Map<string, number[]>();
  rows.forEach((row, i) => {
    for (const entry of row.byMunicipality) {
      const code = entry.municipalityCode ?? '';
      const counts = municipalities.get(code) ?? rows.map(() => 0);
      counts[i] = (counts[i] ?? 0) + entry.sites;
      municipalities.set(code, counts);
    }
  });
  const byMunicipality = [...municipalities.entries()]
    .map(([code, counts]) => ({ code, counts, total: counts.reduce((a, b) => a + b, 0) }))
    .sort((a, b) => b.total - a.total || a.code.localeCompare(b.code));
  const municipalityColumns: TableColumn<(typeof byMunicipality)[number]>[] = [
    municipalityColumn('municipality', t('coverage.municipalityCode'), (row) => row.code, nameOf, t('coverage.municipalityUnknown')),
    ...rows.map((row, i) => ({
      key: `step-${i}`,
      header: stepLabel(row.step),
      value: (m: (typeof byMunicipality)[number]) => m.counts[i] ?? 0,
      numeric: true,
    })),
  ];

  return (
    <>
      {coverage.gaps.length > 0 ? (
        <GapAlert
          title={t('clusters.gapsHeading', { count: coverage.gaps.length })}
          items={coverage.gaps.map((step) => ({ key: String(step), text: t('clusters.gapItem', { step: stepLabel(step) }) }))}
          testId="coverage-gaps"
        />
      ) : (
        <p className="notice" data-testid="coverage-complete">
          {t('clusters.noGaps')}
        </p>
      )}
      <BarChart
        title={t('clusters.coverageChart', { name: cluster.nameJa })}
        series={series}
        categories={rows.map((row) => ({
          key: String(row.step),
          label: stepLabel(row.step),
          values: [row.sites, row.verified, row.withSpareCapacity, row.members ?? 0],
          gap: isGap(row) ? t('coverage.gapNoSite') : null,
        }))}
        testId="coverage-chart"
      />
      <DataTable
        caption={t('clusters.coverageTable')}
        fileName={`${cluster.code}-coverage`}
        columns={columns}
        rows={rows}
        rowKey={(row) => String(row.step)}
        highlight={isGap}
        testId="coverage-table"
      />
      <DataTable
        caption={t('clusters.byMunicipality')}
        fileName={`${cluster.code}-coverage-by-municipality`}
        columns={municipalityColumns}
        rows={byMunicipality}
        rowKey={(row) => row.code || 'unknown'}
        empty={t('clusters.byMunicipalityEmpty')}
        testId="coverage-by-municipality"
      />
      <p className="muted clusters__computed">{t('clusters.computedAt', { at: formatDateTime(coverage.computedAt, language) })}</p>
    </>
  );
}
