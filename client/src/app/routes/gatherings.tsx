import { GatheringList } from '@/features/gatherings/components/gathering-list';

export function GatheringsRoute() {
  return <GatheringList />;
}
