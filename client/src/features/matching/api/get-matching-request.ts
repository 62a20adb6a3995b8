import { apiClient } from '@/lib/api-client';
import { ApiError, asProblem } from '@/lib/problem';
import type { MatchingRequest } from './types';

/** GET /api/v1/matching-requests/{id} (operation getMatchingRequest). Rejects with ApiError (404: not there, or not for the caller). */
export async function getMatchingRequest(id: string, signal?: AbortSignal): Promise<MatchingRequest> {
  const { data, error, response } = await apiClient.GET('/api/v1/matching-requests/{id}', { params: { path: { id } }, signal });
  if (data) {
    return data;
  }
  throw new ApiError(response.status, asProblem(error));
}
