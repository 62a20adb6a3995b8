import { useParams } from 'react-router';
import { RequestPage } from '@/features/matching/components/request-page';

export function MatchingRequestRoute() {
  const { id = '' } = useParams();
  // A new id is a new page: nothing of the previous request's state carries over.
  return <RequestPage key={id} id={id} />;
}
