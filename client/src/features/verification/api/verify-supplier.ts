import { apiClient, type Schemas } from '@/lib/api-client';
import { toWriteResult, write, type WriteResult } from '@/lib/write-result';

/** POST /api/v1/suppliers/{id}/verify (operation verifySupplier, coordinators): the site's facts are verified. */
export function verifySupplier(id: string): Promise<WriteResult<Schemas['SupplierProfile']>> {
  return write(async () => toWriteResult(await apiClient.POST('/api/v1/suppliers/{id}/verify', { params: { path: { id } } })));
}
