import { OrderList } from '@/features/orders/components/order-list';

export function OrdersRoute() {
  return <OrderList />;
}
