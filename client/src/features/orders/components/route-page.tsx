import { Link } from 'react-router';
import { ErrorState, LoadingState } from '@/components/async-state';
import { NotFound } from '@/components/not-found';
import { useI18n } from '@/lib/i18n';
import { ApiError } from '@/lib/problem';
import { useLoaded } from '@/lib/use-loaded';
import { getOrderRoute } from '../api/get-order';
import { useViewer } from '../hooks/use-viewer';
import { OrderCard } from './order-card';
import { RouteTimeline } from './route-timeline';
import './orders.css';

/**
 * A route (注文の経路): the timeline of its legs and, below, each order the reader may see with the reader's next
 * steps. After any step the route is read again: the expected days of every later leg may have moved.
 */
export function RoutePage({ id }: { id: string }) {
  const { t } = useI18n();
  const route = useLoaded(`route-${id}`, (signal) => getOrderRoute(id, signal));
  const viewerOf = useViewer();

  if (route.state.kind === 'loading') {
    return <LoadingState />;
  }
  if (route.state.kind === 'error') {
    if (route.state.error instanceof ApiError && route.state.error.status === 404) {
      return <NotFound heading={t('orders.notFound')} body={t('orders.notFoundBody')} back={{ to: '/orders', label: t('orders.backToList') }} />;
    }
    return <ErrorState error={route.state.error} onRetry={route.reload} />;
  }
  const data = route.state.data;
  return (
    <div className="orders">
      <section className="card" aria-labelledby="route-heading">
        <p>
          <Link to="/orders">{t('orders.backToList')}</Link>
        </p>
        <h1 id="route-heading">{t('orders.routeHeading', { legs: data.legs })}</h1>
        <p className="muted" data-testid="route-delivery">
          {t('orders.deliveryTo', { address: data.deliveryAddress })}
        </p>
        <RouteTimeline route={data} />
      </section>
      {data.orders.map((order) => (
        <OrderCard key={order.id} order={order} viewer={viewerOf(order)} onChanged={route.reload} />
      ))}
    </div>
  );
}
