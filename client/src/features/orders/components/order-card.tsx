import { Link } from 'react-router';
import { useI18n } from '@/lib/i18n';
import { accountChannel } from '../api/supplier-channel';
import type { Order } from '../api/types';
import { BuyerPanel } from './buyer-panel';
import { OrderDetails } from './order-details';
import { ResponseLinks } from './response-links';
import { SupplierPanel } from './supplier-panel';

export interface Viewer {
  buyer: boolean;
  supplier: boolean;
}

/**
 * One order on the route or order page: its details, the print views (注文書, and 注文請書 once accepted), and the
 * reader's own next steps — the buyer's, with the response links, or the supplier's through its account.
 */
export function OrderCard({ order, viewer, onChanged, headingLevel = 2 }: { order: Order; viewer: Viewer; onChanged: (order: Order) => void; headingLevel?: 2 | 3 }) {
  const { t } = useI18n();
  const Heading = headingLevel === 2 ? 'h2' : 'h3';
  const acknowledged = !['draft', 'sent', 'proposed', 'rejected', 'cancelled'].includes(order.status);
  return (
    <section className="card order-card" data-testid="order-card" data-order={order.id} data-leg={order.leg} aria-labelledby={`order-${order.id}`}>
      <Heading id={`order-${order.id}`}>
        {t('orders.cardHeading', { leg: order.leg, supplier: order.supplier.name, number: order.orderNumber })}
      </Heading>
      <OrderDetails order={order} />
      <p className="order-card__links">
        <Link to={`/orders/${order.id}/print`}>{t('orders.printOrder')}</Link>
        {acknowledged && <Link to={`/orders/${order.id}/print?kind=acknowledgement`}>{t('orders.printAcknowledgement')}</Link>}
      </p>
      {viewer.buyer && <BuyerPanel order={order} onChanged={onChanged} />}
      {viewer.supplier && <SupplierPanel order={order} channel={accountChannel(order.id)} onChanged={onChanged} />}
      {viewer.buyer && <ResponseLinks order={order} />}
    </section>
  );
}
