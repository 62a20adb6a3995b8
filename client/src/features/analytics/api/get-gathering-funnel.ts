import { apiClient } from '@/lib/api-client';
import { read } from '@/lib/read-result';
import type { GatheringFunnel } from './types';

/**
 * GET /api/v1/analytics/gathering-funnel (operation getGatheringFunnel, coordinators): what came of the gatherings —
 * registered → met → followed up → request → order, and first-time ties — per gathering and per cluster, with the
 * totals; `clusterId` keeps one cluster's. Dates take the API's defaults (a year back and ahead).
 */
export function getGatheringFunnel(clusterId: string | undefined, signal?: AbortSignal): Promise<GatheringFunnel> {
  return read(apiClient.GET('/api/v1/analytics/gathering-funnel', { params: { query: { clusterId } }, signal }));
}
