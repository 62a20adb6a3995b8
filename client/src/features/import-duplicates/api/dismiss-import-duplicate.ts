import { apiClient } from '@/lib/api-client';
import { toWriteResult, write, type WriteResult } from '@/lib/write-result';
import type { ImportDuplicate } from './list-import-duplicates';

/**
 * POST /api/v1/imports/duplicates/{id}/dismiss (operation dismissImportDuplicate, coordinators): not a duplicate, the
 * held row becomes a site of its own. 409 when the row was already resolved.
 */
export function dismissImportDuplicate(id: string): Promise<WriteResult<ImportDuplicate>> {
  return write(async () =>
    toWriteResult(await apiClient.POST('/api/v1/imports/duplicates/{id}/dismiss', { params: { path: { id } } })),
  );
}
