import { BarChart } from '@/components/bar-chart';
import { coverageColumns } from '@/components/coverage-columns';
import { DataTable, type TableColumn } from '@/components/data-table';
import { GapAlert } from '@/components/gap-alert';
import { useI18n } from '@/lib/i18n';
import type { LabelOf } from '@/lib/taxonomy';
import type { CoverageRow, RegionCoverage } from '../api/types';

/** Per process family: the region's sites, verified, taking contract work, with spare capacity — chart, gaps, table. */
export function FamilyCoverage({ coverage, labelOf }: { coverage: RegionCoverage; labelOf: LabelOf }) {
  const { t, language } = useI18n();
  const gaps = new Set(coverage.gaps);
  const isGap = (row: CoverageRow) => gaps.has(row.processCode) || row.sites === 0;
  const family = (row: CoverageRow) => labelOf('processes', row.processCode);
  const shared = coverageColumns(t, language, isGap);
  const columns: TableColumn<CoverageRow>[] = [
    { key: 'family', header: t('analytics.col.family'), value: family },
    { key: 'code', header: t('analytics.col.code'), value: (row) => row.processCode, render: (row) => <code>{row.processCode}</code> },
    ...shared.counts,
    shared.state,
  ];

  return (
    <section className="card" aria-labelledby="families-heading" data-testid="family-coverage">
      <h2 id="families-heading">{t('analytics.families')}</h2>
      {coverage.gaps.length > 0 ? (
        <GapAlert
          title={t('analytics.gapsHeading', { count: coverage.gaps.length })}
          items={coverage.gaps.map((code) => ({ key: code, text: labelOf('processes', code) }))}
          testId="region-gaps"
        />
      ) : (
        <p className="notice" data-testid="region-gaps">
          {t('analytics.noGaps')}
        </p>
      )}
      <BarChart
        title={t('analytics.familiesChart')}
        series={[
          { key: 'sites', label: t('coverage.sites') },
          { key: 'verified', label: t('coverage.verified') },
          { key: 'accepting', label: t('coverage.accepting') },
          { key: 'spare', label: t('coverage.withSpareCapacity') },
        ]}
        categories={coverage.families.map((row) => ({
          key: row.processCode,
          label: family(row),
          values: [row.sites, row.verified, row.acceptingContractWork, row.withSpareCapacity],
          gap: isGap(row) ? t('coverage.gapNoSite') : null,
        }))}
        testId="families-chart"
      />
      <DataTable
        caption={t('analytics.familiesTable')}
        fileName="region-coverage-by-process-family"
        columns={columns}
        rows={coverage.families}
        rowKey={(row) => row.processCode}
        highlight={isGap}
        testId="families-table"
      />
    </section>
  );
}
