import { DataTable, type TableColumn } from '@/components/data-table';
import { municipalityColumn } from '@/components/municipality-column';
import { ErrorState, LoadingState } from '@/components/async-state';
import { formatYen, useI18n } from '@/lib/i18n';
import { useMunicipalityNames } from '@/lib/places';
import type { LabelOf } from '@/lib/taxonomy';
import { useLoaded } from '@/lib/use-loaded';
import { getOrderIndicators } from '../api/get-order-indicators';
import type { OrderIndicatorCell, OrderIndicators as OrderIndicatorsData } from '../api/types';

const percent = (share: number | null | undefined) => (share === null || share === undefined ? '—' : `${Math.round(share * 1000) / 10}%`);

/**
 * 「注文」 (coordinators): orders placed through the registry (DESIGN §11) — on-time rate, how firms answer (account,
 * response link, not at all), value, lead time and route distance — region wide and per sector and municipality,
 * where a cell of fewer than 3 firms (or one withheld so the total gives none away) shows 「—（3社未満）」.
 */
export function OrderIndicators({ labelOf }: { labelOf: LabelOf }) {
  const indicators = useLoaded('order-indicators', (signal) => getOrderIndicators('', '', signal));
  const { t } = useI18n();
  return (
    <section className="card" aria-labelledby="order-indicators-heading" data-testid="order-indicators">
      <h2 id="order-indicators-heading">{t('orderIndicators.heading')}</h2>
      <p className="muted">{t('orderIndicators.lead')}</p>
      {indicators.state.kind === 'loading' && <LoadingState />}
      {indicators.state.kind === 'error' && <ErrorState error={indicators.state.error} onRetry={indicators.reload} />}
      {indicators.state.kind === 'ready' && <OrderFigures data={indicators.state.data} labelOf={labelOf} />}
    </section>
  );
}

export function OrderFigures({ data, labelOf }: { data: OrderIndicatorsData; labelOf: LabelOf }) {
  const { t, language } = useI18n();
  const nameOf = useMunicipalityNames(data.cells.map((c) => c.municipalityCode));
  const total = data.total;
  const answered = (total.firmsByAccount ?? 0) + (total.firmsByLink ?? 0) + (total.firmsUnanswered ?? 0);
  const share = (count: number | null | undefined) => (total.suppressed || answered === 0 ? null : (count ?? 0) / answered);
  const withheld = t('orderIndicators.suppressed');
  const shown = (cell: OrderIndicatorCell, value: (cell: OrderIndicatorCell) => string | number | null | undefined) =>
    cell.suppressed ? withheld : (value(cell) ?? '—');
  const columns: TableColumn<OrderIndicatorCell>[] = [
    { key: 'sector', header: t('orderIndicators.col.sector'), value: (c) => (c.sector ? labelOf('industries', c.sector) : '—') },
    municipalityColumn('municipality', t('orderIndicators.col.municipality'), (c) => c.municipalityCode, nameOf),
    { key: 'firms', header: t('orderIndicators.col.firms'), value: (c) => shown(c, (x) => x.firms), numeric: true },
    { key: 'orders', header: t('orderIndicators.col.orders'), value: (c) => shown(c, (x) => x.orders), numeric: true },
    { key: 'value', header: t('orderIndicators.col.value'), value: (c) => shown(c, (x) => (x.value == null ? null : formatYen(x.value, language))), numeric: true },
    { key: 'onTime', header: t('orderIndicators.col.onTime'), value: (c) => shown(c, (x) => percent(x.onTimeRate)), numeric: true },
    { key: 'lead', header: t('orderIndicators.col.lead'), value: (c) => shown(c, (x) => x.meanLeadDays), numeric: true },
    { key: 'km', header: t('orderIndicators.col.km'), value: (c) => shown(c, (x) => x.meanRouteDistanceKm), numeric: true },
    {
      key: 'answers',
      header: t('orderIndicators.col.answers'),
      value: (c) =>
        shown(c, (x) => t('orderIndicators.answersCell', { account: x.firmsByAccount ?? 0, link: x.firmsByLink ?? 0, none: x.firmsUnanswered ?? 0 })),
    },
  ];

  return (
    <>
      {total.suppressed ? (
        <p data-testid="order-total-suppressed">{t('orderIndicators.totalSuppressed')}</p>
      ) : (
        <ul className="analytics__figures" data-testid="order-figures">
          <li>
            <span className="analytics__figure" data-testid="order-on-time">{percent(total.onTimeRate)}</span>
            {t('orderIndicators.onTime', { legs: total.shippedLegs ?? 0 })}
          </li>
          <li>
            <span className="analytics__figure" data-testid="order-digital-share">{percent(share((total.firmsByAccount ?? 0) + (total.firmsByLink ?? 0)))}</span>
            {t('orderIndicators.digitalShare')}
            <span className="muted" data-testid="order-answers">
              {' '}
              {t('orderIndicators.answers', {
                account: total.firmsByAccount ?? 0,
                accountPct: percent(share(total.firmsByAccount)),
                link: total.firmsByLink ?? 0,
                linkPct: percent(share(total.firmsByLink)),
                none: total.firmsUnanswered ?? 0,
                nonePct: percent(share(total.firmsUnanswered)),
              })}
            </span>
          </li>
          <li>
            <span className="analytics__figure" data-testid="order-value">{formatYen(total.value ?? 0, language)}</span>
            {t('orderIndicators.value', { orders: total.orders ?? 0, firms: total.firms ?? 0 })}
          </li>
          <li>
            <span className="analytics__figure" data-testid="order-lead">{total.meanLeadDays ?? '—'}</span>
            {t('orderIndicators.lead.days')}
          </li>
          <li>
            <span className="analytics__figure" data-testid="order-km">{total.meanRouteDistanceKm ?? '—'}</span>
            {t('orderIndicators.km')}
          </li>
        </ul>
      )}
      <DataTable
        caption={t('orderIndicators.table')}
        fileName="orders-by-sector-and-municipality"
        columns={columns}
        rows={data.cells}
        rowKey={(c) => `${c.sector ?? ''}-${c.municipalityCode ?? ''}`}
        empty={t('orderIndicators.none')}
        testId="order-cells"
      />
    </>
  );
}
