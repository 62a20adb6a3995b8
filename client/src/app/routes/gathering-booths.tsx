import { useParams } from 'react-router';
import { BoothListPage } from '@/features/gatherings/components/booth-list-page';

export function GatheringBoothsRoute() {
  const { id = '' } = useParams();
  return <BoothListPage key={id} id={id} />;
}
