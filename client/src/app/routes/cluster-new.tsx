import { NewCluster } from '@/features/clusters/components/cluster-editor';

export function ClusterNewRoute() {
  return <NewCluster />;
}
