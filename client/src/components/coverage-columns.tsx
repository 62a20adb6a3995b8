import type { TableColumn } from '@/components/data-table';
import type { Schemas } from '@/lib/api-client';
import { formatNumber, type Language, type Translate } from '@/lib/i18n';

type CoverageRow = Schemas['CoverageRow'];

/**
 * The columns a coverage row has wherever it is shown (a cluster's value chain, a region's process families): how many
 * sites do the step, how many are verified, take contract work and have spare capacity, and whether it is a gap.
 */
export function coverageColumns<Row extends CoverageRow>(
  t: Translate,
  language: Language,
  isGap: (row: Row) => boolean,
): { counts: TableColumn<Row>[]; state: TableColumn<Row> } {
  return {
    counts: [
      { key: 'sites', header: t('coverage.sites'), value: (row) => row.sites, numeric: true },
      { key: 'verified', header: t('coverage.verified'), value: (row) => row.verified, numeric: true },
      { key: 'accepting', header: t('coverage.accepting'), value: (row) => row.acceptingContractWork, numeric: true },
      { key: 'spare', header: t('coverage.withSpareCapacity'), value: (row) => row.withSpareCapacity, numeric: true },
      {
        key: 'spareAvg',
        header: t('coverage.spareAvg'),
        value: (row) => row.spareCapacityAvgPct ?? null,
        render: (row) => (row.spareCapacityAvgPct == null ? '—' : `${formatNumber(row.spareCapacityAvgPct, language)}%`),
        numeric: true,
      },
    ],
    state: {
      key: 'state',
      header: t('coverage.state'),
      value: (row) => (isGap(row) ? t('coverage.gap') : t('coverage.covered')),
      render: (row) =>
        isGap(row) ? <strong className="gap-text">{t('coverage.gap')}</strong> : <span className="muted">{t('coverage.covered')}</span>,
    },
  };
}
