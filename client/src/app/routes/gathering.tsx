import { useParams } from 'react-router';
import { GatheringPage } from '@/features/gatherings/components/gathering-page';

export function GatheringRoute() {
  const { id = '' } = useParams();
  return <GatheringPage key={id} id={id} />;
}
