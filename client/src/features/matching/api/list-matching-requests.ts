import { apiClient } from '@/lib/api-client';
import type { CursorPage } from '@/lib/paging/use-cursor-list';
import { ApiError, asProblem } from '@/lib/problem';
import type { MatchingRequest } from './types';

/** GET /api/v1/matching-requests (operation listMatchingRequests): the caller's requests, newest first, a page at a time. */
export async function listMatchingRequests(cursor: string | undefined, signal?: AbortSignal): Promise<CursorPage<MatchingRequest>> {
  const { data, error, response } = await apiClient.GET('/api/v1/matching-requests', {
    params: { query: { limit: 20, cursor } },
    signal,
  });
  if (data) {
    return data;
  }
  throw new ApiError(response.status, asProblem(error));
}
