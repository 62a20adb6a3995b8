import { apiClient } from '@/lib/api-client';
import { toWriteResult, write, type WriteResult } from '@/lib/write-result';
import type { Meeting } from './types';

/**
 * POST /api/v1/gatherings/{id}/meetings (operation requestGatheringMeeting): a participant asks to meet another of
 * the other side (200 and mutual when that side had asked first); an organiser proposes a buyer (`withParticipantId`)
 * and a supplier (`andParticipantId`).
 */
export function requestMeeting(
  id: string,
  body: { withParticipantId: string; andParticipantId?: string | null; note?: string | null },
): Promise<WriteResult<Meeting>> {
  return write(async () => toWriteResult(await apiClient.POST('/api/v1/gatherings/{id}/meetings', { params: { path: { id } }, body })));
}
