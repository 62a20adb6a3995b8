import { apiClient } from '@/lib/api-client';
import type { SupplierProfile } from '@/lib/api/suppliers';
import { ifMatch, toWriteResult, write, type WriteResult } from '@/lib/write-result';
import type { SupplierInput } from './create-supplier';

/**
 * PUT /api/v1/suppliers/{id} (operation updateSupplier): replaces the site's facts and disclosure levels. `version` is
 * the one the form was filled from (If-Match): when the site changed since, the answer is `stale` (412).
 */
export function updateSupplier(id: string, version: number, body: SupplierInput): Promise<WriteResult<SupplierProfile>> {
  return write(async () =>
    toWriteResult(await apiClient.PUT('/api/v1/suppliers/{id}', { params: { path: { id }, header: ifMatch(version) }, body })),
  );
}
