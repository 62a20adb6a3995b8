import { apiClient, type Schemas } from '@/lib/api-client';
import { read } from '@/lib/read-result';

export type SupplierProfile = Schemas['SupplierProfile'];

/**
 * GET /api/v1/suppliers/{id} (operation getSupplier): the profile with the sections the caller may see; a hidden
 * section comes with its level and `hidden: true`. Rejects with ApiError (404: no such published site), or the
 * fetch error on a network failure.
 */
export function getSupplier(id: string, signal?: AbortSignal): Promise<SupplierProfile> {
  return read(apiClient.GET('/api/v1/suppliers/{id}', { params: { path: { id } }, signal }));
}
