import { formatCount, formatYen, useI18n } from '@/lib/i18n';
import type { Order } from '../api/types';

/**
 * The order's lines with their amounts, the tax of each rate and the totals (小計, 消費税, 合計): all as the service
 * computed them. Shared by the order page and the printed 注文書.
 */
export function OrderLines({ order, className = 'table' }: { order: Order; className?: string }) {
  const { t, language } = useI18n();
  return (
    <div className="table-scroll">
      <table className={`${className} order-lines`} data-testid="order-lines">
        <caption className="visually-hidden">{t('orders.lines')}</caption>
        <thead>
          <tr>
            <th scope="col">{t('orders.col.item')}</th>
            <th scope="col">{t('orders.col.partNumber')}</th>
            <th scope="col" className="num">{t('orders.col.quantity')}</th>
            <th scope="col">{t('orders.col.unit')}</th>
            <th scope="col" className="num">{t('orders.col.unitPrice')}</th>
            <th scope="col" className="num">{t('orders.col.amount')}</th>
            <th scope="col" className="num">{t('orders.col.taxRate')}</th>
          </tr>
        </thead>
        <tbody>
          {order.lines.map((line, i) => (
            <tr key={i} data-testid="order-line">
              <th scope="row">{line.itemName}</th>
              {/* data-label: the column's name, shown beside the value where a phone stacks the cells. */}
              <td data-label={t('orders.col.partNumber')}>{line.partNumber ?? ''}</td>
              <td className="num" data-label={t('orders.col.quantity')}>{formatCount(line.quantity, language)}</td>
              <td data-label={t('orders.col.unit')}>{line.unit}</td>
              <td className="num" data-label={t('orders.col.unitPrice')}>{formatYen(line.unitPrice, language)}</td>
              <td className="num" data-label={t('orders.col.amount')}>{formatYen(line.amount, language)}</td>
              <td className="num" data-label={t('orders.col.taxRate')}>{line.taxRate}%</td>
            </tr>
          ))}
        </tbody>
        <tfoot>
          {order.taxes.map((rate) => (
            <tr key={rate.taxRate} data-testid="order-tax">
              <th scope="row" colSpan={5}>
                {t('orders.taxOfRate', { rate: rate.taxRate, taxable: formatYen(rate.taxable, language) })}
              </th>
              <td className="num">{formatYen(rate.tax, language)}</td>
              <td />
            </tr>
          ))}
          <tr>
            <th scope="row" colSpan={5}>{t('orders.subtotal')}</th>
            <td className="num" data-testid="order-subtotal">{formatYen(order.subtotal, language)}</td>
            <td />
          </tr>
          <tr>
            <th scope="row" colSpan={5}>{t('orders.tax')}</th>
            <td className="num" data-testid="order-tax-total">{formatYen(order.tax, language)}</td>
            <td />
          </tr>
          <tr className="order-lines__total">
            <th scope="row" colSpan={5}>{t('orders.total')}</th>
            <td className="num" data-testid="order-total">{formatYen(order.total, language)}</td>
            <td />
          </tr>
        </tfoot>
      </table>
    </div>
  );
}
