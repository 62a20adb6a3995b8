import { useParams } from 'react-router';
import { CompanySheet } from '@/features/supplier-profile/components/company-sheet';

export function SupplierPrintRoute() {
  const { id = '' } = useParams();
  return <CompanySheet key={id} id={id} />;
}
