import { NewRequest } from '@/features/matching/components/new-request';

export function MatchingNewRoute() {
  return <NewRequest />;
}
