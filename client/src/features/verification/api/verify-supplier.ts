import { apiClient } from '@/lib/api-client';
import type { SupplierProfile } from '@/lib/api/suppliers';
import { toWriteResult, write, type WriteResult } from '@/lib/write-result';

/** POST /api/v1/suppliers/{id}/verify (operation verifySupplier, coordinators): the site's facts are verified. */
export function verifySupplier(id: string): Promise<WriteResult<SupplierProfile>> {
  return write(async () => toWriteResult(await apiClient.POST('/api/v1/suppliers/{id}/verify', { params: { path: { id } } })));
}
