import { apiClient } from '@/lib/api-client';
import { read } from '@/lib/read-result';
import { ifMatch, toWriteResult, write, type WriteResult } from '@/lib/write-result';
import type { Booth, Participant } from './types';

/**
 * GET /api/v1/gatherings/{id}/booths (operation listGatheringBooths, anyone): a showcase's approved exhibitors by booth
 * — what each demonstrates, its capabilities on those processes and the equipment it brings, at the caller's level.
 */
export function listBooths(id: string, signal?: AbortSignal): Promise<Booth[]> {
  return read(apiClient.GET('/api/v1/gatherings/{id}/booths', { params: { path: { id } }, signal }));
}

/**
 * PUT /api/v1/gatherings/{id}/participants/{participantId}/booth (operation setGatheringBooth, organisers): an
 * exhibitor's booth, or none (null), naming the registration's version. 409 when another exhibitor has that booth.
 */
export function setBooth(id: string, participant: Participant, booth: string | null): Promise<WriteResult<Participant>> {
  return write(async () =>
    toWriteResult(
      await apiClient.PUT('/api/v1/gatherings/{id}/participants/{participantId}/booth', {
        params: { path: { id, participantId: participant.id }, header: ifMatch(participant.version) },
        body: { booth },
      }),
    ),
  );
}
