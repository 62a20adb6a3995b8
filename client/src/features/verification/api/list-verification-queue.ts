import { apiClient, type Schemas } from '@/lib/api-client';
import { ApiError, asProblem } from '@/lib/problem';

export type VerificationQueueItem = Schemas['VerificationQueueItem'];
export type VerificationQueuePage = Schemas['VerificationQueueItemPage'];

/**
 * GET /api/v1/suppliers/verification-queue (operation listVerificationQueue, coordinators): sites waiting for
 * verification, oldest change first. Rejects with ApiError, or the fetch error on a network failure.
 */
export async function listVerificationQueue(
  query: { cursor?: string; limit?: number },
  signal?: AbortSignal,
): Promise<VerificationQueuePage> {
  const { data, error, response } = await apiClient.GET('/api/v1/suppliers/verification-queue', {
    params: { query },
    signal,
  });
  if (data) {
    return data;
  }
  throw new ApiError(response.status, asProblem(error));
}
