import { useSearchParams } from 'react-router';
import { NewOrderPage } from '@/features/orders/components/new-order-page';

export function OrderNewRoute() {
  const [params] = useSearchParams();
  const requestId = params.get('requestId');
  const supplierId = params.get('supplierId');
  return <NewOrderPage key={`${requestId}-${supplierId}`} requestId={requestId} supplierId={supplierId} />;
}
