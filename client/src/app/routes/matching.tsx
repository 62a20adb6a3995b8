import { RequestList } from '@/features/matching/components/request-list';

export function MatchingRoute() {
  return <RequestList />;
}
