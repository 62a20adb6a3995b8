import { apiClient } from '@/lib/api-client';
import { ApiError, asProblem } from '@/lib/problem';
import type { ClusterCoverage } from './types';

/**
 * GET /api/v1/clusters/{id}/coverage (operation getClusterCoverage): per value-chain step, the published sites of the
 * cluster's region that do it (verified, with spare capacity, members), by municipality, and the steps none does.
 */
export async function getClusterCoverage(id: string, signal?: AbortSignal): Promise<ClusterCoverage> {
  const { data, error, response } = await apiClient.GET('/api/v1/clusters/{id}/coverage', { params: { path: { id } }, signal });
  if (data) {
    return data;
  }
  throw new ApiError(response.status, asProblem(error));
}
