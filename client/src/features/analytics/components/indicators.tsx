import { BarChart } from '@/components/bar-chart';
import { DataTable, type TableColumn } from '@/components/data-table';
import { formatNumber, useI18n } from '@/lib/i18n';
import { shortLabel, type LabelOf } from '@/lib/taxonomy';
import type { RegionIndicators } from '../api/types';
import { share } from '../region-query';

interface ShareRow {
  key: string;
  label: string;
  sites: number;
  of: number;
}

function useShareColumns(first: string) {
  const { t, language } = useI18n();
  const pct = (row: ShareRow) => share(row.sites, row.of);
  return [
    { key: 'label', header: first, value: (row) => row.label },
    { key: 'sites', header: t('analytics.col.sites'), value: (row) => row.sites, numeric: true },
    { key: 'of', header: t('analytics.col.of'), value: (row) => row.of, numeric: true },
    {
      key: 'share',
      header: t('analytics.col.share'),
      value: (row) => pct(row),
      render: (row) => {
        const value = pct(row);
        return value === null ? '—' : `${formatNumber(value, language)}%`;
      },
      numeric: true,
    },
  ] satisfies TableColumn<ShareRow>[];
}

const percent = (language: string) => (value: number) => `${new Intl.NumberFormat(language, { maximumFractionDigits: 1 }).format(value)}%`;

/**
 * What a municipality reports on: digital readiness (EDI, online ordering, FAX only), certifications (the share holding
 * any, the most held), qualified staff by qualification, and whether sites take contract work. Shares are of the sites
 * whose section the caller may see.
 */
export function Indicators({ indicators, labelOf }: { indicators: RegionIndicators; labelOf: LabelOf }) {
  const { t, language } = useI18n();
  const published = indicators.publishedSites;

  const digital: ShareRow[] = [
    { key: 'edi', label: t('digital.edi'), sites: indicators.edi, of: published },
    { key: 'online', label: t('digital.onlineOrdering'), sites: indicators.onlineOrdering, of: published },
    { key: 'fax', label: t('digital.faxOnly'), sites: indicators.faxOnly, of: published },
  ];
  const contract: ShareRow[] = [
    { key: 'open', label: t('contract.open'), sites: indicators.contractWorkOpen, of: indicators.capacityKnown },
    { key: 'limited', label: t('contract.limited'), sites: indicators.contractWorkLimited, of: indicators.capacityKnown },
    { key: 'closed', label: t('contract.closed'), sites: indicators.contractWorkClosed, of: indicators.capacityKnown },
  ];
  const certifications: ShareRow[] = indicators.certifications.map((c) => ({
    key: c.code,
    label: labelOf('certifications', c.code),
    sites: c.sites,
    of: indicators.certificationsKnown,
  }));
  const withCerts = share(indicators.withCertifications, indicators.certificationsKnown);

  const digitalColumns = useShareColumns(t('analytics.col.indicator'));
  const contractColumns = useShareColumns(t('analytics.col.acceptance'));
  const certColumns = useShareColumns(t('analytics.col.certification'));
  const staffColumns: TableColumn<RegionIndicators['qualifiedStaff'][number]>[] = [
    { key: 'label', header: t('analytics.col.qualification'), value: (row) => labelOf('qualifications', row.qualificationCode) },
    {
      key: 'code',
      header: t('analytics.col.code'),
      value: (row) => row.qualificationCode,
      render: (row) => <code>{row.qualificationCode}</code>,
    },
    { key: 'headcount', header: t('analytics.col.headcount'), value: (row) => row.headcount, numeric: true },
    { key: 'sites', header: t('analytics.col.sites'), value: (row) => row.sites, numeric: true },
  ];
  const asPercent = percent(language);
  const shareChart = (rows: readonly ShareRow[]) =>
    rows.map((row) => ({ key: row.key, label: row.label, values: [share(row.sites, row.of) ?? 0] }));

  return (
    <>
      <section className="card" aria-labelledby="digital-heading" data-testid="digital-readiness">
        <h2 id="digital-heading">{t('analytics.digital')}</h2>
        <p className="muted">{t('analytics.ofPublished', { count: published })}</p>
        <BarChart
          title={t('analytics.digitalChart')}
          series={[{ key: 'share', label: t('analytics.col.share') }]}
          categories={shareChart(digital)}
          max={100}
          format={asPercent}
        />
        <DataTable caption={t('analytics.digitalTable')} fileName="region-digital-readiness" columns={digitalColumns} rows={digital} rowKey={(r) => r.key} />
      </section>

      <section className="card" aria-labelledby="certifications-heading" data-testid="certifications">
        <h2 id="certifications-heading">{t('analytics.certifications')}</h2>
        <p data-testid="certification-share">
          {withCerts === null
            ? t('analytics.certificationsUnknown')
            : t('analytics.certificationShare', {
                pct: formatNumber(withCerts, language),
                count: indicators.withCertifications,
                of: indicators.certificationsKnown,
              })}
        </p>
        {certifications.length > 0 && (
          <BarChart
            title={t('analytics.certificationsChart')}
            series={[{ key: 'sites', label: t('analytics.col.sites') }]}
            categories={certifications.slice(0, 10).map((row) => ({ key: row.key, label: shortLabel(row.label), values: [row.sites] }))}
          />
        )}
        <DataTable
          caption={t('analytics.certificationsTable')}
          fileName="region-certifications"
          columns={certColumns}
          rows={certifications}
          rowKey={(r) => r.key}
          empty={t('analytics.none')}
        />
      </section>

      <section className="card" aria-labelledby="staff-heading" data-testid="qualified-staff">
        <h2 id="staff-heading">{t('analytics.staff')}</h2>
        <p className="muted">{t('analytics.staffKnown', { count: indicators.staffKnown })}</p>
        {indicators.qualifiedStaff.length > 0 && (
          <BarChart
            title={t('analytics.staffChart')}
            series={[{ key: 'headcount', label: t('analytics.col.headcount') }]}
            categories={indicators.qualifiedStaff.slice(0, 10).map((row) => ({
              key: row.qualificationCode,
              label: shortLabel(labelOf('qualifications', row.qualificationCode)),
              values: [row.headcount],
            }))}
          />
        )}
        <DataTable
          caption={t('analytics.staffTable')}
          fileName="region-qualified-staff"
          columns={staffColumns}
          rows={indicators.qualifiedStaff}
          rowKey={(r) => r.qualificationCode}
          empty={t('analytics.none')}
        />
      </section>

      <section className="card" aria-labelledby="contract-heading" data-testid="contract-work">
        <h2 id="contract-heading">{t('analytics.contract')}</h2>
        <p className="muted">{t('analytics.capacityKnown', { count: indicators.capacityKnown })}</p>
        <BarChart
          title={t('analytics.contractChart')}
          series={[{ key: 'share', label: t('analytics.col.share') }]}
          categories={shareChart(contract)}
          max={100}
          format={asPercent}
        />
        <DataTable caption={t('analytics.contractTable')} fileName="region-contract-work" columns={contractColumns} rows={contract} rowKey={(r) => r.key} />
      </section>
    </>
  );
}
