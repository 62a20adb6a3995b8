import { apiClient } from '@/lib/api-client';
import { toWriteResult, write, type WriteResult } from '@/lib/write-result';
import type { Cluster, ClusterStatus } from './types';

export type ClusterAction = 'publish' | 'archive';

/** POST /api/v1/clusters/{id}/publish|archive (operations publishCluster, archiveCluster); a state that does not allow it is a 409. */
export function changeClusterStatus(id: string, action: ClusterAction): Promise<WriteResult<Cluster>> {
  const params = { params: { path: { id } } };
  return write(async () =>
    action === 'publish'
      ? toWriteResult(await apiClient.POST('/api/v1/clusters/{id}/publish', params))
      : toWriteResult(await apiClient.POST('/api/v1/clusters/{id}/archive', params)),
  );
}

/** What the cluster's coordinators may do in each state: publish a draft; archive a draft or a published cluster. */
export function clusterActions(status: ClusterStatus): ClusterAction[] {
  switch (status) {
    case 'draft':
      return ['publish', 'archive'];
    case 'published':
      return ['archive'];
    default:
      return [];
  }
}
