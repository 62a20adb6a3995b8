import { apiClient, type Schemas } from '@/lib/api-client';
import { read } from '@/lib/read-result';

export type SupplierProfile = Schemas['SupplierProfile'];

/**
 * GET /api/v1/suppliers/{id} (operation getSupplier). For the site's owner or a coordinator every section is
 * included, drafts too. Rejects with ApiError, or the fetch error on a network failure.
 */
export function getSupplier(id: string, signal?: AbortSignal): Promise<SupplierProfile> {
  return read(apiClient.GET('/api/v1/suppliers/{id}', { params: { path: { id } }, signal }));
}
