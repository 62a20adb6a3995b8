import { apiClient, type Schemas } from '@/lib/api-client';
import type { Language } from '@/lib/i18n';
import { read } from '@/lib/read-result';
import type { TaxonomyKind } from './list-taxonomy-terms';

export type TaxonomySuggestion = Schemas['TaxonomySuggestion'];

/**
 * GET /api/v1/taxonomy/suggest (operation suggestTaxonomyTerms): terms whose code, label or synonym (either
 * language) matches `q`, prefix matches first. Rejects with ApiError, or the fetch error on a network failure.
 */
export function suggestTaxonomyTerms(
  q: string,
  kinds: readonly TaxonomyKind[],
  language: Language,
  signal?: AbortSignal,
): Promise<TaxonomySuggestion[]> {
  return read(
    apiClient.GET('/api/v1/taxonomy/suggest', {
      params: { query: { q, kinds: [...kinds], limit: 12 } },
      headers: { 'Accept-Language': language },
      signal,
    }),
  );
}
