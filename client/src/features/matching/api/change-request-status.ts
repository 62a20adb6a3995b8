import { apiClient } from '@/lib/api-client';
import { toWriteResult, write, type WriteResult } from '@/lib/write-result';
import type { MatchingRequest, RequestStatus } from './types';

export type StatusAction = 'open' | 'close' | 'cancel';

/**
 * POST /api/v1/matching-requests/{id}/open|close|cancel (operations openMatchingRequest, closeMatchingRequest,
 * cancelMatchingRequest). From a state that does not allow it the API answers 409 (`conflict`) naming the state.
 */
export function changeRequestStatus(id: string, action: StatusAction): Promise<WriteResult<MatchingRequest>> {
  const params = { params: { path: { id } } };
  return write(async () => {
    switch (action) {
      case 'open':
        return toWriteResult(await apiClient.POST('/api/v1/matching-requests/{id}/open', params));
      case 'close':
        return toWriteResult(await apiClient.POST('/api/v1/matching-requests/{id}/close', params));
      case 'cancel':
        return toWriteResult(await apiClient.POST('/api/v1/matching-requests/{id}/cancel', params));
    }
  });
}

/** The lifecycle actions the buyer may take in each state (docs/matching.md: draft → open → closed; cancel from draft or open). */
export function allowedActions(status: RequestStatus): StatusAction[] {
  switch (status) {
    case 'draft':
      return ['open', 'cancel'];
    case 'open':
      return ['close', 'cancel'];
    default:
      return [];
  }
}
