import { apiClient } from '@/lib/api-client';
import { read } from '@/lib/read-result';
import type { ConsortiumProposal } from './types';

/**
 * GET /themes/{themeId}/consortium (operation proposeConsortium): for a joint order, the member sites that together
 * cover its steps — a chain like a matching request's — and the steps no member covers.
 */
export function getConsortium(id: string, themeId: string, signal?: AbortSignal): Promise<ConsortiumProposal> {
  return read(
    apiClient.GET('/api/v1/clusters/{id}/themes/{themeId}/consortium', {
      params: { path: { id, themeId } },
      signal,
    }),
  );
}
