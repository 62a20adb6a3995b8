import { apiClient, type Schemas } from '@/lib/api-client';
import { read } from '@/lib/read-result';

export type Municipality = Schemas['Municipality'];

/**
 * GET /api/v1/places/municipalities (operation listMunicipalities): municipalities whose name, reading or romaji
 * matches `q` (豊田, とよた, toyota), or every municipality of `prefecture`. Rejects with ApiError, or the fetch error.
 */
export function listMunicipalities(
  query: { q?: string; prefecture?: string; limit?: number },
  signal?: AbortSignal,
): Promise<Municipality[]> {
  return read(apiClient.GET('/api/v1/places/municipalities', { params: { query }, signal }));
}
