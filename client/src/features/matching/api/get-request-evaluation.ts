import { apiClient } from '@/lib/api-client';
import { ApiError, asProblem } from '@/lib/problem';
import type { MatchEvaluation } from './types';

/**
 * The saved request evaluated for the caller: GET /{id}/matches (getMatchingRequestMatches) and /{id}/chains
 * (getMatchingRequestChains), asked together and put in one evaluation. Only the buyer and coordinators see rankings.
 */
export async function getRequestEvaluation(id: string, signal?: AbortSignal): Promise<MatchEvaluation> {
  const params = { path: { id } };
  const [matches, chains] = await Promise.all([
    apiClient.GET('/api/v1/matching-requests/{id}/matches', { params, signal }),
    apiClient.GET('/api/v1/matching-requests/{id}/chains', { params, signal }),
  ]);
  if (!matches.data) {
    throw new ApiError(matches.response.status, asProblem(matches.error));
  }
  if (!chains.data) {
    throw new ApiError(chains.response.status, asProblem(chains.error));
  }
  return { steps: matches.data.steps, chains: chains.data.chains, evaluatedAt: matches.data.evaluatedAt };
}
