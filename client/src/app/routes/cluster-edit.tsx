import { useParams } from 'react-router';
import { EditCluster } from '@/features/clusters/components/cluster-editor';

export function ClusterEditRoute() {
  const { id = '' } = useParams();
  return <EditCluster key={id} id={id} />;
}
