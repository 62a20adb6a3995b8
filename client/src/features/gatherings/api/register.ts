import { apiClient } from '@/lib/api-client';
import { toWriteResult, write, type WriteResult } from '@/lib/write-result';
import type { Participant, ParticipantInput } from './types';

/**
 * POST /api/v1/gatherings/{id}/participants (operation registerForGathering): a buyer with its matching requests or
 * steps, a supplier with one of its own published sites, and the sessions it attends. 409 when registration is closed
 * or the caller is registered already.
 */
export function registerForGathering(id: string, body: ParticipantInput): Promise<WriteResult<Participant>> {
  return write(async () => toWriteResult(await apiClient.POST('/api/v1/gatherings/{id}/participants', { params: { path: { id } }, body })));
}
