import { apiClient, type Schemas } from '@/lib/api-client';
import { ApiError, asProblem } from '@/lib/problem';

export type SiteSummary = Schemas['SupplierSummary'];

/**
 * GET /api/v1/suppliers (operation searchSuppliers): published sites by name or word and, optionally, a process —
 * for a coordinator choosing a site to add to a cluster. The first ten.
 */
export async function searchSites(q: string, process: string | undefined, signal?: AbortSignal): Promise<SiteSummary[]> {
  const { data, error, response } = await apiClient.GET('/api/v1/suppliers', {
    params: { query: { q: q || undefined, process: process ? [process] : undefined, limit: 10 } },
    signal,
  });
  if (data) {
    return data.items;
  }
  throw new ApiError(response.status, asProblem(error));
}
