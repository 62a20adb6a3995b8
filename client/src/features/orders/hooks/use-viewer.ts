import { useSessionState } from '@/lib/auth';
import type { Order } from '../api/types';
import { isReceived } from '../order-rules';
import type { Viewer } from '../components/order-card';

/**
 * Whether the signed-in reader is the order's buyer or its supplier. The API answers only its parties but does not
 * say which one the reader is: an order to one of the reader's own sites is one received; any other it placed.
 */
export function useViewer(): (order: Order) => Viewer {
  const session = useSessionState();
  const sites = session.status === 'signed-in' ? (session.user.supplierIds ?? []) : [];
  return (order) => {
    const supplier = isReceived(order, sites);
    return { supplier, buyer: !supplier || order.status === 'draft' };
  };
}
