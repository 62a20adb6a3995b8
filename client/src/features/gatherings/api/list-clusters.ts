import { apiClient, type Schemas } from '@/lib/api-client';
import { read } from '@/lib/read-result';

export type ClusterChoice = Pick<Schemas['Cluster'], 'id' | 'nameJa' | 'nameEn'>;

/**
 * GET /api/v1/clusters (operation listClusters): the clusters a gathering may be held for (the form's choice, and the
 * name shown on its page). The first 200, by code: far more than the region has.
 */
export async function listClusterChoices(signal?: AbortSignal): Promise<ClusterChoice[]> {
  const page = await read(apiClient.GET('/api/v1/clusters', { params: { query: { limit: 200 } }, signal }));
  return page.items.map(({ id, nameJa, nameEn }) => ({ id, nameJa, nameEn }));
}
