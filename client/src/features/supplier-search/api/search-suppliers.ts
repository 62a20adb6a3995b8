import { apiClient, type Schemas } from '@/lib/api-client';
import { read } from '@/lib/read-result';
import type { SearchQuery } from '../search-filters';

export type SupplierSummary = Schemas['SupplierSummary'];
export type SupplierSearchResult = Schemas['SupplierSearchResult'];
export type SearchFacets = Schemas['SearchFacets'];

/**
 * GET /api/v1/suppliers (operation searchSuppliers): published sites matching every filter, a page at a time.
 * Anonymous callers and members get only sections they may see matched. Rejects with ApiError, or the fetch error.
 */
export function searchSuppliers(query: SearchQuery, signal?: AbortSignal): Promise<SupplierSearchResult> {
  return read(apiClient.GET('/api/v1/suppliers', { params: { query }, signal }));
}
