import { apiClient, type Schemas } from '@/lib/api-client';
import type { SupplierProfile } from '@/lib/api/suppliers';
import { toWriteResult, write, type WriteResult } from '@/lib/write-result';

export type SupplierInput = Schemas['SupplierInput'];

/**
 * POST /api/v1/suppliers (operation createSupplier): a new site, as a draft, linked to the supplier account. The
 * Idempotency-Key makes a retry after a lost answer safe.
 */
export function createSupplier(body: SupplierInput, idempotencyKey: string): Promise<WriteResult<SupplierProfile>> {
  return write(async () =>
    toWriteResult(await apiClient.POST('/api/v1/suppliers', { body, params: { header: { 'Idempotency-Key': idempotencyKey } } })),
  );
}
