import { apiClient, type Schemas } from '@/lib/api-client';
import { read } from '@/lib/read-result';

export type MeetingSuggestion = Schemas['MeetingSuggestion'];

/**
 * GET /api/v1/gatherings/{id}/participants/{participantId}/suggestions (operation suggestGatheringMeetings): whom the
 * participant should meet — for a buyer the approved suppliers whose sites fit its steps, for a supplier the buyers
 * whose steps its site fits — scored and explained by the matching engine, best first.
 */
export function getSuggestions(id: string, participantId: string, signal?: AbortSignal): Promise<MeetingSuggestion[]> {
  return read(apiClient.GET('/api/v1/gatherings/{id}/participants/{participantId}/suggestions', { params: { path: { id, participantId } }, signal }));
}
