import { apiClient, type Schemas } from '@/lib/api-client';
import { read } from '@/lib/read-result';
import { toWriteResult, write, type WriteResult } from '@/lib/write-result';
import type { operations } from './schema';

// Calls on suppliers (sites) that more than one feature makes; a call one feature alone makes stays in its api/.

export type SupplierProfile = Schemas['SupplierProfile'];
export type SupplierSummary = Schemas['SupplierSummary'];
export type SupplierSearchResult = Schemas['SupplierSearchResult'];
export type SearchFacets = Schemas['SearchFacets'];
export type SuggestedFilter = Schemas['SuggestedFilter'];
export type KeywordHit = Schemas['KeywordHit'];

/** The query parameters of GET /api/v1/suppliers, as the contract names them. */
export type SupplierSearchQuery = NonNullable<operations['searchSuppliers']['parameters']['query']>;

/**
 * GET /api/v1/suppliers/{id} (operation getSupplier): the profile with the sections the caller may see; a hidden
 * section comes with its level and `hidden: true`. For the site's owner or a coordinator every section is included,
 * drafts too. Rejects with ApiError (404: no such site the caller may see), or the fetch error on a network failure.
 */
export function getSupplier(id: string, signal?: AbortSignal): Promise<SupplierProfile> {
  return read(apiClient.GET('/api/v1/suppliers/{id}', { params: { path: { id } }, signal }));
}

/** POST /api/v1/suppliers/{id}/reconfirm (operation reconfirmSupplier): "still accurate" as of today. */
export function reconfirmSupplier(id: string): Promise<WriteResult<SupplierProfile>> {
  return write(async () => toWriteResult(await apiClient.POST('/api/v1/suppliers/{id}/reconfirm', { params: { path: { id } } })));
}

/**
 * GET /api/v1/suppliers (operation searchSuppliers): published sites matching every filter, a page at a time.
 * Anonymous callers and members get only sections they may see matched. Rejects with ApiError, or the fetch error.
 */
export function searchSuppliers(query: SupplierSearchQuery, signal?: AbortSignal): Promise<SupplierSearchResult> {
  return read(apiClient.GET('/api/v1/suppliers', { params: { query }, signal }));
}
