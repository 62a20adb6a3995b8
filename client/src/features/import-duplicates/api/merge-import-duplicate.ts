import { apiClient } from '@/lib/api-client';
import { toWriteResult, write, type WriteResult } from '@/lib/write-result';
import type { ImportDuplicate } from './list-import-duplicates';

/**
 * POST /api/v1/imports/duplicates/{id}/merge (operation mergeImportDuplicate, coordinators): the existing site takes
 * the integrator's external id, so that later imports update it. 409 when the site already carries another id.
 */
export function mergeImportDuplicate(id: string): Promise<WriteResult<ImportDuplicate>> {
  return write(async () =>
    toWriteResult(await apiClient.POST('/api/v1/imports/duplicates/{id}/merge', { params: { path: { id } } })),
  );
}
