import { apiClient } from '@/lib/api-client';
import { toWriteResult, write, type WriteResult } from '@/lib/write-result';
import type { PartInput, PartItem, PartKind } from './parts';

/**
 * POST /api/v1/suppliers/{id}/{capabilities|equipment|certifications|staff} (operations addCapability, addEquipment,
 * addCertification, addStaff), with an Idempotency-Key so that a retry after a lost answer adds nothing twice.
 * Every part write also moves the site's version on by one.
 */
export function addPart<K extends PartKind>(
  supplierId: string,
  kind: K,
  body: PartInput<K>,
  idempotencyKey: string,
): Promise<WriteResult<PartItem<K>>> {
  const params = { path: { id: supplierId }, header: { 'Idempotency-Key': idempotencyKey } };
  return write(async () => {
    // The union of four typed calls: the caller's `kind` fixes which one, the casts only tell the compiler so.
    switch (kind as PartKind) {
      case 'capabilities':
        return toWriteResult(
          await apiClient.POST('/api/v1/suppliers/{id}/capabilities', { params, body: body as PartInput<'capabilities'> }),
        ) as WriteResult<PartItem<K>>;
      case 'equipment':
        return toWriteResult(
          await apiClient.POST('/api/v1/suppliers/{id}/equipment', { params, body: body as PartInput<'equipment'> }),
        ) as WriteResult<PartItem<K>>;
      case 'certifications':
        return toWriteResult(
          await apiClient.POST('/api/v1/suppliers/{id}/certifications', { params, body: body as PartInput<'certifications'> }),
        ) as WriteResult<PartItem<K>>;
      case 'staff':
        return toWriteResult(
          await apiClient.POST('/api/v1/suppliers/{id}/staff', { params, body: body as PartInput<'staff'> }),
        ) as WriteResult<PartItem<K>>;
    }
  });
}
