import type { Language } from '@/lib/i18n';
import { listTaxonomyTerms, type TaxonomyKind, type TaxonomyTerm } from './list-taxonomy-terms';

/** A taxonomy with its terms by code. */
export class TaxonomyIndex {
  readonly byCode: ReadonlyMap<string, TaxonomyTerm>;

  constructor(readonly terms: readonly TaxonomyTerm[]) {
    this.byCode = new Map(terms.map((term) => [term.code, term]));
  }

  /** The term's label, or the code itself for a code the taxonomy does not know. */
  label(code: string): string {
    return this.byCode.get(code)?.label ?? code;
  }
}

// Taxonomies change only with a deployment, so each is asked for once per language and page load (the API also
// sends Cache-Control). A failed answer is forgotten, so the next caller asks again.
const cache = new Map<string, Promise<TaxonomyIndex>>();

export function loadTaxonomy(kind: TaxonomyKind, language: Language): Promise<TaxonomyIndex> {
  const key = `${language}:${kind}`;
  let entry = cache.get(key);
  if (!entry) {
    entry = listTaxonomyTerms(kind, language).then((terms) => new TaxonomyIndex(terms));
    entry.catch(() => cache.delete(key));
    cache.set(key, entry);
  }
  return entry;
}

/** Forgets every loaded taxonomy (tests). */
export function clearTaxonomyCache(): void {
  cache.clear();
}
