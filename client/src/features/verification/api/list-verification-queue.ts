import { apiClient, type Schemas } from '@/lib/api-client';
import { read } from '@/lib/read-result';

export type VerificationQueueItem = Schemas['VerificationQueueItem'];
export type VerificationQueuePage = Schemas['VerificationQueueItemPage'];

/**
 * GET /api/v1/suppliers/verification-queue (operation listVerificationQueue, coordinators): sites waiting for
 * verification, oldest change first. Rejects with ApiError, or the fetch error on a network failure.
 */
export function listVerificationQueue(
  query: { cursor?: string; limit?: number },
  signal?: AbortSignal,
): Promise<VerificationQueuePage> {
  return read(
    apiClient.GET('/api/v1/suppliers/verification-queue', {
      params: { query },
      signal,
    }),
  );
}
