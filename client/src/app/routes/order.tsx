import { useParams } from 'react-router';
import { OrderPage } from '@/features/orders/components/order-page';

export function OrderRoute() {
  const { id = '' } = useParams();
  return <OrderPage key={id} id={id} />;
}
