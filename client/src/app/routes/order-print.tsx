import { useLocation, useParams, useSearchParams } from 'react-router';
import { RequireRole } from '@/components/require-role';
import { OrderSheet } from '@/features/orders/components/order-sheet';

export function OrderPrintRoute() {
  const { id = '' } = useParams();
  const [params] = useSearchParams();
  // A response link made just before (its token is shown once) comes in the navigation state, never in the URL.
  const state = useLocation().state as { linkUrl?: unknown } | null;
  const linkUrl = typeof state?.linkUrl === 'string' ? state.linkUrl : null;
  const kind = params.get('kind') === 'acknowledgement' ? 'acknowledgement' : 'order';
  // The router's access.orders; the API shows the order to its buyer and supplier only.
  return (
    <RequireRole roles={['member', 'supplier', 'admin']}>
      <OrderSheet key={`${id}-${kind}`} id={id} kind={kind} linkUrl={linkUrl} />
    </RequireRole>
  );
}
