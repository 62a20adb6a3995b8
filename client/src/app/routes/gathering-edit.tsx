import { useParams } from 'react-router';
import { EditGathering } from '@/features/gatherings/components/gathering-editor';

export function GatheringEditRoute() {
  const { id = '' } = useParams();
  return <EditGathering key={id} id={id} />;
}
