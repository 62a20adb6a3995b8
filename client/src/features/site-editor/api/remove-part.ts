import { apiClient } from '@/lib/api-client';
import { toWriteResult, write, type WriteResult } from '@/lib/write-result';
import type { PartKind } from './parts';

/**
 * DELETE /api/v1/suppliers/{id}/{kind}/{partId} (operations removeCapability, removeEquipment, removeCertification,
 * removeStaff).
 */
export function removePart(supplierId: string, kind: PartKind, partId: string): Promise<WriteResult<null>> {
  const params = { path: { id: supplierId, partId } };
  return write(async () => {
    switch (kind) {
      case 'capabilities':
        return toWriteResult(await apiClient.DELETE('/api/v1/suppliers/{id}/capabilities/{partId}', { params }), null);
      case 'equipment':
        return toWriteResult(await apiClient.DELETE('/api/v1/suppliers/{id}/equipment/{partId}', { params }), null);
      case 'certifications':
        return toWriteResult(await apiClient.DELETE('/api/v1/suppliers/{id}/certifications/{partId}', { params }), null);
      case 'staff':
        return toWriteResult(await apiClient.DELETE('/api/v1/suppliers/{id}/staff/{partId}', { params }), null);
    }
  });
}
