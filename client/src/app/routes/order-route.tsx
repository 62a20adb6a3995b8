import { useParams } from 'react-router';
import { RoutePage } from '@/features/orders/components/route-page';

export function OrderRoutePageRoute() {
  const { id = '' } = useParams();
  return <RoutePage key={id} id={id} />;
}
