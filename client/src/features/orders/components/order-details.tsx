import { formatCount, formatDateTime, formatIsoDate, joinList, useI18n } from '@/lib/i18n';
import { orderedQuantity } from '../order-rules';
import type { Order } from '../api/types';
import { OrderLines } from './order-lines';
import { LateBadge, OrderStatusBadge } from './order-status-badge';

/**
 * One order as its parties read it: number, state, dates, both parties and where it ships, its lines and totals,
 * and what happened to it (a pending proposal, the reason it was rejected or refused, shipments, the receipt,
 * milestones).
 */
export function OrderDetails({ order, showLines = true }: { order: Order; showLines?: boolean }) {
  const { t, language } = useI18n();
  const ordered = orderedQuantity(order);
  return (
    <div className="order-details" data-testid="order-details">
      <p className="order-details__status">
        <OrderStatusBadge status={order.status} /> {order.late && <LateBadge />}{' '}
        <span className="muted">{t('orders.legOf', { leg: order.leg, legs: order.legs })}</span>
      </p>
      <dl className="details order-facts">
        <dt>{t('orders.orderNumber')}</dt>
        <dd data-testid="order-number">{order.orderNumber}</dd>
        <dt>{t('orders.orderedOn')}</dt>
        <dd>{formatIsoDate(order.orderedOn)}</dd>
        <dt>{t('orders.dueDate')}</dt>
        <dd data-testid="order-due">{formatIsoDate(order.dueDate)}</dd>
        {order.expectedShipOn && (
          <>
            <dt>{t('orders.expectedShipOn')}</dt>
            <dd data-testid="order-expected">{formatIsoDate(order.expectedShipOn)}</dd>
          </>
        )}
        <dt>{t('orders.buyer')}</dt>
        <dd>{order.buyer.name}</dd>
        <dt>{t('orders.supplier')}</dt>
        <dd data-testid="order-supplier">{order.supplier.name}</dd>
        <dt>{t('orders.shipTo')}</dt>
        <dd data-testid="order-ship-to">
          {order.shipTo.name}
          {order.shipTo.address && order.shipTo.address !== order.shipTo.name && ` (${order.shipTo.address})`}
        </dd>
        {order.qaDocuments.length > 0 && (
          <>
            <dt>{t('orders.qaDocuments')}</dt>
            <dd>{joinList(order.qaDocuments.map((qa) => t(`orders.qa.${qa}`)), language)}</dd>
          </>
        )}
        <dt>{t('orders.shipped')}</dt>
        <dd data-testid="order-shipped">
          {t('orders.shippedOf', { shipped: formatCount(order.shippedQuantity, language), ordered: formatCount(ordered, language) })}
        </dd>
        {order.acceptedQuantity != null && (
          <>
            <dt>{t('orders.receipt')}</dt>
            <dd data-testid="order-receipt">
              {t('orders.receiptOf', { accepted: order.acceptedQuantity, rejected: order.rejectedQuantity ?? 0 })}
            </dd>
          </>
        )}
        {order.note && (
          <>
            <dt>{t('orders.note')}</dt>
            <dd>{order.note}</dd>
          </>
        )}
        {order.reason && (
          <>
            <dt>{t('orders.reason')}</dt>
            <dd data-testid="order-reason">{order.reason}</dd>
          </>
        )}
        {order.answeredVia && (
          <>
            <dt>{t('orders.answeredVia')}</dt>
            <dd>{t(`orders.via.${order.answeredVia}`)}</dd>
          </>
        )}
      </dl>
      {order.proposal && (
        <div className="notice" data-testid="order-proposal">
          <p>
            <strong>{t('orders.proposalHeading')}</strong>
          </p>
          <ul className="plain-list">
            {order.proposal.dueDate && <li>{t('orders.proposalDue', { date: formatIsoDate(order.proposal.dueDate) })}</li>}
            {order.proposal.quantities?.map((quantity, i) => (
              <li key={i}>
                {t('orders.proposalQuantity', { item: order.lines[i]?.itemName ?? String(i + 1), quantity: formatCount(quantity, language) })}
              </li>
            ))}
            {order.proposal.note && <li>{order.proposal.note}</li>}
          </ul>
        </div>
      )}
      {showLines && <OrderLines order={order} />}
      {order.shipments.length > 0 && (
        <>
          <h3>{t('orders.shipments')}</h3>
          <ul className="plain-list" data-testid="order-shipments">
            {order.shipments.map((shipment) => (
              <li key={shipment.id}>
                {t(shipment.final ? 'orders.shipmentFinal' : 'orders.shipmentPartial', {
                  date: formatIsoDate(shipment.shippedOn),
                  quantity: formatCount(shipment.quantity, language),
                })}
                {shipment.note && ` — ${shipment.note}`}
              </li>
            ))}
          </ul>
        </>
      )}
      {order.milestones.length > 0 && (
        <>
          <h3>{t('orders.milestones')}</h3>
          <ol className="plain-list" data-testid="order-milestones">
            {order.milestones.map((milestone) => (
              <li key={milestone.position}>
                {milestone.label || t(`orders.milestone.${milestone.kind}`)}
                {': '}
                {t('orders.milestonePlan', {
                  planned: milestone.plannedOn ? formatIsoDate(milestone.plannedOn) : '—',
                  actual: milestone.actualOn ? formatIsoDate(milestone.actualOn) : '—',
                })}
              </li>
            ))}
          </ol>
        </>
      )}
      {order.sentAt && <p className="muted">{t('orders.sentAt', { at: formatDateTime(order.sentAt, language) })}</p>}
    </div>
  );
}
