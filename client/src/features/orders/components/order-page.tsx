import { Link } from 'react-router';
import { ErrorState, LoadingState } from '@/components/async-state';
import { NotFound } from '@/components/not-found';
import { useI18n } from '@/lib/i18n';
import { usePageTitle } from '@/lib/page-title';
import { ApiError } from '@/lib/problem';
import { useLoaded } from '@/lib/use-loaded';
import { getOrder, getOrderRoute } from '../api/get-order';
import { useViewer } from '../hooks/use-viewer';
import { OrderCard } from './order-card';
import { RouteTimeline } from './route-timeline';
import './orders.css';

/**
 * One order (a supplier's inbox opens this): the order with the reader's next steps first — on a phone that is what
 * matters — then its route as the reader may see it (the leg before, where it ships, the expected arrival).
 */
export function OrderPage({ id }: { id: string }) {
  const { t } = useI18n();
  const order = useLoaded(`order-${id}`, (signal) => getOrder(id, signal));
  const routeId = order.state.kind === 'ready' ? order.state.data.routeId : null;
  const version = order.state.kind === 'ready' ? order.state.data.version : 0;
  const route = useLoaded(`route-${routeId}-${version}`, (signal) => (routeId ? getOrderRoute(routeId, signal) : Promise.resolve(null)));
  const viewerOf = useViewer();
  usePageTitle(order.state.kind === 'ready' ? t('orders.pageTitle', { number: order.state.data.orderNumber }) : null, 1);

  if (order.state.kind === 'loading') {
    return <LoadingState />;
  }
  if (order.state.kind === 'error') {
    if (order.state.error instanceof ApiError && order.state.error.status === 404) {
      return <NotFound heading={t('orders.notFound')} body={t('orders.notFoundBody')} back={{ to: '/orders', label: t('orders.backToList') }} />;
    }
    return <ErrorState error={order.state.error} onRetry={order.reload} />;
  }
  const data = order.state.data;
  return (
    <div className="orders">
      <p>
        <Link to="/orders">{t('orders.backToList')}</Link>
        {' · '}
        <Link to={`/order-routes/${data.routeId}`}>{t('orders.openRoute')}</Link>
      </p>
      <h1 className="page-title">{t('orders.pageTitle', { number: data.orderNumber })}</h1>
      <OrderCard order={data} viewer={viewerOf(data)} onChanged={order.replace} />
      <section className="card">
        {route.state.kind === 'loading' && <LoadingState />}
        {route.state.kind === 'error' && <ErrorState error={route.state.error} onRetry={route.reload} />}
        {route.state.kind === 'ready' && route.state.data && <RouteTimeline route={route.state.data} />}
      </section>
    </div>
  );
}
