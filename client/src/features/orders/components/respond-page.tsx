import { useMemo, useState } from 'react';
import { ErrorState, LoadingState } from '@/components/async-state';
import { formatIsoDate, useI18n } from '@/lib/i18n';
import { usePageTitle } from '@/lib/page-title';
import { ApiError } from '@/lib/problem';
import { useLoaded } from '@/lib/use-loaded';
import { linkChannel, readOrderByLink } from '../api/supplier-channel';
import { OrderDetails } from './order-details';
import { OrderStatusBadge } from './order-status-badge';
import { SupplierPanel } from './supplier-panel';
import './orders.css';

/** The token after '#': the fragment never reaches a server or its logs. */
function tokenOf(hash: string): string {
  return decodeURIComponent(hash.replace(/^#/, '')).trim();
}

/**
 * 注文への回答 (the response link's page, no sign-in): a firm without an account opens it from the QR code on its
 * printed 注文書, on a phone. It reads the token from the URL's fragment and sends it only in the Order-Link header;
 * it shows the order and the same steps as the supplier's account (accept, reject, propose, progress, ship). An
 * expired or revoked link (410) says to ask the buyer for a new one.
 */
export function RespondPage({ hash = window.location.hash }: { hash?: string }) {
  const { t } = useI18n();
  const token = useMemo(() => tokenOf(hash), [hash]);
  const [attempt, setAttempt] = useState(0);
  const route = useLoaded(`respond-${attempt}`, (signal) => (token ? readOrderByLink(token, signal) : Promise.reject(new ApiError(401, null))));
  const channel = useMemo(() => linkChannel(token), [token]);
  usePageTitle(t('orders.respondTitle'), 1);

  if (route.state.kind === 'loading') {
    return <LoadingState />;
  }
  if (route.state.kind === 'error') {
    const status = route.state.error instanceof ApiError ? route.state.error.status : 0;
    if (status === 410 || status === 404 || status === 401) {
      return (
        <section className="card orders respond" data-testid="respond-invalid">
          <h1>{t('orders.respondTitle')}</h1>
          <p role="alert">{t(status === 410 ? 'orders.linkGone' : 'orders.linkUnknown')}</p>
        </section>
      );
    }
    return <ErrorState error={route.state.error} onRetry={route.reload} />;
  }
  const data = route.state.data;
  const order = data.orders[0];
  if (!order) {
    return <ErrorState error={new ApiError(404, null)} />;
  }
  return (
    <div className="orders respond" data-testid="respond-page">
      <section className="card" aria-labelledby="respond-heading">
        <p className="respond__kicker">{t('orders.sheet.order')}</p>
        <h1 id="respond-heading">{t('orders.respondHeading', { buyer: order.buyer.name })}</h1>
        <p className="muted">{t('orders.respondLead', { supplier: order.supplier.name })}</p>
        <SupplierPanel order={order} channel={channel} onChanged={() => setAttempt((n) => n + 1)} headingLevel={2} />
      </section>
      <section className="card" aria-labelledby="respond-order">
        <h2 id="respond-order">{t('orders.orderNumberIs', { number: order.orderNumber })}</h2>
        <OrderDetails order={order} />
      </section>
      {data.previous && (
        <section className="card" data-testid="respond-previous" aria-labelledby="respond-previous">
          <h2 id="respond-previous">{t('orders.previousLeg')}</h2>
          <p>
            {data.previous.supplier.name} <OrderStatusBadge status={data.previous.status} />
          </p>
          <p className="muted">
            {t('orders.previousText', {
              due: formatIsoDate(data.previous.dueDate),
              expected: data.previous.expectedShipOn ? formatIsoDate(data.previous.expectedShipOn) : '—',
            })}
          </p>
        </section>
      )}
    </div>
  );
}
