import { apiClient } from '@/lib/api-client';
import { toWriteResult, write, type WriteResult } from '@/lib/write-result';
import type { MatchingRequest, MatchingRequestInput } from './types';

/**
 * POST /api/v1/matching-requests (operation createMatchingRequest): saves the request as a draft. The
 * Idempotency-Key makes a retry after a lost answer safe.
 */
export function createMatchingRequest(body: MatchingRequestInput, idempotencyKey: string): Promise<WriteResult<MatchingRequest>> {
  return write(async () =>
    toWriteResult(
      await apiClient.POST('/api/v1/matching-requests', { body, params: { header: { 'Idempotency-Key': idempotencyKey } } }),
    ),
  );
}
