import { apiClient } from '@/lib/api-client';
import { ifMatch, toWriteResult, write, type WriteResult } from '@/lib/write-result';
import type { Participant } from './types';

export type ParticipantStep = 'approve' | 'withdraw' | 'check-in' | 'no-show';

/**
 * POST …/participants/{participantId}/approve|withdraw|check-in|no-show (operations approveGatheringParticipant,
 * withdrawFromGathering, checkInGatheringParticipant, markGatheringNoShow), naming the registration's version. A
 * no-show's meetings are cancelled and their tables freed.
 */
export function participantStep(id: string, participant: Participant, step: ParticipantStep): Promise<WriteResult<Participant>> {
  const params = { params: { path: { id, participantId: participant.id }, header: ifMatch(participant.version) } };
  return write(async () => {
    switch (step) {
      case 'approve':
        return toWriteResult(await apiClient.POST('/api/v1/gatherings/{id}/participants/{participantId}/approve', params));
      case 'withdraw':
        return toWriteResult(await apiClient.POST('/api/v1/gatherings/{id}/participants/{participantId}/withdraw', params));
      case 'check-in':
        return toWriteResult(await apiClient.POST('/api/v1/gatherings/{id}/participants/{participantId}/check-in', params));
      case 'no-show':
        return toWriteResult(await apiClient.POST('/api/v1/gatherings/{id}/participants/{participantId}/no-show', params));
    }
  });
}

/** POST …/participants/{participantId}/refuse (operation refuseGatheringParticipant, organisers) with the reason. */
export function refuseParticipant(id: string, participant: Participant, reason: string): Promise<WriteResult<Participant>> {
  return write(async () =>
    toWriteResult(
      await apiClient.POST('/api/v1/gatherings/{id}/participants/{participantId}/refuse', {
        params: { path: { id, participantId: participant.id }, header: ifMatch(participant.version) },
        body: { reason },
      }),
    ),
  );
}
