import { useParams } from 'react-router';
import { SiteEditor } from '@/features/site-editor/components/site-editor';

export function SupplierEditRoute() {
  const { id = '' } = useParams();
  return <SiteEditor key={id} id={id} />;
}
