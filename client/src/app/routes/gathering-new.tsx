import { NewGathering } from '@/features/gatherings/components/gathering-editor';

export function GatheringNewRoute() {
  return <NewGathering />;
}
