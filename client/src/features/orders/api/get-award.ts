import { apiClient, type Schemas } from '@/lib/api-client';
import { read } from '@/lib/read-result';

export type AwardedRequest = Schemas['MatchingRequest'];

/**
 * GET /api/v1/matching-requests/{id} (operation getMatchingRequest), for the order form: what was awarded (the chain,
 * one site per step, or one site), the title, quantity, due date and QA documents the orders carry on.
 */
export function getAwardedRequest(id: string, signal?: AbortSignal): Promise<AwardedRequest> {
  return read(apiClient.GET('/api/v1/matching-requests/{id}', { params: { path: { id } }, signal }));
}
