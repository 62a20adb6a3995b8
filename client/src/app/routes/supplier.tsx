import { useParams } from 'react-router';
import { SupplierProfile } from '@/features/supplier-profile/components/supplier-profile';

export function SupplierRoute() {
  const { id = '' } = useParams();
  // A new id is a new page: nothing of the previous profile's state carries over.
  return <SupplierProfile key={id} id={id} />;
}
