import { apiClient } from '@/lib/api-client';
import type { CursorPage } from '@/lib/paging/use-cursor-list';
import { read } from '@/lib/read-result';
import type { Cluster, ClusterSector } from './types';

/** GET /api/v1/clusters (operation listClusters): published clusters (coordinators: all), by code, a page at a time. */
export function listClusters(
  sector: ClusterSector | undefined,
  cursor: string | undefined,
  signal?: AbortSignal,
): Promise<CursorPage<Cluster>> {
  return read(
    apiClient.GET('/api/v1/clusters', {
      params: { query: { limit: 50, cursor, sector } },
      signal,
    }),
  );
}
