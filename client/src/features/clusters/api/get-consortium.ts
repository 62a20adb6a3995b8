import { apiClient } from '@/lib/api-client';
import { ApiError, asProblem } from '@/lib/problem';
import type { ConsortiumProposal } from './types';

/**
 * GET /themes/{themeId}/consortium (operation proposeConsortium): for a joint order, the member sites that together
 * cover its steps — a chain like a matching request's — and the steps no member covers.
 */
export async function getConsortium(id: string, themeId: string, signal?: AbortSignal): Promise<ConsortiumProposal> {
  const { data, error, response } = await apiClient.GET('/api/v1/clusters/{id}/themes/{themeId}/consortium', {
    params: { path: { id, themeId } },
    signal,
  });
  if (data) {
    return data;
  }
  throw new ApiError(response.status, asProblem(error));
}
