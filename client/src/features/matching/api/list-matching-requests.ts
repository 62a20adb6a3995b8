import { apiClient } from '@/lib/api-client';
import type { CursorPage } from '@/lib/paging/use-cursor-list';
import { read } from '@/lib/read-result';
import type { MatchingRequest } from './types';

/** GET /api/v1/matching-requests (operation listMatchingRequests): the caller's requests, newest first, a page at a time. */
export function listMatchingRequests(cursor: string | undefined, signal?: AbortSignal): Promise<CursorPage<MatchingRequest>> {
  return read(
    apiClient.GET('/api/v1/matching-requests', {
      params: { query: { limit: 20, cursor } },
      signal,
    }),
  );
}
