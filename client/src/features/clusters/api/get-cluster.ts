import { apiClient } from '@/lib/api-client';
import { ApiError, asProblem } from '@/lib/problem';
import type { Cluster } from './types';

/** GET /api/v1/clusters/{id} (operation getCluster). Rejects with ApiError (404: not there, or a draft the caller may not see). */
export async function getCluster(id: string, signal?: AbortSignal): Promise<Cluster> {
  const { data, error, response } = await apiClient.GET('/api/v1/clusters/{id}', { params: { path: { id } }, signal });
  if (data) {
    return data;
  }
  throw new ApiError(response.status, asProblem(error));
}
