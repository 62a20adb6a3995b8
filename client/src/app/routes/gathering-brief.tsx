import { useParams } from 'react-router';
import { BriefPage } from '@/features/gatherings/components/brief-page';

export function GatheringBriefRoute() {
  const { id = '', meetingId = '' } = useParams();
  return <BriefPage key={`${id}-${meetingId}`} id={id} meetingId={meetingId} />;
}
