import { useCallback, useId, useState } from 'react';
import { Link } from 'react-router';
import { EmptyState, ErrorState, LoadMore, LoadingState } from '@/components/async-state';
import { useSessionState } from '@/lib/auth';
import { formatIsoDate, formatYen, useI18n } from '@/lib/i18n';
import { useCursorList } from '@/lib/paging/use-cursor-list';
import { listOrders } from '../api/list-orders';
import { orderStatuses, type OrderStatus } from '../api/types';
import { isReceived } from '../order-rules';
import { LateBadge, OrderStatusBadge } from './order-status-badge';
import './orders.css';

type Side = 'all' | 'placed' | 'received';

/**
 * The reader's orders: those it placed (a buyer's list, each opening its route) and those sent to its sites (a
 * supplier's inbox, each opening the order), newest first, narrowed by state and side — both filtered by the API,
 * so that a page holds what the filters ask for.
 */
export function OrderList() {
  const { t, language } = useI18n();
  const id = useId();
  const session = useSessionState();
  const sites = session.status === 'signed-in' ? (session.user.supplierIds ?? []) : [];
  const [side, setSide] = useState<Side>('all');
  const [status, setStatus] = useState<OrderStatus | ''>('');
  const fetchPage = useCallback(
    (cursor: string | undefined, signal: AbortSignal) =>
      listOrders(status || undefined, side === 'all' ? undefined : side, cursor, signal),
    [status, side],
  );
  const { state, loadMore, reload } = useCursorList(fetchPage);
  const items = state.kind === 'ready' ? state.items : [];

  return (
    <section className="card orders" aria-labelledby="orders-heading">
      <h1 id="orders-heading">{t('orders.listHeading')}</h1>
      <p className="muted">{t('orders.listLead')}</p>
      <div className="orders__filters">
        <fieldset className="orders__sides">
          <legend>{t('orders.side')}</legend>
          {(['all', 'placed', 'received'] as const).map((value) => (
            <label key={value} className="form__check">
              <input type="radio" name={`${id}-side`} value={value} checked={side === value} onChange={() => setSide(value)} />
              {t(`orders.side.${value}`)}
            </label>
          ))}
        </fieldset>
        <div className="form__field">
          <label htmlFor={`${id}-status`}>{t('orders.statusFilter')}</label>
          <select id={`${id}-status`} value={status} onChange={(event) => setStatus(event.target.value as OrderStatus | '')}>
            <option value="">{t('orders.statusAny')}</option>
            {orderStatuses.map((value) => (
              <option key={value} value={value}>
                {t(`orders.status.${value}`)}
              </option>
            ))}
          </select>
        </div>
      </div>
      {state.kind === 'loading' && <LoadingState />}
      {state.kind === 'error' && <ErrorState error={state.error} onRetry={reload} />}
      {state.kind === 'ready' && items.length === 0 && <EmptyState>{t('orders.none')}</EmptyState>}
      {state.kind === 'ready' && items.length > 0 && (
        <div className="table-scroll">
          <table className="table orders__table" data-testid="order-list">
            <thead>
              <tr>
                <th scope="col">{t('orders.orderNumber')}</th>
                <th scope="col">{t('orders.col.party')}</th>
                <th scope="col">{t('orders.col.status')}</th>
                <th scope="col">{t('orders.dueDate')}</th>
                <th scope="col" className="num">{t('orders.total')}</th>
              </tr>
            </thead>
            <tbody>
              {items.map((order) => {
                const received = side === 'received' || (side === 'all' && isReceived(order, sites));
                return (
                  <tr key={order.id} data-testid="order-row" data-side={received ? 'received' : 'placed'}>
                    <th scope="row">
                      <Link to={`/orders/${order.id}`}>{order.orderNumber}</Link>
                      {order.legs > 1 && (
                        <span className="table__sub">
                          <Link to={`/order-routes/${order.routeId}`}>{t('orders.legOf', { leg: order.leg, legs: order.legs })}</Link>
                        </span>
                      )}
                    </th>
                    <td>
                      <span className="table__sub">{t(received ? 'orders.from' : 'orders.to')}</span>
                      {received ? order.buyer.name : order.supplier.name}
                    </td>
                    <td>
                      <OrderStatusBadge status={order.status} /> {order.late && <LateBadge />}
                    </td>
                    <td className="table__nowrap">{formatIsoDate(order.dueDate)}</td>
                    <td className="num table__nowrap">{formatYen(order.total, language)}</td>
                  </tr>
                );
              })}
            </tbody>
          </table>
        </div>
      )}
      {state.kind === 'ready' && (
        <LoadMore count={items.length} hasMore={state.nextCursor !== null} more={state.more} onLoadMore={loadMore} />
      )}
    </section>
  );
}
