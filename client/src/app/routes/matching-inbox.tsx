import { Inbox } from '@/features/matching/components/inbox';

export function MatchingInboxRoute() {
  return <Inbox />;
}
