import { useCallback, useState } from 'react';
import { searchSuppliers, type SearchFacets, type SuggestedFilter, type SupplierSummary } from '@/lib/api/suppliers';
import { useCursorList, type CursorList, type FetchPage } from '@/lib/paging/use-cursor-list';
import { toSearchQuery, type SupplierFilters } from '../search-filters';

export const pageSize = 20;

/**
 * The results of a search, a page at a time ("more"), with the facet counts of the whole filtered set (asked for
 * with the first page) and, when the first page is empty, the filters the words name. `key` names the search: a new
 * key starts from the first page again.
 */
export function useSupplierSearch(
  filters: SupplierFilters,
  key: string,
  /** False while the search cannot be asked as given (a URL value that does not parse): nothing is asked then. */
  enabled = true,
): CursorList<SupplierSummary> & { facets: SearchFacets | null; suggestions: readonly SuggestedFilter[] } {
  const [facets, setFacets] = useState<{ key: string; facets: SearchFacets | null; suggestions: readonly SuggestedFilter[] }>({
    key: '',
    facets: null,
    suggestions: [],
  });

  // `filters` follows from `key` (both come from the URL), so the key alone decides when to search again.
  const fetchPage = useCallback<FetchPage<SupplierSummary>>(
    async (cursor, signal) => {
      if (!enabled) {
        return { items: [], nextCursor: null };
      }
      const page = await searchSuppliers(toSearchQuery(filters, { cursor, limit: pageSize }), signal);
      if (!cursor && !signal.aborted) {
        setFacets({ key, facets: page.facets ?? null, suggestions: page.suggestions ?? [] });
      }
      return page;
    },
    [key, enabled],
  );
  const list = useCursorList(fetchPage);
  const current = facets.key === key;
  return { ...list, facets: current ? facets.facets : null, suggestions: current ? facets.suggestions : [] };
}
