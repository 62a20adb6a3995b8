import { apiClient } from '@/lib/api-client';
import type { SupplierProfile } from '@/lib/api/suppliers';
import { toWriteResult, write, type WriteResult } from '@/lib/write-result';

/**
 * POST /api/v1/suppliers/{id}/publish (operation publishSupplier). A site that lacks a name, municipality, location
 * or a capability is `invalid` (422) with those fields' messages.
 */
export function publishSupplier(id: string): Promise<WriteResult<SupplierProfile>> {
  return write(async () => toWriteResult(await apiClient.POST('/api/v1/suppliers/{id}/publish', { params: { path: { id } } })));
}
