import { apiClient, type Schemas } from '@/lib/api-client';
import type { Language } from '@/lib/i18n';
import { read } from '@/lib/read-result';

export type PostalArea = Schemas['PostalArea'];

/**
 * GET /api/v1/places/postal-codes/{postalCode} (operation getPostalCode): the prefecture, municipality and town a
 * postal code covers (Japan Post's KEN_ALL). Rejects with ApiError (404 for a code Japan Post does not list).
 */
export function getPostalArea(postalCode: string, language: Language, signal?: AbortSignal): Promise<PostalArea> {
  return read(
    apiClient.GET('/api/v1/places/postal-codes/{postalCode}', {
      params: { path: { postalCode } },
      headers: { 'Accept-Language': language },
      signal,
    }),
  );
}
