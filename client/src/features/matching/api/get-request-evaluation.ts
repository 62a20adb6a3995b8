import { apiClient } from '@/lib/api-client';
import { read } from '@/lib/read-result';
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
  // Both answers are in: when both were refused, the matches' refusal is the one reported.
  const { steps, evaluatedAt } = await read(matches);
  const { chains: found, deliveryPoint } = await read(chains);
  return { steps, chains: found, deliveryPoint, evaluatedAt };
}
