import { apiClient, type Schemas } from '@/lib/api-client';
import { read } from '@/lib/read-result';

export type ImportDuplicate = Schemas['ImportDuplicate'];

/**
 * GET /api/v1/imports/duplicates (operation listImportDuplicates, coordinators): rows an integrator's import held back
 * as probable duplicates of an existing site, oldest first. The API answers at most 200 and has no paging: the next
 * ones appear as these are resolved. Rejects with ApiError, or the fetch error on a network failure.
 */
export function listImportDuplicates(signal?: AbortSignal): Promise<ImportDuplicate[]> {
  return read(apiClient.GET('/api/v1/imports/duplicates', { signal }));
}
