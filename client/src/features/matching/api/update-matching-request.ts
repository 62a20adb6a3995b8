import { apiClient } from '@/lib/api-client';
import { ifMatch, toWriteResult, write, type WriteResult } from '@/lib/write-result';
import type { MatchingRequest, MatchingRequestInput } from './types';

/**
 * PUT /api/v1/matching-requests/{id} (operation updateMatchingRequest): replaces a draft. `version` is the one the form
 * was filled from (If-Match): when someone changed the request since, the answer is `stale` (412); when it is no longer
 * a draft, `conflict` (409) naming its state.
 */
export function updateMatchingRequest(id: string, version: number, body: MatchingRequestInput): Promise<WriteResult<MatchingRequest>> {
  return write(async () =>
    toWriteResult(
      await apiClient.PUT('/api/v1/matching-requests/{id}', { params: { path: { id }, header: ifMatch(version) }, body }),
    ),
  );
}
