import { apiClient, type Schemas } from '@/lib/api-client';
import { ApiError, asProblem } from '@/lib/problem';

export type SupplierProfile = Schemas['SupplierProfile'];

/**
 * GET /api/v1/suppliers/{id} (operation getSupplier). For the site's owner or a coordinator every section is
 * included, drafts too. Rejects with ApiError, or the fetch error on a network failure.
 */
export async function getSupplier(id: string, signal?: AbortSignal): Promise<SupplierProfile> {
  const { data, error, response } = await apiClient.GET('/api/v1/suppliers/{id}', { params: { path: { id } }, signal });
  if (data) {
    return data;
  }
  throw new ApiError(response.status, asProblem(error));
}
