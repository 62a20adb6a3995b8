import { apiClient, type Schemas } from '@/lib/api-client';
import type { Language } from '@/lib/i18n';
import { read } from '@/lib/read-result';

export type TaxonomyTerm = Schemas['TaxonomyTerm'];
export type TaxonomyKind = Schemas['TaxonomyKind'];

// The list endpoint names its taxonomies with hyphens; the suggest endpoint's `kinds` (TaxonomyKind) with underscores.
const pathSegment: Record<TaxonomyKind, string> = {
  processes: 'processes',
  materials: 'materials',
  equipment_types: 'equipment-types',
  certifications: 'certifications',
  qualifications: 'qualifications',
  industries: 'industries',
  prefectures: 'prefectures',
};

/**
 * GET /api/v1/taxonomy/{kind} (operation listTaxonomyTerms): every term, labelled in `language` (Accept-Language).
 * Rejects with ApiError, or the fetch error on a network failure.
 */
export function listTaxonomyTerms(kind: TaxonomyKind, language: Language, signal?: AbortSignal): Promise<TaxonomyTerm[]> {
  return read(
    apiClient.GET('/api/v1/taxonomy/{kind}', {
      params: { path: { kind: pathSegment[kind] } },
      headers: { 'Accept-Language': language },
      signal,
    }),
  );
}
