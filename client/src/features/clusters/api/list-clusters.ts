import { apiClient } from '@/lib/api-client';
import type { CursorPage } from '@/lib/paging/use-cursor-list';
import { ApiError, asProblem } from '@/lib/problem';
import type { Cluster, ClusterSector } from './types';

/** GET /api/v1/clusters (operation listClusters): published clusters (coordinators: all), by code, a page at a time. */
export async function listClusters(
  sector: ClusterSector | undefined,
  cursor: string | undefined,
  signal?: AbortSignal,
): Promise<CursorPage<Cluster>> {
  const { data, error, response } = await apiClient.GET('/api/v1/clusters', {
    params: { query: { limit: 50, cursor, sector } },
    signal,
  });
  if (data) {
    return data;
  }
  throw new ApiError(response.status, asProblem(error));
}
