import { apiClient, type Schemas } from '@/lib/api-client';
import { read } from '@/lib/read-result';

export type SiteSummary = Schemas['SupplierSummary'];

/**
 * GET /api/v1/suppliers (operation searchSuppliers): published sites by name or word and, optionally, a process —
 * for a coordinator choosing a site to add to a cluster. The first ten.
 */
export async function searchSites(q: string, process: string | undefined, signal?: AbortSignal): Promise<SiteSummary[]> {
  const { items } = await read(
    apiClient.GET('/api/v1/suppliers', {
      params: { query: { q: q || undefined, process: process ? [process] : undefined, limit: 10 } },
      signal,
    }),
  );
  return items;
}
