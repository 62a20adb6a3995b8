import { apiClient } from '@/lib/api-client';
import { read } from '@/lib/read-result';
import type { ClusterCoverage } from './types';

/**
 * GET /api/v1/clusters/{id}/coverage (operation getClusterCoverage): per value-chain step, the published sites of the
 * cluster's region that do it (verified, with spare capacity, members), by municipality, and the steps none does.
 */
export function getClusterCoverage(id: string, signal?: AbortSignal): Promise<ClusterCoverage> {
  return read(apiClient.GET('/api/v1/clusters/{id}/coverage', { params: { path: { id } }, signal }));
}
