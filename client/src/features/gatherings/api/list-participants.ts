import { apiClient } from '@/lib/api-client';
import { read } from '@/lib/read-result';
import type { Participant } from './types';

/**
 * GET /api/v1/gatherings/{id}/participants (operation listGatheringParticipants): organisers get every registration;
 * a participant the approved ones and its own (its own carry its accountId).
 */
export function listParticipants(id: string, signal?: AbortSignal): Promise<Participant[]> {
  return read(apiClient.GET('/api/v1/gatherings/{id}/participants', { params: { path: { id } }, signal }));
}
