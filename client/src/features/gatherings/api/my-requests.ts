import { apiClient } from '@/lib/api-client';
import { read } from '@/lib/read-result';
import type { MatchingRequest } from './types';

/**
 * GET /api/v1/matching-requests (operation listMatchingRequests): the caller's own matching requests, which a buyer
 * brings to a gathering. The first 200 (newest first): more than a buyer would pick from.
 */
export async function listMyRequests(signal?: AbortSignal): Promise<MatchingRequest[]> {
  const page = await read(apiClient.GET('/api/v1/matching-requests', { params: { query: { limit: 200 } }, signal }));
  return page.items;
}
