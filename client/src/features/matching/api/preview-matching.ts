import { apiClient } from '@/lib/api-client';
import { toWriteResult, write, type WriteResult } from '@/lib/write-result';
import type { MatchEvaluation, MatchingRequestInput } from './types';

/**
 * POST /api/v1/matching/preview (operation previewMatching): an unsaved request evaluated for the caller — ranked
 * sites per step with their explanation, and chains. A request the API cannot evaluate is `invalid` (400) with
 * messages keyed like `steps[0].processCode`.
 */
export function previewMatching(body: MatchingRequestInput): Promise<WriteResult<MatchEvaluation>> {
  return write(async () => toWriteResult(await apiClient.POST('/api/v1/matching/preview', { body })));
}
