import { apiClient } from '@/lib/api-client';
import { ifMatch, toWriteResult, write, type WriteResult } from '@/lib/write-result';
import type { PartInput, PartItem, PartKind } from './parts';

/**
 * PUT /api/v1/suppliers/{id}/{kind}/{partId} (operations replaceCapability, replaceEquipment, replaceCertification,
 * replaceStaff), If-Match the part's version: `stale` (412) when it changed since it was read.
 */
export function replacePart<K extends PartKind>(
  supplierId: string,
  kind: K,
  partId: string,
  version: number,
  body: PartInput<K>,
): Promise<WriteResult<PartItem<K>>> {
  // The contract declares If-Match as a required header parameter of every replace operation.
  const params = { path: { id: supplierId, partId }, header: ifMatch(version) };
  return write(async () => {
    switch (kind as PartKind) {
      case 'capabilities':
        return toWriteResult(
          await apiClient.PUT('/api/v1/suppliers/{id}/capabilities/{partId}', {
            params,
            body: body as PartInput<'capabilities'>,
          }),
        ) as WriteResult<PartItem<K>>;
      case 'equipment':
        return toWriteResult(
          await apiClient.PUT('/api/v1/suppliers/{id}/equipment/{partId}', { params, body: body as PartInput<'equipment'> }),
        ) as WriteResult<PartItem<K>>;
      case 'certifications':
        return toWriteResult(
          await apiClient.PUT('/api/v1/suppliers/{id}/certifications/{partId}', {
            params,
            body: body as PartInput<'certifications'>,
          }),
        ) as WriteResult<PartItem<K>>;
      case 'staff':
        return toWriteResult(
          await apiClient.PUT('/api/v1/suppliers/{id}/staff/{partId}', { params, body: body as PartInput<'staff'> }),
        ) as WriteResult<PartItem<K>>;
    }
  });
}
