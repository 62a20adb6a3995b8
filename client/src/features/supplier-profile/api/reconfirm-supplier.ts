import { apiClient } from '@/lib/api-client';
import { toWriteResult, write, type WriteResult } from '@/lib/write-result';
import type { SupplierProfile } from './get-supplier';

/** POST /api/v1/suppliers/{id}/reconfirm (operation reconfirmSupplier): "still accurate" as of today. */
export function reconfirmSupplier(id: string): Promise<WriteResult<SupplierProfile>> {
  return write(async () => toWriteResult(await apiClient.POST('/api/v1/suppliers/{id}/reconfirm', { params: { path: { id } } })));
}
