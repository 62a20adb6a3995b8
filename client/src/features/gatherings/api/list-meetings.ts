import { apiClient } from '@/lib/api-client';
import { read } from '@/lib/read-result';
import type { Meeting } from './types';

/** GET /api/v1/gatherings/{id}/meetings (operation listGatheringMeetings): organisers every meeting, a participant its own. */
export function listMeetings(id: string, signal?: AbortSignal): Promise<Meeting[]> {
  return read(apiClient.GET('/api/v1/gatherings/{id}/meetings', { params: { path: { id } }, signal }));
}
