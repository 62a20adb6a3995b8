import { apiClient, type Schemas } from '@/lib/api-client';
import type { operations } from '@/lib/api/schema';
import { read } from '@/lib/read-result';

export type VerificationQueueItem = Schemas['VerificationQueueItem'];
export type VerificationQueuePage = Schemas['VerificationQueueItemPage'];
export type VerificationQueueQuery = NonNullable<operations['listVerificationQueue']['parameters']['query']>;

/**
 * GET /api/v1/suppliers/verification-queue (operation listVerificationQueue, coordinators): sites waiting for
 * verification, oldest change first. Rejects with ApiError, or the fetch error on a network failure.
 */
export function listVerificationQueue(query: VerificationQueueQuery, signal?: AbortSignal): Promise<VerificationQueuePage> {
  return read(apiClient.GET('/api/v1/suppliers/verification-queue', { params: { query }, signal }));
}
