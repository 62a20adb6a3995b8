import { apiClient } from '@/lib/api-client';
import { read } from '@/lib/read-result';
import type { Cluster } from './types';

/** GET /api/v1/clusters/{id} (operation getCluster). Rejects with ApiError (404: not there, or a draft the caller may not see). */
export function getCluster(id: string, signal?: AbortSignal): Promise<Cluster> {
  return read(apiClient.GET('/api/v1/clusters/{id}', { params: { path: { id } }, signal }));
}
