import { apiClient } from '@/lib/api-client';
import type { SupplierProfile } from '@/lib/api/suppliers';
import { toWriteResult, write, type WriteResult } from '@/lib/write-result';

/** POST /api/v1/suppliers/{id}/unpublish (operation unpublishSupplier): out of search, back to draft. */
export function unpublishSupplier(id: string): Promise<WriteResult<SupplierProfile>> {
  return write(async () => toWriteResult(await apiClient.POST('/api/v1/suppliers/{id}/unpublish', { params: { path: { id } } })));
}
