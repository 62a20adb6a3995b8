import { apiClient, type Schemas } from '@/lib/api-client';
import { ApiError, asProblem } from '@/lib/problem';
import type { SearchQuery } from '../search-filters';

export type SupplierSummary = Schemas['SupplierSummary'];
export type SupplierSearchResult = Schemas['SupplierSearchResult'];
export type SearchFacets = Schemas['SearchFacets'];

/**
 * GET /api/v1/suppliers (operation searchSuppliers): published sites matching every filter, a page at a time.
 * Anonymous callers and members get only sections they may see matched. Rejects with ApiError, or the fetch error.
 */
export async function searchSuppliers(query: SearchQuery, signal?: AbortSignal): Promise<SupplierSearchResult> {
  const { data, error, response } = await apiClient.GET('/api/v1/suppliers', { params: { query }, signal });
  if (data) {
    return data;
  }
  throw new ApiError(response.status, asProblem(error));
}
