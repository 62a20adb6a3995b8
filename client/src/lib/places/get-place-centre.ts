import { apiClient, type Schemas } from '@/lib/api-client';
import type { Language } from '@/lib/i18n';
import { read } from '@/lib/read-result';

export type PlaceCentre = Schemas['PlaceCentre'];

/**
 * GET /api/v1/places/centre (operation getPlaceCentre): where a municipality or postal code is, as the mean position
 * of the registry's published sites there. Rejects with ApiError (422 when the registry has no site there).
 */
export function getPlaceCentre(near: string, language: Language, signal?: AbortSignal): Promise<PlaceCentre> {
  return read(
    apiClient.GET('/api/v1/places/centre', {
      params: { query: { near } },
      headers: { 'Accept-Language': language },
      signal,
    }),
  );
}
