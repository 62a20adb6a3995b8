import { apiClient } from '@/lib/api-client';
import { read } from '@/lib/read-result';
import type { MatchingRequest } from './types';

/** GET /api/v1/matching-requests/{id} (operation getMatchingRequest). Rejects with ApiError (404: not there, or not for the caller). */
export function getMatchingRequest(id: string, signal?: AbortSignal): Promise<MatchingRequest> {
  return read(apiClient.GET('/api/v1/matching-requests/{id}', { params: { path: { id } }, signal }));
}
